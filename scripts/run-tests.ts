// Runs the test files under test/ with node's test runner.
//   tsx scripts/run-tests.ts [--unit] [--checks] [PATH-SUBSTRING…]
// --unit   only the files that need neither Redis nor a child process (the fast tier, `npm run test:unit`)
// --checks also runs the type check and lint, in parallel with the tests (`npm test`)
// Tests that need Redis get a database of their own (LISBOT_TEST_REDIS_DB, default 15) and one key prefix per run;
// a throwaway redis-server is started when none answers, and this run's keys are deleted afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'node:net';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import { bundleTests } from './bundle-tests.ts';

const root = join(import.meta.dirname, '..');
const TEST_REDIS_PORT = 6379;
const TEST_REDIS_DB = Number(process.env.LISBOT_TEST_REDIS_DB ?? 15);
const TEST_RUN = process.env.LISBOT_TEST_RUN ?? randomUUID().slice(0, 8);
/** Keys another run left without an expiry get this one, so nothing stays in the test database for good. */
const LEFTOVER_TTL_SECONDS = 3600;

/** What makes a test file part of the full tier only: it talks to Redis or starts a process. */
const NEEDS_REDIS = /\bioredis\b|\bbullmq\b|TEST_REDIS_URL|REDIS_URL\b|testRedis\(|testSettings\(|uniquePrefix\(|behaviour\.ts/;
const NEEDS_PROCESS = /node:child_process|spawnLisbot|runBuiltCli/;

function listTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : listTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.write('PING\r\n');
    });
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function ensureRedis(): Promise<void> {
  if (await redisAnswers(TEST_REDIS_PORT)) return;
  const dir = mkdtempSync(join(tmpdir(), 'lisbot-redis-'));
  const started = spawnSync(
    'redis-server',
    ['--daemonize', 'yes', '--port', String(TEST_REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'inherit' },
  );
  if (started.error || started.status !== 0) {
    console.error(
      'No Redis answers on 127.0.0.1:6379 and redis-server could not be started. Install Redis (apt-get install redis-server).',
    );
    process.exit(1);
  }
  for (let i = 0; i < 50 && !(await redisAnswers(TEST_REDIS_PORT)); i++) await new Promise((r) => setTimeout(r, 100));
  console.log(`started redis-server on port ${TEST_REDIS_PORT} for the tests`);
}

/** Deletes this run's keys; gives any key without an expiry (a test that wrote outside its prefix) one. */
async function cleanRedis(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let deleted = 0;
    let expired = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        if (key.startsWith(`lisbot-test-${TEST_RUN}`)) deleted += await redis.del(key);
        else if ((await redis.ttl(key)) === -1) expired += await redis.expire(key, LEFTOVER_TTL_SECONDS);
      }
    } while (cursor !== '0');
    console.log(
      `test Redis db ${TEST_REDIS_DB}: deleted ${deleted} keys of run ${TEST_RUN}${expired ? `; ${expired} keys without an expiry now expire in ${LEFTOVER_TTL_SECONDS / 3600} h` : ''}`,
    );
  } catch (error) {
    console.error(`could not clean the test Redis database: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** The type check and lint, each in its own process, output held back until it ends so it does not interleave. */
function startCheck(name: string, args: string[]): Promise<{ name: string; code: number; output: string }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  return finished(child).then((code) => ({ name, code, output }));
}

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const withChecks = args.includes('--checks');
const filters = args.filter((a) => !a.startsWith('--'));
const started = Date.now();

const selected = listTests(join(root, 'test'))
  .filter((file) => filters.length === 0 || filters.some((f) => relative(root, file).includes(f)))
  .sort()
  .map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, redis: NEEDS_REDIS.test(text), process: NEEDS_PROCESS.test(text) };
  })
  .filter((t) => !unitOnly || (!t.redis && !t.process));
if (selected.length === 0) {
  console.error(`no test files matched ${filters.join(' ') || 'test/**/*.test.ts'}${unitOnly ? ' in the unit tier' : ''}`);
  process.exit(1);
}

const checks = withChecks
  ? [
      startCheck('typecheck', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']),
      startCheck('lint', [
        join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
        '--cache',
        '--cache-location',
        join(root, 'node_modules', '.cache', 'eslint'),
        '.',
      ]),
    ]
  : [];

const usesRedis = selected.some((t) => t.redis);
const redisUrl = `redis://127.0.0.1:${TEST_REDIS_PORT}/${TEST_REDIS_DB}`;
if (usesRedis) await ensureRedis();
// Validate the KB and train the classifier once for the run, with these sources; every test process restores them.
const savedDir = mkdtempSync(join(tmpdir(), 'lisbot-test-saved-'));
// Saving and bundling are independent: run them side by side.
const saving = finished(
  spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'save-trained.ts'), savedDir], { stdio: 'inherit' }),
);
const preloadSource = join(root, 'test', 'helpers', 'saved-trained.ts');
const [savedStatus, bundled] = await Promise.all([
  saving,
  process.env.LISBOT_TEST_BUNDLE === '0' ? undefined : bundleTests(root, [...selected.map((t) => t.file), preloadSource], TEST_RUN),
]);
if (savedStatus !== 0) console.error('could not save a validated KB and a trained model for the run; each test file makes its own');
const testArgs = bundled
  ? ['--enable-source-maps', '--import', pathToFileURL(bundled.files.at(-1)!).href, '--test', ...bundled.files.slice(0, -1)]
  : ['--import', 'tsx', '--import', pathToFileURL(preloadSource).href, '--test', ...selected.map((t) => t.file)];
// Unit files spend part of their time waiting on loopback timers, so a third process fills that time on 2 cores; the
// full tier's Redis and subprocess tests are kept at 2, where their timing bounds were set.
const child = spawn(process.execPath, [`--test-concurrency=${unitOnly ? 3 : 2}`, ...testArgs], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    LISBOT_TEST_REDIS_URL: redisUrl,
    LISBOT_TEST_REDIS_DB: String(TEST_REDIS_DB),
    LISBOT_TEST_RUN: TEST_RUN,
    // Tests that start bin/lisbot.js test the sources, not a dist/ that may be older; the build has its own test.
    LISBOT_FROM_SOURCE: '1',
    LISBOT_TEST_SAVED_DIR: savedDir,
  },
});
let code = await finished(child);
rmSync(savedDir, { recursive: true, force: true });
bundled?.remove();
if (usesRedis) await cleanRedis(redisUrl);
for (const check of await Promise.all(checks)) {
  if (check.code !== 0) {
    console.error(`\n✖ ${check.name} failed:\n${check.output}`);
    code ||= check.code;
  } else {
    console.log(`✔ ${check.name}`);
  }
}
console.log(
  `${selected.length} test files${unitOnly ? ' (unit tier)' : ''}${withChecks ? ' plus type check and lint' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(code);
