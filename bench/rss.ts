// Resident memory of a real `lisbot serve` process (Slack HTTP mode, fake Web API on loopback) after
// 10,000 questions delivered as signed app_mention events. Stops by itself.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCases } from '../test/eval/evaluate.ts';
import { FakeSlackApi } from '../test/adapters/slack/fake-slack-api.ts';
import { JSON_TYPE, eventEnvelope, nextTs, postSigned } from '../test/adapters/slack/signed-requests.ts';
import { freePort, waitFor } from '../test/helpers/ports.ts';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 10_000);
const CONCURRENCY = 20;
const SECRET = '0123456789abcdef0123456789abcdef';

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

const questions = [...new Set(loadCases().map((c) => c.question))];
const fake = await FakeSlackApi.start();
const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'lisbot.js'), 'serve'], {
  env: {
    ...process.env,
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
    LOG_LEVEL: 'error',
    REDIS_URL: '',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).ok, 30_000, 'serve to be ready');
  const startRss = rssMiB(child.pid!);
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < QUESTIONS) {
        const i = sent++;
        const ts = nextTs();
        const { body } = eventEnvelope({
          type: 'app_mention',
          text: `<@U0LISBOT> ${questions[i % questions.length]}`,
          user: 'U0BENCH',
          channel: 'C0BENCH',
          ts,
          event_ts: ts,
        });
        await postSigned(`http://127.0.0.1:${port}/slack/events`, body, JSON_TYPE, { secret: SECRET });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const replies = fake.calls.filter((c) => c.method === 'chat.postMessage').length;
  console.log(
    `serve RSS: ${startRss.toFixed(1)} MiB at start, ${rssMiB(child.pid!).toFixed(1)} MiB after ${QUESTIONS} questions (${replies} replies, ${(QUESTIONS / seconds).toFixed(0)} events/s)`,
  );
} finally {
  child.kill('SIGTERM');
  await fake.close();
}

// The worker: a real `lisbot worker` process taking 10,000 guest-check jobs from Redis.
{
  const { randomUUID } = await import('node:crypto');
  const { createJobQueues } = await import('../src/jobs/job-queues.ts');
  const { jobSettingsFromEnv } = await import('../src/jobs/settings.ts');
  const { TEST_REDIS_URL } = await import('../test/helpers/ports.ts');
  const bundle = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'bundles', 'rhel63-lis35.txt'), 'utf8');
  const slack = await FakeSlackApi.start();
  const jobEnv = { REDIS_URL: process.env.REDIS_URL || TEST_REDIS_URL, JOB_KEY_PREFIX: `lisbot-bench-${randomUUID().slice(0, 8)}` };
  const worker = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'lisbot.js'), 'worker'], {
    env: {
      ...process.env,
      ...jobEnv,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'error',
      WORKER_CONCURRENCY: '8',
      METRICS_PORT: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const queues = createJobQueues(jobSettingsFromEnv(jobEnv));
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const startRss = rssMiB(worker.pid!);
    const service = queues.guestCheckService();
    const started = performance.now();
    for (let i = 0; i < QUESTIONS; i++) {
      await service.submit(
        { fileName: 'lischeck.txt', content: Buffer.from(`${bundle}\n# upload ${i}\n`) },
        { platform: 'slack', channel: `C0BENCH${i % 50}` },
      );
    }
    const posted = () => slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    await waitFor(() => Promise.resolve(posted() >= QUESTIONS), 300_000, 'every report');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `worker RSS: ${startRss.toFixed(1)} MiB at start, ${rssMiB(worker.pid!).toFixed(1)} MiB after ${QUESTIONS} guest checks (${posted()} reports, ${(QUESTIONS / seconds).toFixed(0)} checks/s end to end)`,
    );
  } finally {
    worker.kill('SIGTERM');
    await queues.close();
    await slack.close();
  }
}
