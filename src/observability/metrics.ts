import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The metrics every role exposes on /metrics. One registry per process. */
export class LisbotMetrics {
  readonly registry = new Registry();
  readonly questions = this.counter(
    'lisbot_questions_total',
    'Questions answered, by intent and outcome (failed: no answer could be given)',
    ['intent', 'outcome'],
  );
  readonly answerLatency = new Histogram({
    name: 'lisbot_answer_latency_seconds',
    help: 'Time to answer a question in-process',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [this.registry],
  });
  readonly jobs = this.counter('lisbot_jobs_total', 'Jobs by queue and final state', ['queue', 'state']);
  readonly queueDepth = this.gauge('lisbot_queue_depth', 'Jobs waiting or delayed, by queue', ['queue']);
  readonly digestPosts = this.counter('lisbot_digest_posts_total', 'Digests posted, by platform', ['platform']);
  readonly platformErrors = this.counter(
    'lisbot_platform_api_errors_total',
    'Platform API errors, by platform and kind (429 counts rate limits)',
    ['platform', 'kind'],
  );
  readonly redisErrors = this.counter(
    'lisbot_redis_errors_total',
    'Redis failures a store fell back to memory for, and connection errors, by store',
    ['store'],
  );
  readonly processErrors = this.counter(
    'lisbot_process_errors_total',
    'Errors that reached the process guard (unhandled rejections, uncaught exceptions)',
    ['kind'],
  );
  readonly kbVersion = this.gauge('lisbot_kb_info', 'The KB version loaded (value 1)', ['version', 'newest_era']);
  readonly kbAge = this.gauge(
    'lisbot_kb_age_seconds',
    'Age of the loaded KB data: seconds since the era (date) of its newest matrix snapshot',
    [],
  );

  constructor(options: { defaults?: boolean } = {}) {
    if (options.defaults !== false) collectDefaultMetrics({ register: this.registry, prefix: 'lisbot_' });
  }

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
    return new Gauge<L>({ name, help, labelNames, registers: [this.registry] });
  }

  recordAnswer(intent: string, answered: boolean, latencyMs: number): void {
    this.questions.inc({ intent, outcome: answered ? 'answered' : 'declined' });
    this.answerLatency.observe(latencyMs / 1000);
  }

  recordFailedQuestion(): void {
    this.questions.inc({ intent: 'none', outcome: 'failed' });
  }

  /** The KB's age is its data's: the time since the newest matrix snapshot it holds (its era, a date). */
  recordKb(version: string, newestEra: string, now = Date.now()): void {
    this.kbVersion.reset();
    this.kbVersion.set({ version, newest_era: newestEra }, 1);
    const era = Date.parse(newestEra);
    if (Number.isFinite(era)) this.kbAge.set(Math.max(0, (now - era) / 1000));
  }
}
