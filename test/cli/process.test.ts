// The CLI as a user runs it: a child process, real pipes, a working directory with a .env, the module loader.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { freePort, waitFor } from '../helpers/ports.ts';
import { BIN, ROOT, loadedPackage, spawnLisbot } from '../helpers/spawn-cli.ts';

const BUNDLE = join(ROOT, 'test', 'fixtures', 'bundles', 'rhel7.txt');
const HEAVY = ['discord.js', '@slack/bolt', 'bullmq', 'ioredis', 'express', 'pino', 'prom-client'];
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lisbot-cli-process-'));
  dirs.push(dir);
  return dir;
}

describe('commands load only what they need', () => {
  const cases: Array<{ args: string[]; expect: RegExp }> = [
    { args: ['ask', 'does rhel 6.2 need lis?'], expect: /LIS 4\.3/ },
    { args: ['--help'], expect: /Commands:/ },
    { args: ['kb', 'stats'], expect: /families/ },
    { args: ['check', BUNDLE], expect: /Guest:\s+rhel 7\.9/ },
    { args: ['collector'], expect: /^#!\/bin\/sh/ },
  ];
  for (const { args, expect } of cases) {
    test(`lisbot ${args[0]} loads no chat SDK, BullMQ, Redis client or server framework`, async () => {
      const run = await spawnLisbot(args, { logModules: true });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, expect);
      assert.ok(run.modules.length > 0, 'the module log recorded the loads');
      for (const name of HEAVY) assert.equal(loadedPackage(run.modules, name), false, `${args[0]} loaded ${name}`);
    });
  }

  test('serve with only Slack configured loads Bolt, but not discord.js, BullMQ, Redis, the renderer or the page parsers', async () => {
    const fake = await FakeSlackApi.start();
    const logDir = tempDir();
    const log = join(logDir, 'modules.txt');
    const [port, metricsPort] = await Promise.all([freePort(), freePort()]);
    const child = spawn(process.execPath, ['--import', join(ROOT, 'test', 'helpers', 'module-log', 'register.mjs'), BIN, 'serve'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        LISBOT_FROM_SOURCE: '1',
        LISBOT_MODULE_LOG: log,
        LISBOT_STATE_DIR: logDir,
        LOG_LEVEL: 'warn',
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: 'processTestSigningSecret0123',
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
      },
    });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).ok, 45_000, 'serve to be ready');
      const modules = readFileSync(log, 'utf8').split('\n');
      assert.equal(loadedPackage(modules, '@slack/bolt'), true, 'Slack is configured, so Bolt is loaded');
      assert.equal(loadedPackage(modules, 'discord.js'), false, 'Discord is not configured, so discord.js is not loaded');
      assert.equal(loadedPackage(modules, '@bull-board/api'), false, 'the queue dashboard is off, so bull-board is not loaded');
      for (const name of ['bullmq', 'ioredis']) assert.equal(loadedPackage(modules, name), false, `no REDIS_URL, yet ${name} is loaded`);
      assert.equal(loadedPackage(modules, '@resvg/resvg-js'), false, 'no picture was drawn, yet the renderer is loaded');
      assert.equal(loadedPackage(modules, 'htmlparser2'), false, 'no KB sync ran, yet the page parsers are loaded');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await fake.close();
    }
  });
});

describe('a reader that stops early', () => {
  const commands: Array<{ name: string; command: string }> = [
    { name: 'kb stats', command: 'kb stats' },
    { name: 'kb diff', command: 'kb diff 2019-01-01 2025-12-31' },
    { name: 'check --json', command: `check --json ${BUNDLE}` },
    { name: 'config check --list', command: 'config check --list' },
  ];
  for (const { name, command } of commands) {
    test(`lisbot ${name} | (closed pipe) ends quietly with status 0`, () => {
      // `true` exits before lisbot writes anything, so every write meets a closed pipe (EPIPE).
      const script = `node ${JSON.stringify(BIN)} ${command} | true; echo "status=\${PIPESTATUS[0]}" >&2`;
      const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LISBOT_FROM_SOURCE: '1' } });
      assert.match(run.stderr, /status=0\s*$/, run.stderr);
      assert.doesNotMatch(run.stderr, /EPIPE|Error|at /);
    });
  }
  test('lisbot kb diff … | head -1 prints one line and nothing on stderr', () => {
    const run = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} kb diff 2019-01-01 2025-12-31 | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LISBOT_FROM_SOURCE: '1' },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim().split('\n').length, 1);
    assert.equal(run.stderr, '');
  });
});

describe('.env', () => {
  test('is read from the working directory, and a real environment variable wins over it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), '# settings\nLOG_LEVEL=debug\nWORKER_CONCURRENCY=0\nKB_SOURCES="https://example.test/a.md"\n');
    const fromFile = await spawnLisbot(['config', 'check'], { cwd: dir, env: { LISBOT_FROM_SOURCE: '1' } });
    assert.equal(fromFile.code, 1, 'WORKER_CONCURRENCY=0 from .env fails the check');
    assert.match(fromFile.stderr, /WORKER_CONCURRENCY: must be at least 1/);
    assert.match(fromFile.stdout, /log level debug/);
    const overridden = await spawnLisbot(['config', 'check'], {
      cwd: dir,
      env: { LISBOT_FROM_SOURCE: '1', WORKER_CONCURRENCY: '2', LOG_LEVEL: 'warn' },
    });
    assert.equal(overridden.code, 0, overridden.stderr);
    assert.match(overridden.stdout, /log level warn/);
    const list = await spawnLisbot(['config', 'check', '--list'], { cwd: dir, env: { LISBOT_FROM_SOURCE: '1' } });
    assert.match(list.stdout, /KB_SOURCES\s+set: https:\/\/example\.test\/a\.md/);
  });
});

describe('the built CLI (npm run build, which npm ci runs as prepare)', () => {
  test('dist/ holds the bundled CLI, the KB data and the collector; bin/lisbot.js runs it', async () => {
    const stamp = join(ROOT, 'dist', 'BUILD');
    const stale = () =>
      spawnSync(process.execPath, [
        '-e',
        `
      const { statSync, readdirSync, existsSync } = require('node:fs'); const { join } = require('node:path');
      if (!existsSync(${JSON.stringify(stamp)})) process.exit(1);
      const t = statSync(${JSON.stringify(stamp)}).mtimeMs;
      for (const e of readdirSync(${JSON.stringify(join(ROOT, 'src'))}, { recursive: true, withFileTypes: true }))
        if (e.isFile() && statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs > t) process.exit(1);`,
      ]).status !== 0;
    if (stale()) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
    }
    const built = join(ROOT, 'dist', 'lisbot.js');
    const ask = await spawnLisbot(['ask', 'does rhel 6.2 need lis?'], { entry: built });
    assert.equal(ask.code, 0, ask.stderr);
    assert.match(ask.stdout, /LIS 4\.3/);
    const collector = await spawnLisbot(['collector'], { entry: built });
    assert.equal(collector.code, 0, collector.stderr);
    assert.equal(collector.stdout, readFileSync(join(ROOT, 'src', 'check', 'collector', 'lis-collect.sh'), 'utf8'));
    const viaBin = await spawnLisbot(['kb', 'stats'], { logModules: true, env: { LISBOT_FROM_SOURCE: '' } });
    assert.equal(viaBin.code, 0, viaBin.stderr);
    assert.ok(
      viaBin.modules.some((url) => url.endsWith('/dist/lisbot.js')),
      'bin/lisbot.js runs the build when it is current',
    );
    assert.equal(loadedPackage(viaBin.modules, 'tsx'), false, 'no TypeScript is compiled at start-up');

    // The build validated the KB and trained the classifier; the built CLI restores both and answers as the sources do.
    const saved = readdirSync(join(ROOT, 'dist'), { recursive: true }).map(String);
    assert.ok(
      saved.some((path) => path.endsWith('validated-copy.json')),
      'the validated KB is saved',
    );
    assert.ok(
      saved.some((path) => path.endsWith('intent-model.bin')),
      'the trained model is saved',
    );
    const questions = [
      'does rhel 6.2 need lis?',
      'what is kvp',
      'my ubuntu vm hangs at boot on 2012 r2',
      'best practice for dynamic memory',
      'what changed in lis 4.3',
      'tell me a joke',
    ].join('\n');
    const fromBuild = await spawnLisbot(['ask', '--json'], { entry: built, stdin: questions });
    const fromSource = await spawnLisbot(['ask', '--json'], { env: { LISBOT_FROM_SOURCE: '1' }, stdin: questions });
    assert.equal(fromBuild.code, 0, fromBuild.stderr);
    assert.equal(fromBuild.stdout.trim().split('\n').length, 6);
    assert.equal(fromBuild.stdout, fromSource.stdout);
  });
});
