// Runs every test file under test/ with node's test runner, starting a throwaway Redis first when none answers.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync, mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

const root = join(import.meta.dirname, '..');
const TEST_REDIS_PORT = 6379;

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
    socket.once('connect', () => { socket.write('PING\r\n'); });
    socket.once('data', (data) => { socket.destroy(); resolve(data.toString().startsWith('+PONG')); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

async function ensureRedis(): Promise<void> {
  if (await redisAnswers(TEST_REDIS_PORT)) return;
  const dir = mkdtempSync(join(tmpdir(), 'lisbot-redis-'));
  const started = spawnSync('redis-server', ['--daemonize', 'yes', '--port', String(TEST_REDIS_PORT), '--bind', '127.0.0.1',
    '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'inherit' });
  if (started.error || started.status !== 0) {
    console.error('No Redis answers on 127.0.0.1:6379 and redis-server could not be started. Install Redis (apt-get install redis-server).');
    process.exit(1);
  }
  for (let i = 0; i < 50 && !(await redisAnswers(TEST_REDIS_PORT)); i++) await new Promise((r) => setTimeout(r, 100));
  console.log(`started redis-server on port ${TEST_REDIS_PORT} for the tests`);
}

const filters = process.argv.slice(2);
const files = listTests(join(root, 'test'))
  .filter((file) => filters.length === 0 || filters.some((f) => relative(root, file).includes(f)))
  .sort();
if (files.length === 0) {
  console.error(`no test files matched ${filters.join(' ') || 'test/**/*.test.ts'}`);
  process.exit(1);
}
await ensureRedis();
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: root, stdio: 'inherit', env: { ...process.env, LISBOT_TEST_REDIS_URL: `redis://127.0.0.1:${TEST_REDIS_PORT}` },
});
child.on('exit', (code) => process.exit(code ?? 1));
