// Guest-check jobs end to end: submit (upload stored, job added) → worker → check → delivery recorded → post.
// Measures jobs/s through BullMQ with 1 and 2 worker processes, p99 enqueue→delivered latency at a steady
// 200 jobs/s, and the in-process queue's rate as the baseline. The check is trivial and the poster an in-memory
// counter, so this measures the queue, not the rules or Slack. Uses a unique prefix, deletes its keys, and stops
// by itself.   npx tsx bench/jobs.ts      (BENCH_JOBS, BENCH_CONCURRENCY, BENCH_STEADY_SECONDS, REDIS_URL)
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { reply } from '../src/core/reply.ts';
import type { PostedMessage, ReplyPoster, ReplyTarget } from '../src/core/delivery.ts';
import type { GuestCheckService } from '../src/jobs/guest-check/submitter.ts';
import { createJobQueues, type JobQueues } from '../src/jobs/job-queues.ts';
import { DEFAULT_JOB_SETTINGS, type JobSettings } from '../src/jobs/settings.ts';
import { startWorkerRuntime, stopOnSignal } from '../src/jobs/worker-process.ts';
import { percentile, table } from './stats.ts';
import { deleteKeys } from '../test/jobs/helpers.ts';

const REDIS_URL = process.env.REDIS_URL ?? process.env.LISBOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const STEADY_RATE = 200;
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 10);
const IN_FLIGHT_SUBMITS = 256;
const PHASE_TIMEOUT_MS = 120_000;

const REPORT = reply({ intent: 'guest_check', title: 'Guest check report', text: 'bench report' });
const trivialCheck = () => REPORT;

/** Counts posts and says when each happened: the end of an enqueue→delivered latency. */
class CountingPoster implements ReplyPoster {
  readonly platform = 'slack' as const;
  private next = 0;

  constructor(private readonly delivered: (channel: string, at: number) => void) {}

  post(target: ReplyTarget): Promise<PostedMessage> {
    this.delivered(target.channel, Date.now());
    return Promise.resolve({ id: `m${++this.next}` });
  }

  update(): Promise<void> {
    return Promise.resolve();
  }
}

function settingsFor(prefix: string, redisUrl: string | undefined): JobSettings {
  return {
    ...DEFAULT_JOB_SETTINGS,
    redisUrl,
    workerConcurrency: CONCURRENCY,
    uploadTtlSeconds: 600,
    shutdownTimeoutMs: 5_000,
    queuePrefix: prefix,
    keyPrefix: prefix,
  };
}

// ---- worker child: `bench/jobs.ts --worker`, settings in BENCH_SETTINGS, deliveries reported over IPC ----

async function workerChild(): Promise<void> {
  const settings = JSON.parse(process.env.BENCH_SETTINGS ?? '{}') as JobSettings;
  let batch: Array<[string, number]> = [];
  const flush = () => {
    if (batch.length === 0) return;
    process.send?.({ delivered: batch });
    batch = [];
  };
  const timer = setInterval(flush, 20);
  const runtime = startWorkerRuntime(settings, {
    posters: { slack: new CountingPoster((channel, at) => batch.push([channel, at])) },
    check: trivialCheck,
  });
  process.on('message', (message: unknown) => {
    if (message === 'stop') process.kill(process.pid, 'SIGTERM');
  });
  process.send?.({ ready: true });
  await stopOnSignal(runtime, { timeoutMs: settings.shutdownTimeoutMs });
  flush();
  clearInterval(timer);
  process.disconnect?.();
}

// ---- the parent: phases, measurements, clean-up ----

class Deliveries {
  readonly at = new Map<string, number>();
  private waiters: Array<() => void> = [];

  add(channel: string, at: number): void {
    this.at.set(channel, at);
    for (const wake of this.waiters.splice(0)) wake();
  }

  async waitFor(channels: readonly string[], timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (channels.some((c) => !this.at.has(c))) {
      if (Date.now() > deadline) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }
}

function spawnWorker(settings: JobSettings, deliveries: Deliveries): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), ['--worker'], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SETTINGS: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: { ready?: boolean; delivered?: Array<[string, number]> }) => {
      if (message.ready) resolve(child);
      for (const [channel, at] of message.delivered ?? []) deliveries.add(channel, at);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.send('stop');
  });
}

function submitOne(service: GuestCheckService, run: string, channel: string): Promise<void> {
  return service
    .submit(
      { fileName: 'bench.txt', content: Buffer.from(`### lischeck-meta\n${run} ${channel}\n### lischeck-end\n`) },
      { platform: 'slack', channel },
      'UBENCH',
    )
    .then((result) => {
      if (result.status !== 'queued') throw new Error(`submit ${channel}: ${JSON.stringify(result)}`);
    });
}

/** Submits `count` jobs as fast as the producer allows and waits until every one was delivered. */
async function burst(
  service: GuestCheckService,
  deliveries: Deliveries,
  label: string,
  count: number,
): Promise<{ rate: number; seconds: number; complete: boolean }> {
  const run = randomUUID();
  const channels = Array.from({ length: count }, (_, i) => `${label}-${i}`);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT_SUBMITS }, async () => {
      while (next < channels.length) await submitOne(service, run, channels[next++]!);
    }),
  );
  const complete = await deliveries.waitFor(channels, PHASE_TIMEOUT_MS);
  const seconds = (performance.now() - started) / 1000;
  const done = channels.filter((c) => deliveries.at.has(c)).length;
  return { rate: done / seconds, seconds, complete };
}

/** One job every 1000/rate ms for `seconds`; latency from the submit call to the post. */
async function steady(service: GuestCheckService, deliveries: Deliveries, rate: number, seconds: number) {
  const run = randomUUID();
  const total = rate * seconds;
  const sent = new Map<string, number>();
  const started = Date.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const channel = `steady-${i}`;
    sent.set(channel, Date.now());
    pending.push(submitOne(service, run, channel));
  }
  await Promise.all(pending);
  const achieved = total / ((Date.now() - started) / 1000);
  const complete = await deliveries.waitFor([...sent.keys()], PHASE_TIMEOUT_MS);
  const latencies = [...sent].flatMap(([channel, at]) => {
    const delivered = deliveries.at.get(channel);
    return delivered === undefined ? [] : [delivered - at];
  });
  return { achieved, complete, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) };
}

async function inProcessBaseline(): Promise<{ rate: number; seconds: number; complete: boolean }> {
  const deliveries = new Deliveries();
  const queues = createJobQueues(settingsFor('unused', undefined));
  const worker = queues.startGuestCheckWorker({
    posters: { slack: new CountingPoster((c, at) => deliveries.add(c, at)) },
    check: trivialCheck,
  });
  const service = queues.guestCheckService();
  await burst(service, deliveries, 'warm', 500);
  const result = await burst(service, deliveries, 'inproc', JOBS * 2);
  await worker.close(5_000);
  await queues.close();
  return result;
}

async function bullmq(workers: number, withSteady: boolean) {
  const prefix = `lisbot-bench-${randomUUID().slice(0, 8)}`;
  const settings = settingsFor(prefix, REDIS_URL);
  const deliveries = new Deliveries();
  const children: ChildProcess[] = [];
  let queues: JobQueues | undefined;
  try {
    for (let i = 0; i < workers; i++) children.push(await spawnWorker(settings, deliveries));
    queues = createJobQueues(settings);
    const service = queues.guestCheckService();
    await burst(service, deliveries, 'warm', 200 * workers);
    const result = await burst(service, deliveries, `burst${workers}`, JOBS);
    const latency = withSteady ? await steady(service, deliveries, STEADY_RATE, STEADY_SECONDS) : undefined;
    return { ...result, latency };
  } finally {
    await Promise.all(children.map(stopWorker));
    await queues?.close();
    await deleteKeys(REDIS_URL, prefix);
  }
}

async function main(): Promise<void> {
  console.log(
    `guest-check jobs end to end: ${JOBS} jobs per burst, worker concurrency ${CONCURRENCY}, Redis ${REDIS_URL.replace(/\/\/[^@]*@/, '//***@')}`,
  );
  const inProcess = await inProcessBaseline();
  const one = await bullmq(1, false);
  const two = await bullmq(2, true);
  const fmt = (n: number) => n.toFixed(0);
  const flag = (complete: boolean) => (complete ? '' : ' (INCOMPLETE)');
  console.log();
  console.log(
    table([
      ['queue', 'jobs', 'seconds', 'jobs/s'],
      ['in-process (baseline)', String(JOBS * 2), inProcess.seconds.toFixed(2), fmt(inProcess.rate) + flag(inProcess.complete)],
      ['BullMQ, 1 worker process', String(JOBS), one.seconds.toFixed(2), fmt(one.rate) + flag(one.complete)],
      ['BullMQ, 2 worker processes', String(JOBS), two.seconds.toFixed(2), fmt(two.rate) + flag(two.complete)],
    ]),
  );
  const latency = two.latency!;
  console.log();
  console.log(
    `steady ${STEADY_RATE} jobs/s for ${STEADY_SECONDS} s (achieved ${latency.achieved.toFixed(0)}/s), 2 worker processes, enqueue→delivered:` +
      ` p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms${flag(latency.complete)}`,
  );
  console.log(
    `in-process / BullMQ (2 workers): ${(inProcess.rate / two.rate).toFixed(1)}×;  2 workers / 1 worker: ${(two.rate / one.rate).toFixed(2)}×`,
  );
  console.log(`target ≥ 1,000 jobs/s with 2 workers: ${two.rate >= 1000 ? 'met' : 'NOT met'}`);
}

if (process.argv.includes('--worker')) await workerChild();
else await main();
