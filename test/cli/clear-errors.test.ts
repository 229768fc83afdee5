import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDotEnv } from '../../src/cli/dotenv.ts';
import { ENV_VARS } from '../../src/config/env.ts';
import { SETTINGS_PARTS } from '../../src/cli/settings-registry.ts';
import { runLisbot } from '../helpers/cli-io.ts';

const dir = mkdtempSync(join(tmpdir(), 'lisbot-clear-errors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('bad input is a clear error, not silence', () => {
  test('ask "" is a usage error (exit 2); ask with nothing on standard input says so', async () => {
    for (const question of ['', '   ', '\u200b']) {
      const run = await runLisbot(['ask', question]);
      assert.equal(run.code, 2, JSON.stringify(question));
      assert.match(run.stderr, /The question is empty/);
      assert.equal(run.stdout, '');
    }
    const none = await runLisbot(['ask'], { stdin: '\n  \n' });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /No questions on standard input/);
  });

  test('kb diff with an impossible date is a usage error, not "No changes"', async () => {
    for (const [from, to] of [
      ['2019-13-45', '2020-01-01'],
      ['2019-01-01', '2020-02-30'],
      ['2019-1-1', '2020-01-01'],
    ]) {
      const run = await runLisbot(['kb', 'diff', from!, to!]);
      assert.equal(run.code, 2, `${from} ${to}`);
      assert.match(run.stderr, /is not a date/);
      assert.doesNotMatch(run.stdout, /No changes/);
    }
    const flag = await runLisbot(['digest', 'preview', '--from', '2019-02-30']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--from takes a date/);
  });

  test('kb show takes a codename where it takes a version (the example in its --help works)', async () => {
    const help = await runLisbot(['kb', 'show', '--help']);
    assert.match(help.stdout, /kb show ubuntu trusty --host 2012r2/);
    const run = await runLisbot(['kb', 'show', 'ubuntu', 'trusty', '--host', '2012r2']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Ubuntu 14\.04/);
    const json = JSON.parse((await runLisbot(['kb', 'show', 'debian', 'bookworm', '--json'])).stdout) as { version: string };
    assert.equal(json.version, '12');
    const wrongFamily = await runLisbot(['kb', 'show', 'ubuntu', 'bookworm']);
    assert.equal(wrongFamily.code, 2);
    assert.match(wrongFamily.stderr, /codename of Debian, not of Ubuntu/);
  });

  test('collector --help does not offer --no-redact as an option of the command; it explains the script has it', async () => {
    const help = await runLisbot(['collector', '--help']);
    const options = help.stdout.slice(help.stdout.indexOf('Options:'));
    assert.doesNotMatch(options, /no-redact/);
    assert.doesNotMatch(help.stdout, /unless --no-redact is given/);
    assert.match(help.stdout, /sh lis-collect\.sh --no-redact/);
    assert.match(help.stdout, /Credentials .* are always removed/s);
  });

  test('check --help documents the inventory columns and their aliases', async () => {
    const help = (await runLisbot(['check', '--help'])).stdout;
    for (const column of ['vm_id', 'host_os', 'os_family', 'os_version', 'kernel', 'lis_package'])
      assert.match(help, new RegExp(`\\n  ${column}\\s`), column);
    assert.match(help, /os_family .*also: distro/);
    assert.match(help, /os_version .*also: version/);
    assert.match(help, /host_os .*also: host/);
  });
});

describe('configuration', () => {
  test("config check runs every role's settings: WORKER_CONCURRENCY=0 fails it, naming the variable", async () => {
    const run = await runLisbot(['config', 'check'], { env: { WORKER_CONCURRENCY: '0' } });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /✖ jobs: .*\n\s+WORKER_CONCURRENCY: must be at least 1/);
    const fine = await runLisbot(['config', 'check'], { env: { WORKER_CONCURRENCY: '8', REDIS_URL: 'redis://127.0.0.1:6379' } });
    assert.equal(fine.code, 0, fine.stderr);
    assert.match(fine.stdout, /jobs: BullMQ on Redis .* 8 job\(s\) at once/);
  });

  test('every variable lisbot documents belongs to a part that config check validates', () => {
    const covered = new Set(SETTINGS_PARTS.flatMap((part) => part.variables));
    const missing = ENV_VARS.map((v) => v.name).filter((name) => !covered.has(name));
    assert.deepEqual(missing, []);
  });

  test('.env fills in what the environment lacks; a variable already set, even empty, wins', () => {
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nMETRICS_PORT=9999\nQUOTED="a b # not a comment"\nEMPTY_IN_ENV=from-file\n');
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', EMPTY_IN_ENV: '' };
    assert.equal(loadDotEnv(env, dir), join(dir, '.env'));
    assert.deepEqual(env, { LOG_LEVEL: 'warn', METRICS_PORT: '9999', QUOTED: 'a b # not a comment', EMPTY_IN_ENV: '' });
    assert.equal(loadDotEnv({}, join(dir, 'missing')), undefined, 'no .env is no error');
    assert.throws(() => loadDotEnv({ LISBOT_ENV_FILE: join(dir, 'nope.env') }), /Cannot read .*nope\.env \(ENOENT\)/);
  });
});
