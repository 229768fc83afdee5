// The chaos suite (`npm run chaos`, not part of `npm test`): real processes — 2 `lisbot serve`, 2 `lisbot worker`,
// a redis-server of its own on a free port and a loopback fake Slack — under steady load, retries to both replicas,
// Redis shut down and killed -9 under load, a worker SIGKILLed mid-job and mid-post, and hostile texts and uploads.
// Prints, per scenario, sent, acked, replied, duplicated and lost, with latency p50 and p99. Loopback only; every
// loop is bounded, and the whole run stops itself after CHAOS_DEADLINE_MS. Exit code 1 when a target is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, table } from '../bench/stats.ts';
import { FakeSlackApi, type RecordedCall } from '../test/adapters/slack/fake-slack-api.ts';
import { FORM_TYPE, JSON_TYPE, eventEnvelope, postSigned } from '../test/adapters/slack/signed-requests.ts';
import { freePort, waitFor } from '../test/helpers/ports.ts';
import { PrivateRedis } from '../test/helpers/redis-server.ts';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'chaosSigningSecret0123456789abcdef';
const DEADLINE_MS = Number(process.env.CHAOS_DEADLINE_MS ?? 15 * 60_000);
const REPLY_WAIT_MS = 20_000;
const CHECK_WAIT_MS = 60_000;
const logDir = mkdtempSync(join(tmpdir(), 'lisbot-chaos-'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const QUESTIONS = [
  'does rhel 6.2 need lis?',
  'does ubuntu 20.04 support trim?',
  'which features work on debian 11 on 2019?',
  'secure boot for ubuntu 18.04 on 2016?',
  'is freebsd 13 supported on 2022?',
  'does centos 7.9 support dynamic memory?',
];
const REPORT = (n: number) =>
  Buffer.from(
    `== lis-collect 1.0.0 format 1 ==\n[os-release]\nID=ubuntu\nVERSION_ID="20.04"\nPRETTY_NAME="Ubuntu 20.04.6 LTS"\n[uname]\nLinux vm${n} 5.4.0-150-generic #167-Ubuntu SMP x86_64 GNU/Linux\n[modules]\nhv_vmbus\nhv_netvsc\nhv_storvsc\nhv_utils\nhv_balloon\n`,
  );

// ---- processes -------------------------------------------------------------------------------------------------

class Proc {
  child: ChildProcess | undefined;
  constructor(
    readonly name: string,
    readonly role: 'serve' | 'worker',
    readonly env: Record<string, string>,
    readonly metricsPort: number,
  ) {}

  start(): void {
    const log = openSync(join(logDir, `${this.name}.log`), 'a');
    this.child = spawn(process.execPath, [join(ROOT, 'bin', 'lisbot.js'), this.role], {
      cwd: ROOT,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', log, log],
    });
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async ready(timeoutMs = 90_000): Promise<void> {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${this.metricsPort}/readyz`)).ok, timeoutMs, `${this.name} to be ready`);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await Promise.race([gone, sleep(15_000)]);
    if (this.alive) child.kill('SIGKILL');
  }
}

// ---- what the fake Slack saw -----------------------------------------------------------------------------------

interface Question {
  readonly key: string;
  readonly sentAt: number;
  acked: boolean;
  readonly replies: number[];
}
const questions = new Map<string, Question>();
interface Check {
  readonly channel: string;
  readonly sentAt: number;
  acked: boolean;
  readonly reports: number[];
  readonly notices: string[];
}
const checks = new Map<string, Check>();

const textOf = (call: RecordedCall) => `${typeof call.body.text === 'string' ? call.body.text : ''}`;
const NOTICE = /^(Checking |I'm already checking|I can't check|Something went wrong|Guest checks are not enabled|I check at most)/;

function observe(call: RecordedCall): void {
  if (call.kind !== 'api') return;
  const channel = typeof call.body.channel === 'string' ? call.body.channel : '';
  if (call.method === 'chat.postMessage' && channel.startsWith('CQ')) {
    questions.get(`${channel}:${String(call.body.thread_ts)}`)?.replies.push(call.at);
  }
  const check = checks.get(channel);
  if (check && (call.method === 'chat.postMessage' || call.method === 'chat.update')) {
    const text = textOf(call);
    if (call.method === 'chat.postMessage' && !NOTICE.test(text)) check.reports.push(call.at);
    else check.notices.push(text.slice(0, 120));
  }
}

// ---- load ------------------------------------------------------------------------------------------------------

let counter = 0;
function nextTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;
}

async function ask(url: string, text: string, retryOf?: { body: string; key: string; retryNum: number }): Promise<string> {
  if (retryOf) {
    const result = await postSigned(url, retryOf.body, JSON_TYPE, {
      secret: SECRET,
      retryNum: retryOf.retryNum,
      retryReason: 'http_timeout',
    }).catch(() => undefined);
    if (result?.status === 200) questions.get(retryOf.key)!.acked = true;
    return retryOf.key;
  }
  const channel = `CQ${String(++counter).padStart(7, '0')}`;
  const ts = nextTs();
  const { body } = eventEnvelope({ type: 'app_mention', text: `<@U0LISBOT> ${text}`, user: 'U0ASKER', channel, ts, event_ts: ts });
  const key = `${channel}:${ts}`;
  questions.set(key, { key, sentAt: performance.now(), acked: false, replies: [] });
  lastBodies.set(key, body);
  const result = await postSigned(url, body, JSON_TYPE, { secret: SECRET }).catch(() => undefined);
  if (result?.status === 200) questions.get(key)!.acked = true;
  return key;
}
const lastBodies = new Map<string, string>();

async function upload(fake: FakeSlackApi, url: string, content: Buffer, name: string): Promise<string> {
  const channel = `DK${String(++counter).padStart(7, '0')}`;
  const file = fake.addFile({ id: `F${channel}`, name, content });
  const ts = nextTs();
  checks.set(channel, { channel, sentAt: performance.now(), acked: false, reports: [], notices: [] });
  const { body } = eventEnvelope({
    type: 'message',
    subtype: 'file_share',
    channel,
    channel_type: 'im',
    user: 'U0UPLOADER',
    text: '',
    files: [file],
    ts,
    event_ts: ts,
  });
  const result = await postSigned(url, body, JSON_TYPE, { secret: SECRET }).catch(() => undefined);
  if (result?.status === 200) checks.get(channel)!.acked = true;
  return channel;
}

interface Figures {
  scenario: string;
  sent: number;
  acked: number;
  replied: number;
  duplicated: number;
  lost: number;
  p50: number;
  p99: number;
  note?: string;
}
const results: Figures[] = [];

async function settleQuestions(keys: readonly string[]): Promise<void> {
  const deadline = Date.now() + REPLY_WAIT_MS;
  while (Date.now() < deadline && keys.some((k) => questions.get(k)!.replies.length === 0)) await sleep(200);
  await sleep(1500);
}

/** Sent, acked, replied, duplicated and lost, and the latency to the first reply, of one scenario's requests. */
function recordFigures(
  scenario: string,
  list: ReadonlyArray<{ readonly sentAt: number; readonly acked: boolean; readonly arrivals: readonly number[] }>,
  note?: string,
): Figures {
  const latencies = list.filter((r) => r.arrivals.length > 0).map((r) => Math.min(...r.arrivals) - r.sentAt);
  const figures = {
    scenario,
    sent: list.length,
    acked: list.filter((r) => r.acked).length,
    replied: list.filter((r) => r.arrivals.length > 0).length,
    duplicated: list.filter((r) => r.arrivals.length > 1).length,
    lost: list.filter((r) => r.arrivals.length === 0).length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ...(note ? { note } : {}),
  };
  results.push(figures);
  return figures;
}

function questionFigures(scenario: string, keys: readonly string[], note?: string): Figures {
  const list = keys.map((k) => questions.get(k)!);
  return recordFigures(
    scenario,
    list.map((q) => ({ sentAt: q.sentAt, acked: q.acked, arrivals: q.replies })),
    note,
  );
}

async function settleChecks(channels: readonly string[]): Promise<void> {
  const deadline = Date.now() + CHECK_WAIT_MS;
  while (
    Date.now() < deadline &&
    channels.some((c) => checks.get(c)!.reports.length === 0 && !checks.get(c)!.notices.some((n) => /can't check|not enabled/.test(n)))
  )
    await sleep(250);
  await sleep(3000);
}

function checkFigures(scenario: string, channels: readonly string[]): Figures {
  const list = channels.map((c) => checks.get(c)!);
  const wrong = list.filter((c) => c.reports.length > 0 && c.notices.some((n) => /not confirmed|upload (it )?again/i.test(n))).length;
  return recordFigures(
    scenario,
    list.map((c) => ({ sentAt: c.sentAt, acked: c.acked, arrivals: c.reports })),
    `${wrong} wrong "not confirmed" notices after a posted report${lostNotices(list)}`,
  );
}

/** What the user saw on a lost check, so a miss can be told from a slow report. */
function lostNotices(list: readonly Check[]): string {
  const lost = list.filter((c) => c.reports.length === 0);
  if (lost.length === 0) return '';
  const seen = new Map<string, number>();
  for (const check of lost) {
    const last = check.notices.at(-1) ?? '(nothing)';
    seen.set(last, (seen.get(last) ?? 0) + 1);
  }
  return `; lost checks last saw: ${[...seen].map(([text, n]) => `${n}× "${text.slice(0, 90)}"`).join(', ')}`;
}

/** Sends `count` questions, `perSecond` a second, round robin over the replicas, while `during` runs. */
async function steadyQuestions(urls: readonly string[], count: number, perSecond: number): Promise<string[]> {
  const keys: Array<Promise<string>> = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    keys.push(ask(urls[i % urls.length]!, QUESTIONS[i % QUESTIONS.length]!));
  }
  return Promise.all(keys);
}

// ---- the run ---------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const redis = await PrivateRedis.start();
  const fake = await FakeSlackApi.start();
  fake.onCall = observe;
  const ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
  const base = {
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    REDIS_URL: redis.url,
    LOG_LEVEL: 'warn',
    JOB_KEY_PREFIX: `chaos${process.pid}`,
    JOB_LOCK_DURATION_MS: '5000',
    JOB_STALLED_INTERVAL_MS: '2000',
    JOB_BACKOFF_MS: '500',
    WORKER_CONCURRENCY: '2',
  };
  const serves = [0, 1].map(
    (i) =>
      new Proc(
        `serve-${i + 1}`,
        'serve',
        { ...base, PORT: String(ports[i * 2]), METRICS_PORT: String(ports[i * 2 + 1]) },
        ports[i * 2 + 1]!,
      ),
  );
  const workers = [0, 1].map((i) => new Proc(`worker-${i + 1}`, 'worker', { ...base, METRICS_PORT: String(ports[4 + i]) }, ports[4 + i]!));
  const all = [...serves, ...workers];
  const urls = serves.map((s) => `http://127.0.0.1:${s.env.PORT}/slack/events`);
  const stopAll = async () => {
    await Promise.all(all.map((p) => p.kill('SIGTERM')));
    await fake.close();
    await redis.stop();
  };
  const deadline = setTimeout(() => {
    console.error(`chaos: deadline of ${DEADLINE_MS} ms passed, stopping`);
    void stopAll().then(() => process.exit(1));
  }, DEADLINE_MS);
  try {
    console.log(`chaos: redis-server on ${redis.port}, fake Slack at ${fake.url}, process logs in ${logDir}`);
    for (const p of all) p.start();
    await Promise.all(all.map((p) => p.ready()));
    console.log('chaos: 2 serve and 2 worker processes ready');

    // 1. Steady load.
    const steady = await steadyQuestions(urls, 400, 40);
    const uploads = await Promise.all(Array.from({ length: 40 }, (_, i) => upload(fake, urls[i % 2]!, REPORT(i), `vm${i}.txt`)));
    await settleQuestions(steady);
    questionFigures('steady: questions', steady);
    await settleChecks(uploads);
    checkFigures('steady: checks', uploads);

    // 2. Retries to both replicas: each delivery again, with X-Slack-Retry-Num, to the other replica and to the same one.
    const retried: string[] = [];
    for (let i = 0; i < 150; i++) {
      const key = await ask(urls[i % 2]!, QUESTIONS[i % QUESTIONS.length]!);
      const body = lastBodies.get(key)!;
      await Promise.all([ask(urls[(i + 1) % 2]!, '', { body, key, retryNum: 1 }), ask(urls[i % 2]!, '', { body, key, retryNum: 2 })]);
      retried.push(key);
    }
    await settleQuestions(retried);
    questionFigures('retries to both replicas (3 deliveries each)', retried);

    // 3. Redis shut down, then killed -9, each for 10 s, under load (10 questions a second throughout).
    for (const [label, signal] of [
      ['shut down', 'SIGTERM'],
      ['killed -9', 'SIGKILL'],
    ] as const) {
      const load = steadyQuestions(urls, 200, 10);
      await sleep(3000);
      const downAt = performance.now();
      await redis.down(signal);
      await sleep(10_000);
      await redis.up();
      const upAt = performance.now();
      const keys = await load;
      await settleQuestions(keys);
      const during = keys.filter((k) => {
        const q = questions.get(k)!;
        return q.sentAt >= downAt && q.sentAt <= upAt + 2000;
      });
      questionFigures(`redis ${label} 10 s: all questions`, keys);
      questionFigures(`redis ${label} 10 s: sent while down or restarting`, during);
      await Promise.all(all.map((p) => p.ready(30_000)));
      const afterUploads = [await upload(fake, urls[0]!, REPORT(900), 'after-outage.txt')];
      await settleChecks(afterUploads);
      checkFigures(`redis ${label}: first upload after it is back`, afterUploads);
    }
    const alive = all.filter((p) => p.alive).length;
    if (alive !== all.length) console.log(`chaos: only ${alive} of ${all.length} processes alive after the Redis outages`);

    // 4a. A worker SIGKILLed mid-job: uploads in flight, one worker killed, restarted later.
    const midJob: string[] = [];
    for (let i = 0; i < 30; i++) midJob.push(await upload(fake, urls[i % 2]!, REPORT(1000 + i), `job${i}.txt`));
    await workers[0]!.kill('SIGKILL');
    for (let i = 30; i < 40; i++) midJob.push(await upload(fake, urls[i % 2]!, REPORT(1000 + i), `job${i}.txt`));
    workers[0]!.start();
    await settleChecks(midJob);
    checkFigures('worker SIGKILLed mid-job', midJob);
    await workers[0]!.ready();

    // 4b. A worker SIGKILLed mid-post: one worker left; Slack records its report post but holds the answer 3 s,
    // and the worker is killed while it waits.
    await workers[1]!.kill('SIGTERM');
    let killed = false;
    fake.holdResponse = (method, body) =>
      method === 'chat.postMessage' && String(body.channel).startsWith('DK') && !NOTICE.test(typeof body.text === 'string' ? body.text : '')
        ? 3000
        : 0;
    const midPost: string[] = [];
    const firstPost = new Promise<void>((resolve) => {
      const previous = fake.onCall;
      fake.onCall = (call) => {
        previous?.(call);
        if (!killed && call.method === 'chat.postMessage' && midPost.includes(String(call.body.channel)) && !NOTICE.test(textOf(call))) {
          killed = true;
          resolve();
        }
      };
    });
    for (let i = 0; i < 10; i++) midPost.push(await upload(fake, urls[i % 2]!, REPORT(2000 + i), `post${i}.txt`));
    await Promise.race([firstPost, sleep(30_000)]);
    await workers[0]!.kill('SIGKILL');
    fake.holdResponse = undefined;
    workers[0]!.start();
    workers[1]!.start();
    await settleChecks(midPost);
    await sleep(8000);
    const midPostFigures = checkFigures('worker SIGKILLed mid-post', midPost);
    const asked = fake.calls.filter(
      (c) => (c.method === 'conversations.history' || c.method === 'conversations.replies') && midPost.includes(String(c.body.channel)),
    ).length;
    midPostFigures.note = `${midPostFigures.note ?? ''}; Slack asked ${asked} times whether a dead worker's report was posted`;

    // 5. Hostile payloads, texts and uploads; every process must stay up.
    const hostileBodies: Array<[string, string]> = [
      ['null', JSON_TYPE],
      ['payload=null', FORM_TYPE],
      ['[]', JSON_TYPE],
      ['"x"', JSON_TYPE],
      ['{"type":"block_actions"}', JSON_TYPE],
      ['payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%5D%7D', FORM_TYPE],
      ['{"type":"event_callback","event":null}', JSON_TYPE],
      ['{"type":"view_submission","user":{"id":"U1"}}', JSON_TYPE],
      ['payload=%7B%22type%22%3A%22shortcut%22%7D', FORM_TYPE],
      ['{"type":"event_callback","event":{"type":"app_mention"}}', JSON_TYPE],
    ];
    const statuses: Record<string, number> = {};
    for (const url of urls) {
      for (const [body, type] of hostileBodies) {
        const result = await postSigned(url, body, type, { secret: SECRET }).catch(() => ({ status: -1 }));
        statuses[String(result.status)] = (statuses[String(result.status)] ?? 0) + 1;
      }
      const future = await postSigned(url, '{"type":"event_callback","event":{"type":"app_mention"}}', JSON_TYPE, {
        secret: SECRET,
        timestamp: Math.floor(Date.now() / 1000) + 360,
      });
      statuses[`future:${future.status}`] = (statuses[`future:${future.status}`] ?? 0) + 1;
    }
    const hostileTexts = [
      '\u0001'.repeat(400) + ' does rhel 7.9 support trim?',
      '\ud800'.repeat(340) + ' rhel 7',
      '@everyone <!channel> <!here> does ubuntu 20.04 support kvp?',
      'x'.repeat(40_000),
      '<script>alert(1)</script> *bold* `code` ```block``` show the rhel matrix',
      '\u202e\u2066 does debian 11 support trim',
      '😀'.repeat(2000),
    ];
    const hostileKeys: string[] = [];
    for (let i = 0; i < hostileTexts.length * 2; i++) hostileKeys.push(await ask(urls[i % 2]!, hostileTexts[i % hostileTexts.length]!));
    const hostileUploads = [
      ['binary.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT(3000).toString('utf8'), 'utf16le')])],
      ['empty.txt', Buffer.alloc(0)],
      ['huge.txt', Buffer.alloc(6 * 1024 * 1024, 'a')],
      ['evil\u0007\u001b[31m\u202ename.txt', REPORT(3001)],
    ] as const;
    const hostileChecks: string[] = [];
    for (const [name, content] of hostileUploads) hostileChecks.push(await upload(fake, urls[0]!, content, name));
    await settleQuestions(hostileKeys);
    questionFigures('hostile texts', hostileKeys);
    await settleChecks(hostileChecks);
    const answeredUploads = hostileChecks.filter((c) => checks.get(c)!.reports.length > 0 || checks.get(c)!.notices.length > 0).length;
    const aliveAfter = all.filter((p) => p.alive).map((p) => p.name);
    results.push({
      scenario: 'hostile payloads and uploads',
      sent: hostileBodies.length * 2 + 2 + hostileUploads.length,
      acked: answeredUploads,
      replied: answeredUploads,
      duplicated: 0,
      lost: hostileUploads.length - answeredUploads,
      p50: Number.NaN,
      p99: Number.NaN,
      note: `statuses ${JSON.stringify(statuses)}; alive: ${aliveAfter.join(', ')}`,
    });

    printResults();
    const questionTargets = results.filter((r) => /redis .*(while down|all questions)|steady|retries|hostile texts/.test(r.scenario));
    const checkTargets = results.filter((r) => /worker SIGKILLed|steady: checks/.test(r.scenario));
    const ok =
      questionTargets.every((r) => r.lost === 0 && r.duplicated === 0) &&
      checkTargets.every((r) => r.lost === 0 && r.duplicated === 0) &&
      aliveAfter.length === all.length;
    console.log(ok ? '\nchaos: every target met' : '\nchaos: a target was missed (see above)');
    return ok ? 0 : 1;
  } finally {
    clearTimeout(deadline);
    await stopAll();
  }
}

function printResults(): void {
  const f = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '-');
  console.log('');
  console.log(
    table([
      ['scenario', 'sent', 'acked', 'replied', 'duplicated', 'lost', 'p50', 'p99'],
      ...results.map((r) => [
        r.scenario,
        String(r.sent),
        String(r.acked),
        String(r.replied),
        String(r.duplicated),
        String(r.lost),
        f(r.p50),
        f(r.p99),
      ]),
    ]),
  );
  for (const r of results.filter((x) => x.note)) console.log(`  ${r.scenario}: ${r.note!}`);
}

process.exitCode = await main();
