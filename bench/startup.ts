// npm run bench:startup — how fast lisbot starts, as a user starts it, against `node -e 0` measured in the same run:
// wall time of `lisbot ask`, `lisbot --help`, `lisbot check FILE` and `npm start` to its first prompt, and the RSS
// of `serve` with only Slack configured. Each figure is the median of BENCH_RUNS runs (default 7).
// bin/lisbot.js runs the build in dist/ when it is current (npm ci runs `npm run build`); run the build first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeSlackApi } from '../test/adapters/slack/fake-slack-api.ts';
import { freePort, waitFor } from '../test/helpers/ports.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'lisbot.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUNDLE = join(ROOT, 'test', 'fixtures', 'bundles', 'rhel7.txt');
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, LISBOT_STATE_DIR: '/nonexistent-lisbot-state' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time of one process from spawn to exit, in ms. */
function wall(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Time from `npm start` until the terminal chat prints its prompt. */
function untilPrompt(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('lisbot> ')) {
        const ms = performance.now() - started;
        child.stdin.end('quit\n');
        child.once('exit', () => resolve(ms));
      }
    });
    child.once('exit', (code) => {
      if (!out.includes('lisbot> ')) reject(new Error(`npm start exited ${code} before its prompt: ${stderr}`));
    });
  });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** RSS of `lisbot serve` with only Slack configured (HTTP mode against a loopback fake of the Web API), once ready. */
async function serveRss(): Promise<number> {
  const fake = await FakeSlackApi.start();
  const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...ENV,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'error',
    },
  });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).ok, 60_000, 'serve to be ready');
    await new Promise((r) => setTimeout(r, 500));
    return rssMiB(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fake.close();
  }
}

const mode = existsSync(join(ROOT, 'dist', 'BUILD'))
  ? 'the dist/ build (if no source is newer)'
  : 'the sources through tsx (no build: run npm run build)';
console.log(`lisbot start-up, median of ${RUNS} runs each; bin/lisbot.js runs ${mode}`);

wall([BIN, '--help']); // warm the file cache once
const rows: Array<{ label: string; ms: number; target: string }> = [];
const measure = (label: string, args: string[], target: string) => {
  rows.push({ label, ms: median(Array.from({ length: RUNS }, () => wall(args))), target });
};
measure('node -e 0', ['-e', '0'], '');
measure('lisbot ask "does rhel 6.2 need lis?"', [BIN, 'ask', 'does rhel 6.2 need lis?'], '≤ 400 ms or ≤ 8×');
measure('lisbot --help', [BIN, '--help'], '≤ 250 ms');
measure('lisbot check rhel7.txt', [BIN, 'check', BUNDLE], '');
const prompts: number[] = [];
for (let i = 0; i < RUNS; i++) prompts.push(await untilPrompt());
rows.push({ label: 'npm start → first prompt', ms: median(prompts), target: '≤ 1 s' });

const baseline = rows[0]!.ms;
const width = Math.max(...rows.map((r) => r.label.length));
console.log(`\n${'command'.padEnd(width)}  ${'wall ms'.padStart(8)}  ${'× node -e 0'.padStart(11)}  target`);
for (const row of rows)
  console.log(
    `${row.label.padEnd(width)}  ${row.ms.toFixed(0).padStart(8)}  ${(row.ms / baseline).toFixed(1).padStart(10)}×  ${row.target}`,
  );

const rss = await serveRss();
const nodeRss =
  Number(spawnSync(process.execPath, ['-e', 'console.log(process.memoryUsage().rss)'], { encoding: 'utf8' }).stdout) / 1024 / 1024;
console.log(
  `\nserve RSS, only Slack configured, once ready: ${rss.toFixed(1)} MiB (${(rss / nodeRss).toFixed(1)}× a bare node's ${nodeRss.toFixed(1)} MiB; target ≤ 120 MB)`,
);
