import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../../src/cli/command.ts';
import { COMMANDS } from '../../src/cli/registry.ts';
import { digestPreviewCommand } from '../../src/cli/commands/digest-preview.ts';
import { kbStatusCommand } from '../../src/cli/commands/kb-status.ts';
import { kbSyncCommand } from '../../src/cli/commands/kb-sync.ts';
import { runLisbot, type CliRun } from '../helpers/cli-io.ts';
import { page, pageServer, PAGES_DIR, tempDir, type PageServer } from './helpers.ts';
import { join } from 'node:path';

/** Through the real CLI once the command is registered; until then, the command's own run with a fake CliIo. */
async function lisbot(command: CliCommand, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const fullEnv = { LISBOT_STATE_DIR: '/nonexistent-lisbot-state', ...env };
  if (COMMANDS.some((c) => c.name === command.name)) return runLisbot([...command.name.split(' '), ...args], { env: fullEnv });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  let code: number;
  try {
    const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
    code = await command.run(
      { values: parsed.values, positionals: parsed.positionals },
      { stdout, stderr, stdin: Readable.from(['']), env: fullEnv },
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`${error.message}\n`);
    code = 2;
  }
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** The lines under one group heading of the plain-text digest. */
function group(output: string, heading: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith(heading));
  if (start === -1) return [];
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('    ')) break;
    body.push(line.trim());
  }
  return body;
}

describe('lisbot digest preview', () => {
  test('--from 2019-06-13 --to 2020-08-29 prints the Ubuntu, RHEL and other changes of those eras', async () => {
    const run = await lisbot(digestPreviewCommand, ['--from', '2019-06-13', '--to', '2020-08-29']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^lisbot digest preview: \d+ newly supported/);
    const added = group(run.stdout, 'Newly supported');
    const dropped = group(run.stdout, 'Dropped or end of life');
    assert.ok(added.includes('• Ubuntu 20.04 (built in): built in to the kernel on 2019, 2016, 2012 R2'), added.join('\n'));
    assert.ok(dropped.includes('• Ubuntu 18.10, 19.04 (built in) no longer listed'), dropped.join('\n'));
    assert.ok(
      added.some((l) => l.startsWith('• Red Hat Enterprise Linux/CentOS 8.1 (built in)')),
      'RHEL 8.1 became supported',
    );
    assert.ok(
      added.some((l) => l.includes('needs the Microsoft LIS 4.3 download')),
      'how a release gets integration services',
    );
    assert.ok(added.some((l) => l.startsWith('• Debian 10.0-10.3')));
    assert.ok(group(run.stdout, 'New LIS releases').some((l) => l.startsWith('• LIS 4.3.5 (2020-02-26)')));
    assert.ok(!run.stdout.includes('Ubuntu 22.04'), 'nothing from later pages');
    assert.match(run.stdout, /Sources:[\s\S]*Supported Ubuntu virtual machines on Hyper-V \(2020-08-29\)/);
  });

  test('filters and --json', async () => {
    const run = await lisbot(digestPreviewCommand, [
      '--from',
      '2019-06-13',
      '--to',
      '2020-08-29',
      '--family',
      'ubuntu',
      '--host',
      '2019',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { group: string; kind: string; header?: string; families?: string[] });
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.kind === 'lis-release' || r.families?.includes('ubuntu')));
    assert.ok(rows.some((r) => r.group === 'supported' && r.kind === 'added' && r.header === '20.04 LTS'));
    assert.ok(rows.some((r) => r.group === 'dropped' && r.kind === 'dropped' && r.header === '18.10 / 19.04'));
  });

  test('--limit summarises as chat does; mistakes are usage errors', async () => {
    const limited = await lisbot(digestPreviewCommand, ['--from', '2019-06-13', '--to', '2020-08-29', '--limit', '5']);
    assert.match(limited.stdout, /Showing 5 of \d+/);
    for (const args of [
      ['--to', '2020-01-01'],
      ['--from', '2020-13-01'],
      ['--from', '2021-01-01', '--to', '2020-01-01'],
      ['--from', '2019-06-13', '--family', 'plan9'],
    ]) {
      const run = await lisbot(digestPreviewCommand, args);
      assert.equal(run.code, 2, args.join(' '));
    }
  });
});

describe('lisbot kb sync and kb status', () => {
  let server: PageServer;
  before(async () => {
    server = await pageServer();
  });
  after(async () => {
    await server.close();
  });

  test('sync reads KB_SOURCES, status shows the version, the sources and the last result', async () => {
    const state = tempDir('state');
    const env = { LISBOT_STATE_DIR: state, KB_SOURCES: `${join(PAGES_DIR, 'ubuntu-a.md')}, ${server.url}/missing.md` };
    const never = await lisbot(kbStatusCommand, [], env);
    assert.equal(never.code, 0);
    assert.match(never.stdout, /Last sync: never/);
    assert.match(never.stdout, /ubuntu-a\.md: never synced/);

    const synced = await lisbot(kbSyncCommand, [], env);
    assert.equal(synced.code, 1, 'a failed source makes the exit code 1');
    assert.match(synced.stdout, /Published KB version [0-9a-f]{12} with 1 new snapshot/);
    assert.match(synced.stdout, /✖ .*missing\.md: the server answered 404/);

    const status = await lisbot(kbStatusCommand, ['--json'], env);
    const json = JSON.parse(status.stdout) as {
      version: string;
      layer: string;
      lastSync: { outcome: string };
      sources: Array<{ source: string; lastOutcome: string; configured: boolean }>;
    };
    assert.match(json.version, /^[0-9a-f]{12}$/);
    assert.match(json.layer, new RegExp(`-${json.version}$`));
    assert.equal(json.lastSync.outcome, 'published');
    assert.deepEqual(
      json.sources.map((s) => [s.lastOutcome, s.configured]),
      [
        ['new', true],
        ['failed', true],
      ],
    );

    server.serve('/b.md', 200, page('ubuntu-b'));
    const bySource = await lisbot(kbSyncCommand, ['--source', `${server.url}/b.md`], env);
    assert.equal(bySource.code, 0, bySource.stdout);
    const text = await lisbot(kbStatusCommand, [], env);
    assert.match(text.stdout, new RegExp(`Previous version: ${json.version}`));
    assert.match(text.stdout, /b\.md \(no longer configured\): ✔ new/);
    assert.match(text.stdout, /missing\.md: ✖ failed/);
  });

  test('sync without sources is a usage error', async () => {
    const run = await lisbot(kbSyncCommand, [], { LISBOT_STATE_DIR: tempDir('state') });
    assert.equal(run.code, 2);
  });
});
