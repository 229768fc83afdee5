// Slack adapter end to end on loopback: 1,000 signed app_mention events through Bolt's real HTTP receiver, each
// timed from sending it to its chat.postMessage reaching a fake Web API. Baseline: the same signed bodies posted
// to a trivial local HTTP server (one round trip, no Bolt, no bot). Stops by itself.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, type Logger } from '@slack/bolt';
import { createSlackApp, EVENTS_PATH } from '../src/adapters/slack/app.ts';
import { Bot } from '../src/bot/bot.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { MemoryDedupeStore } from '../src/state/dedupe-store.ts';
import { MemoryFeedbackStore } from '../src/core/feedback-store.ts';
import { loadCases } from '../test/eval/evaluate.ts';
import { FakeSlackApi } from '../test/adapters/slack/fake-slack-api.ts';
import { JSON_TYPE, eventEnvelope, signedHeaders } from '../test/adapters/slack/signed-requests.ts';
import { ms, percentile, table } from './stats.ts';

const EVENTS = 1000;
const CONCURRENCY = 20;
const SEQUENTIAL = 200;
const WARMUP = 50;
const SECRET = '0123456789abcdef0123456789abcdef';
const TIMEOUT_MS = 10_000;

const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: (...m: unknown[]) => console.warn(...m),
  error: (...m: unknown[]) => console.error(...m),
  setLevel: () => {},
  getLevel: () => LogLevel.WARN,
  setName: () => {},
};

const questions = [...new Set(loadCases().map((c) => c.question))];
const kb = loadKnowledgeBase({ userDir: null });
const fake = await FakeSlackApi.start();
const slack = createSlackApp({
  settings: { botToken: fake.botToken, signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, admins: [], mode: 'http' },
  bot: new Bot(() => kb),
  dedupe: new MemoryDedupeStore(),
  feedback: new MemoryFeedbackStore(),
  logger: quiet,
});
await slack.start();
const eventsUrl = `http://127.0.0.1:${String(slack.port)}${EVENTS_PATH}`;

// Replies are matched to their events by thread_ts, which is the mention's ts.
const pending = new Map<string, (at: number) => void>();
fake.onCall = (call) => {
  if (call.method !== 'chat.postMessage') return;
  const thread = typeof call.body.thread_ts === 'string' ? call.body.thread_ts : '';
  pending.get(thread)?.(call.at);
  pending.delete(thread);
};

function mentionBody(i: number): { body: string; ts: string } {
  const ts = `1700000000.${String(i).padStart(6, '0')}`;
  const question = questions[i % questions.length] ?? 'help';
  const event = {
    type: 'app_mention',
    user: 'U0BENCH',
    text: `<@${fake.botUserId}> ${question}`,
    ts,
    channel: `C0BENCH${i % 50}`,
    event_ts: ts,
  };
  return { body: eventEnvelope(event, { team: fake.teamId, botUserId: fake.botUserId, eventId: `EvBENCH${i}` }).body, ts };
}

async function pool<T>(items: readonly T[], run: (item: T) => Promise<void>, concurrency = CONCURRENCY): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await run(item);
      }
    }),
  );
  return performance.now() - started;
}

/** Sends one signed event; resolves with [ack ms, reply-reached-fake ms]. */
async function sendEvent(url: string, i: number): Promise<[number, number]> {
  const { body, ts } = mentionBody(i);
  const reply = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to event ${i} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    pending.set(ts, (at) => {
      clearTimeout(timer);
      resolve(at);
    });
  });
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: signedHeaders(body, JSON_TYPE, { secret: SECRET }), body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`event ${i}: HTTP ${response.status}`);
  const acked = performance.now() - started;
  return [acked, (await reply) - started];
}

const ids = Array.from({ length: EVENTS }, (_, i) => i + WARMUP);
for (let i = 0; i < WARMUP; i++) await sendEvent(eventsUrl, i);
const acks: number[] = [];
const replies: number[] = [];
const elapsed = await pool(ids, async (i) => {
  const [ack, reply] = await sendEvent(eventsUrl, i);
  acks.push(ack);
  replies.push(reply);
});
const unloaded: number[] = [];
const unloadedElapsed = await pool(
  Array.from({ length: SEQUENTIAL }, (_, i) => i + WARMUP + EVENTS),
  async (i) => {
    unloaded.push((await sendEvent(eventsUrl, i))[1]);
  },
  1,
);
const posted = fake.posts().length;
const expected = WARMUP + EVENTS + SEQUENTIAL;

// Baseline: the same signed bodies, one HTTP round trip each, to a server that reads the body and answers 200.
const bare = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200);
    res.end();
  });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/slack/events`;
const roundTrips: number[] = [];
async function bareRoundTrip(i: number): Promise<void> {
  const { body } = mentionBody(i);
  const started = performance.now();
  const response = await fetch(bareUrl, { method: 'POST', headers: signedHeaders(body, JSON_TYPE, { secret: SECRET }), body });
  await response.arrayBuffer();
  roundTrips.push(performance.now() - started);
}
for (let i = 0; i < WARMUP; i++) await bareRoundTrip(i);
roundTrips.length = 0;
const bareElapsed = await pool(ids, bareRoundTrip);

await slack.stop();
await fake.close();
bare.close();

const row = (name: string, samples: readonly number[], total: number) => [
  name,
  ms(percentile(samples, 50)),
  ms(percentile(samples, 99)),
  ms(Math.max(...samples)),
  `${(samples.length / (total / 1000)).toFixed(0)}/s`,
];
console.log(
  `Slack adapter: ${EVENTS} signed app_mention events (after ${WARMUP} warm-up), ${CONCURRENCY} at a time, ${questions.length} distinct questions; Node ${process.version}`,
);
console.log(
  table([
    ['', 'median', 'p99', 'max', 'throughput'],
    row('event → reply at fake Web API', replies, elapsed),
    row('event → HTTP ack', acks, elapsed),
    row('baseline: bare HTTP round trip', roundTrips, bareElapsed),
    row(`event → reply, one at a time (${SEQUENTIAL})`, unloaded, unloadedElapsed),
  ]),
);
console.log(
  `ratio to baseline: median ${(percentile(replies, 50) / percentile(roundTrips, 50)).toFixed(1)}×, p99 ${(percentile(replies, 99) / percentile(roundTrips, 99)).toFixed(1)}×`,
);
console.log(`replies posted: ${posted} for ${expected} events`);
if (posted !== expected) process.exitCode = 1;
