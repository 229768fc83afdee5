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
  env: { ...process.env, SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), METRICS_PORT: String(metricsPort), LOG_LEVEL: 'error', REDIS_URL: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).ok, 30_000, 'serve to be ready');
  const startRss = rssMiB(child.pid!);
  let sent = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (sent < QUESTIONS) {
      const i = sent++;
      const ts = nextTs();
      const { body } = eventEnvelope({ type: 'app_mention', text: `<@U0LISBOT> ${questions[i % questions.length]}`, user: 'U0BENCH', channel: 'C0BENCH', ts, event_ts: ts });
      await postSigned(`http://127.0.0.1:${port}/slack/events`, body, JSON_TYPE, { secret: SECRET });
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const replies = fake.calls.filter((c) => c.method === 'chat.postMessage').length;
  console.log(`serve RSS: ${startRss.toFixed(1)} MiB at start, ${rssMiB(child.pid!).toFixed(1)} MiB after ${QUESTIONS} questions (${replies} replies, ${(QUESTIONS / seconds).toFixed(0)} events/s)`);
} finally {
  child.kill('SIGTERM');
  await fake.close();
}
