import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The metrics every role exposes on /metrics. One registry per process. */
export class LisbotMetrics {
  readonly registry = new Registry();
  readonly questions = new Counter({
    name: 'lisbot_questions_total',
    help: 'Questions answered, by intent and outcome (failed: no answer could be given)',
    labelNames: ['intent', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly answerLatency = new Histogram({
    name: 'lisbot_answer_latency_seconds',
    help: 'Time to answer a question in-process',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    registers: [this.registry],
  });
  readonly jobs = new Counter({
    name: 'lisbot_jobs_total',
    help: 'Jobs by queue and final state',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'lisbot_queue_depth',
    help: 'Jobs waiting or delayed, by queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  readonly digestPosts = new Counter({
    name: 'lisbot_digest_posts_total',
    help: 'Digests posted, by platform',
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  readonly platformErrors = new Counter({
    name: 'lisbot_platform_api_errors_total',
    help: 'Platform API errors, by platform and kind (429 counts rate limits)',
    labelNames: ['platform', 'kind'] as const,
    registers: [this.registry],
  });
  readonly redisErrors = new Counter({
    name: 'lisbot_redis_errors_total',
    help: 'Redis failures a store fell back to memory for, and connection errors, by store',
    labelNames: ['store'] as const,
    registers: [this.registry],
  });
  readonly processErrors = new Counter({
    name: 'lisbot_process_errors_total',
    help: 'Errors that reached the process guard (unhandled rejections, uncaught exceptions)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly kbVersion = new Gauge({
    name: 'lisbot_kb_info',
    help: 'The KB version loaded (value 1)',
    labelNames: ['version', 'newest_era'] as const,
    registers: [this.registry],
  });
  readonly kbAge = new Gauge({
    name: 'lisbot_kb_age_seconds',
    help: 'Age of the loaded KB data: seconds since the era (date) of its newest matrix snapshot',
    registers: [this.registry],
  });

  constructor(options: { defaults?: boolean } = {}) {
    if (options.defaults !== false) collectDefaultMetrics({ register: this.registry, prefix: 'lisbot_' });
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
