import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { collectorScript } from '../../src/check/collector/index.ts';
import { CheckReportSchema, InventoryReportSchema } from '../../src/check/report/schema.ts';
import { checkCommand } from '../../src/cli/commands/check.ts';
import { collectorCommand } from '../../src/cli/commands/collector.ts';
import { runCommand } from './cli-run.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bundles');
const RHEL63 = join(FIXTURES, 'rhel63-lis35.txt');
let dir: string;

const HEADER =
  'vm_id,host_os,host_build,generation,os_family,os_version,arch,kernel,lis_package,kvp_daemon,vss_daemon,dynamic_memory,dm_startup_mb,dm_max_mb,clustered,mac_type,io_scheduler,notes';
const ROWS = [
  'vm-001,Windows Server 2012 R2,,1,rhel,6.3,x86_64,2.6.32-279.el6.x86_64,LIS 3.5,running,missing,yes,2048,8192,no,static,cfq,',
  '=HYPERLINK("http://x"),2016,,2,ubuntu,14.04,x86_64,3.13.0-170-generic,built-in,missing,missing,no,,,no,static,deadline,"a note, quoted"',
  'vm-003,,20348,2,rhel,9.2,x86_64,5.14.0-284.11.1.el9_2.x86_64,built-in,running,running,no,,,no,static,none,',
];
const SUMMARY_KEYS = ['vms', 'problems', 'status', 'severity', 'top_findings', 'diagnostics', 'elapsed_ms'];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'lisbot-check-cli-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function jsonLines(text: string): unknown[] {
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);
}

describe('lisbot check: one guest', () => {
  test('--json prints the contract for the RHEL 6.3 + LIS 3.5 fixture', async () => {
    const run = await runCommand(checkCommand, ['--json', '--as-of', '2025-06-01', RHEL63]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const report = CheckReportSchema.parse(JSON.parse(run.stdout));
    assert.equal(report.status, 'supported');
    assert.deepEqual(report.integration, { kind: 'download', package: 'LIS 3.5' });
    const ids = report.findings.map((f) => f.id);
    assert.ok(ids.includes('DM_BALLOON_ONLY') && ids.includes('LIS_OUTDATED'));
  });

  test('without --json it prints a readable report', async () => {
    const run = await runCommand(checkCommand, ['--as-of', '2025-06-01', RHEL63]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Guest: +rhel 6\.3/m);
    assert.match(run.stdout, /^Status: +supported$/m);
    assert.match(run.stdout, /WARNING +DM_BALLOON_ONLY: Dynamic Memory can shrink this VM but never grow it/);
    assert.match(run.stdout, /rules not evaluated/);
  });

  test('--as-of moves the end-of-life judgement; --host names the host', async () => {
    const early = CheckReportSchema.parse(JSON.parse((await runCommand(checkCommand, ['--json', '--as-of', '2019-01-01', RHEL63])).stdout));
    assert.ok(!early.findings.some((f) => f.id === 'SUPPORT_DISTRO_EOL' || f.id === 'SUPPORT_HOST_EOL'));
    const late = CheckReportSchema.parse(JSON.parse((await runCommand(checkCommand, ['--json', '--as-of', '2025-06-01', RHEL63])).stdout));
    assert.ok(late.findings.some((f) => f.id === 'SUPPORT_DISTRO_EOL'));
    const hosted = CheckReportSchema.parse(
      JSON.parse((await runCommand(checkCommand, ['--json', '--host', '2016', join(FIXTURES, 'ubuntu2004.txt')])).stdout),
    );
    assert.deepEqual(hosted.host, { id: '2016', source: 'user' });
  });

  test('"-" reads standard input', async () => {
    const run = await runCommand(checkCommand, ['--json', '--as-of', '2025-06-01', '-'], { stdin: readFileSync(RHEL63) });
    assert.equal(run.code, 0, run.stderr);
    const fromFile = await runCommand(checkCommand, ['--json', '--as-of', '2025-06-01', RHEL63]);
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(fromFile.stdout));
  });

  test('--csv prints one neutralised row', async () => {
    const run = await runCommand(checkCommand, ['--csv', RHEL63]);
    assert.equal(run.code, 0);
    const [header, row] = run.stdout.trim().split('\n');
    assert.match(header ?? '', /^vm_id,distro,version,kernel,host,integration,status,/);
    assert.match(row ?? '', /^,rhel,6\.3,2\.6\.32-279\.el6\.x86_64,2012 R2,download LIS 3\.5,supported,/);
  });
});

describe('lisbot check: inventories', () => {
  test('CSV inventory --json: one report line per VM plus vm_id, then a summary line', async () => {
    const path = file('inventory.csv', `${HEADER}\n${ROWS.join('\n')}\n"unclosed\n`);
    const run = await runCommand(checkCommand, ['--json', '--as-of', '2025-06-01', path]);
    assert.equal(run.code, 0, run.stderr);
    const lines = jsonLines(run.stdout);
    assert.equal(lines.length, 4);
    const vms = lines.slice(0, 3).map((l) => InventoryReportSchema.parse(l));
    assert.deepEqual(
      vms.map((v) => v.vm_id),
      ['vm-001', '=HYPERLINK("http://x")', 'vm-003'],
    );
    assert.deepEqual(vms[2]?.host, { id: '2022', source: 'inventory' });
    assert.ok(vms[0]?.findings.some((f) => f.id === 'DM_BALLOON_ONLY'));
    assert.ok(vms[1]?.findings.some((f) => f.id === 'KVP_DAEMON_MISSING'));
    assert.ok(vms[1]?.input.diagnostics.some((d) => d.startsWith('INPUT_CSV_FORMULA')));
    const { summary } = lines[3] as { summary: Record<string, unknown> };
    assert.deepEqual(Object.keys(summary), SUMMARY_KEYS);
    assert.equal(summary.vms, 3);
    assert.equal(summary.problems, 1);
    assert.ok((summary.diagnostics as string[]).some((d) => d.startsWith('INPUT_ROW_INVALID')));
  });

  test('JSON-lines inventory is detected and checked the same way', async () => {
    const path = file(
      'inventory.jsonl',
      [
        JSON.stringify({
          vm_id: 'a',
          host_os: '2019',
          os_family: 'ubuntu',
          os_version: '18.04',
          kernel: '4.15.0-213-generic',
          kvp_daemon: 'missing',
        }),
        'not json',
        JSON.stringify({ vm_id: 'b', os_family: 'freebsd', os_version: '12.4', kernel: '12.4-RELEASE' }),
      ].join('\n'),
    );
    const run = await runCommand(checkCommand, ['--json', path]);
    assert.equal(run.code, 0, run.stderr);
    const lines = jsonLines(run.stdout);
    assert.deepEqual(
      lines.slice(0, 2).map((l) => InventoryReportSchema.parse(l).vm_id),
      ['a', 'b'],
    );
    assert.equal((lines[2] as { summary: { problems: number } }).summary.problems, 1);
  });

  test('--csv neutralises formula-looking cells and sends the summary to stderr', async () => {
    const path = file('inventory2.csv', `${HEADER}\n${ROWS.join('\n')}\n`);
    const run = await runCommand(checkCommand, ['--csv', path]);
    assert.equal(run.code, 0);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.ok(lines[2]?.startsWith(`"'=HYPERLINK(""http://x"")",ubuntu,14.04,`), lines[2]);
    assert.ok(lines.every((l) => !/^[=+\-@]/.test(l) && !/,[=+\-@]/.test(l)));
    assert.match(run.stderr, /3 VMs checked/);
  });

  test('text mode prints one line per VM and a summary', async () => {
    const path = file('inventory3.csv', `${HEADER}\n${ROWS.join('\n')}\n`);
    const run = await runCommand(checkCommand, [path]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^vm-001 +rhel 6\.3 +2012 R2 +supported/m);
    assert.match(run.stdout, /^3 VMs checked/m);
  });

  test('results stream out while the inventory is still being read', async () => {
    const stdin = new PassThrough();
    let seen = '';
    const running = runCommand(checkCommand, ['--json', '-'], {
      stdin,
      onStdout: (c) => {
        seen += c;
      },
    });
    stdin.write(`${HEADER}\n${ROWS[0]}\n`);
    // The head is read in 64 KB blocks; pad with more rows so reading starts, then wait for output.
    for (let i = 0; i < 600; i++)
      stdin.write(
        `pad-${i},2019,,2,rhel,8.10,x86_64,4.18.0-553.el8_10.x86_64,built-in,running,running,no,,,no,static,none,${'x'.repeat(80)}\n`,
      );
    for (let waited = 0; waited < 5000 && !seen.includes('"vm_id"'); waited += 20) await new Promise((r) => setTimeout(r, 20));
    const firstLineBeforeEnd = seen.includes('"vm_id":"vm-001"');
    stdin.end(`${ROWS[2]}\n`);
    const run = await running;
    assert.equal(run.code, 0);
    assert.ok(firstLineBeforeEnd, 'no report came out before the input ended');
    const lines = jsonLines(run.stdout);
    assert.equal(lines.length, 603);
    assert.equal((lines.at(-1) as { summary: { vms: number } }).summary.vms, 602);
  });

  test('a progress bar goes to stderr only when it is a terminal', async () => {
    const path = file('inventory4.csv', `${HEADER}\n${ROWS.join('\n')}\n`);
    const tty = await runCommand(checkCommand, ['--json', path], { stderrTty: true });
    assert.match(tty.stderr, /\r\[#*\.*\] \d+% \d+ VMs checked/);
    assert.ok(tty.stderr.endsWith('\r\u001b[K'));
    const pipe = await runCommand(checkCommand, ['--json', path]);
    assert.equal(pipe.stderr, '');
    assert.equal(jsonLines(tty.stdout).length, jsonLines(pipe.stdout).length);
  });

  test('--max-rows stops reading and says so', async () => {
    const path = file('inventory5.csv', `${HEADER}\n${ROWS.join('\n')}\n`);
    const run = await runCommand(checkCommand, ['--json', '--max-rows', '2', path]);
    const lines = jsonLines(run.stdout);
    assert.equal(lines.length, 3);
    assert.ok((lines[2] as { summary: { diagnostics: string[] } }).summary.diagnostics.some((d) => d.startsWith('INPUT_TOO_MANY_ROWS')));
  });
});

describe('lisbot check: bad input', () => {
  const cases: ReadonlyArray<readonly [string, () => string[], number, RegExp]> = [
    ['missing file', () => [join(dir, 'nope.txt')], 1, /No such file/],
    [
      'a directory',
      () => {
        mkdirSync(join(dir, 'adir'), { recursive: true });
        return [join(dir, 'adir')];
      },
      1,
      /is a directory/,
    ],
    ['over 5 MB', () => [file('big.txt', `### lischeck-meta\n${'dmesg line of text\n'.repeat(300_000)}`)], 1, /larger than 5 MB/],
    ['gzip-compressed', () => [file('out.gz', Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3]))], 1, /gzip-compressed/],
    [
      'binary with NUL bytes',
      () => [file('bin.dat', Buffer.concat([Buffer.from('### lischeck-meta\n'), Buffer.alloc(64, 0)]))],
      1,
      /binary/,
    ],
    ['empty file', () => [file('empty.txt', '')], 1, /is empty/],
    ['no file named', () => [], 2, /Give the collector output file/],
    ['two files', () => [RHEL63, RHEL63], 2, /one file at a time/],
    ['--json with --csv', () => ['--json', '--csv', RHEL63], 2, /not both/],
    ['a bad date', () => ['--as-of', '2025-13-45x', RHEL63], 2, /YYYY-MM-DD/],
    ['an unknown host', () => ['--host', '2003', RHEL63], 2, /Unknown host/],
    ['an unknown option', () => ['--yaml', RHEL63], 2, /Unknown option|yaml/],
    ['a bad --max-rows', () => ['--max-rows', '0', RHEL63], 2, /positive number/],
  ];
  for (const [name, args, code, message] of cases) {
    test(name, async () => {
      const run = await runCommand(checkCommand, args());
      assert.equal(run.code, code, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }

  test('over 5 MB on standard input is refused too', async () => {
    const run = await runCommand(checkCommand, ['-'], { stdin: 'line of text\n'.repeat(500_000) });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /larger than 5 MB/);
  });

  test('a large inventory is not held to the upload limit', async () => {
    // Over the 5 MB limit for one guest's upload from 100 wide rows (a long notes cell), not from 60,000 narrow ones.
    const row = ROWS[2] ?? '';
    const notes = 'n'.repeat(60_000);
    const path = file(
      'big-inventory.csv',
      `${HEADER}\n${Array.from({ length: 100 }, (_, i) => `${row.replace('vm-003', `vm-${i}`)}${notes}`).join('\n')}\n`,
    );
    assert.ok(statSync(path).size > 5 * 1024 * 1024, 'the file is over the upload limit');
    const run = await runCommand(checkCommand, ['--csv', path]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim().split('\n').length, 101);
  });

  test('an inventory with aliased and unknown columns: the aliases are used, the unknown ones named', async () => {
    const path = file('aliases.csv', 'vm,distro,version,host,colour\nweb1,ubuntu,14.04,2012r2,blue\n');
    const run = await runCommand(checkCommand, [path]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^web1\s+ubuntu 14\.04\s+2012 R2\s+supported/m);
    assert.match(run.stdout, /1 VMs checked in/, 'the notice is no skipped row');
    assert.match(run.stdout, /INPUT_UNKNOWN_COLUMN: Column "colour" not recognised/);
  });
});

describe('lisbot collector', () => {
  test('prints the collector script, so "lisbot collector > lis-collect.sh" works', async () => {
    const run = await runCommand(collectorCommand, []);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, collectorScript());
    assert.ok(run.stdout.startsWith('#!/bin/sh'));
    assert.equal(run.stderr, '');
  });

  test('refuses arguments', async () => {
    const run = await runCommand(collectorCommand, ['extra']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /takes no arguments/);
  });
});
