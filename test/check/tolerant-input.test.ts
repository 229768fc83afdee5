// A damaged region of an upload is skipped and reported; the rest is still checked, in the CLI and in chat.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guestCheckRunner } from '../../src/jobs/guest-check/check-with-rules.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { checkBundle } from '../../src/check/report/index.ts';
import { checkCommand } from '../../src/cli/commands/check.ts';
import { runCommand } from './cli-run.ts';

const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'check-corpus');
const DEBIAN11 = readFileSync(join(CORPUS, '26-debian11-2019-gen2-sb-fstrim-timer.txt'), 'utf8');
const AS_OF = '2025-06-01';
const kb = loadKnowledgeBase({ userDir: null });
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'lisbot-tolerant-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function codes(diagnostics: readonly string[]): string[] {
  return diagnostics.map((d) => d.split(':')[0] ?? '');
}

/** NUL bytes inside the kernel log section only: a few dozen among thousands of text bytes. */
function withNulsInOneSection(text: string): Buffer {
  const at = text.indexOf('Hyper-V: privilege flags');
  assert.ok(at > 0, 'fixture has the dmesg line');
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.alloc(40, 0), Buffer.from(text.slice(at))]);
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text.replace(/\n/g, '\r\n')}`, 'utf16le');
  if (order === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

async function cliReport(name: string, content: Buffer): Promise<{ ids: string[]; diagnostics: string[]; distro?: string }> {
  const path = join(dir, name);
  writeFileSync(path, content);
  const run = await runCommand(checkCommand, ['--json', '--as-of', AS_OF, path]);
  assert.equal(run.code, 0, `lisbot check refused ${name}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { findings: { id: string }[]; input: { diagnostics: string[] }; guest: { distro?: string } };
  return {
    ids: report.findings.map((f) => f.id),
    diagnostics: report.input.diagnostics,
    ...(report.guest.distro ? { distro: report.guest.distro } : {}),
  };
}

describe('damaged uploads are checked, not refused', () => {
  test('CLI: NUL bytes in one section are skipped and reported; the rest is checked', async () => {
    const report = await cliReport('nul.txt', withNulsInOneSection(DEBIAN11));
    assert.ok(codes(report.diagnostics).includes('INPUT_BINARY_DATA'), report.diagnostics.join('\n'));
    assert.equal(report.distro, 'debian');
    assert.ok(report.ids.includes('HV_HOST_IDENTIFIED'));
    assert.ok(report.ids.includes('BP_IO_SCHEDULER'));
  });

  test('a few control bytes inside a line are removed and reported, not silently dropped', () => {
    const report = checkBundle(kb, DEBIAN11.replace('Hyper-V: privilege flags', 'Hyper-V:\u0000\u0000 privilege flags'), { asOf: AS_OF });
    assert.ok(codes(report.input.diagnostics).includes('INPUT_BINARY_DATA'));
    assert.ok(report.findings.some((f) => f.id === 'HV_HOST_IDENTIFIED'));
  });

  for (const [label, order, bom] of [
    ['UTF-16LE with BOM', 'le', true],
    ['UTF-16BE with BOM', 'be', true],
    ['UTF-16LE without BOM', 'le', false],
  ] as const) {
    test(`CLI: ${label} is decoded`, async () => {
      const report = await cliReport(`${order}${bom}.txt`, utf16(DEBIAN11, order, bom));
      assert.equal(report.distro, 'debian');
      assert.ok(report.ids.includes('HV_HOST_IDENTIFIED'));
      assert.ok(!codes(report.diagnostics).includes('INPUT_BINARY_DATA'), report.diagnostics.join('\n'));
    });
  }

  test('CLI: a UTF-16 inventory is read row by row', async () => {
    const csv = readFileSync(join(CORPUS, 'inventory.csv'), 'utf8');
    const path = join(dir, 'inventory-utf16.csv');
    writeFileSync(path, utf16(csv, 'le', true));
    const run = await runCommand(checkCommand, ['--json', '--as-of', AS_OF, path]);
    assert.equal(run.code, 0, run.stderr);
    const vms = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { vm_id?: string })
      .filter((r) => r.vm_id);
    assert.equal(vms.length, 12);
  });

  test('CLI: every kind of damage in one upload is reported and the rest still read', async () => {
    const lines = DEBIAN11.split('\n');
    const dmesg = lines.findIndex((l) => l.startsWith('### dmesg'));
    const lsmodStart = lines.findIndex((l) => l === '### lsmod');
    const lsmodEnd = lines.findIndex((l, i) => i > lsmodStart && l.startsWith('### '));
    const damaged = [
      ...lines.slice(0, dmesg + 1),
      `\u001b[31m[    0.000001] colour\u001b[0m ${'x'.repeat(12_000)}`,
      ...lines.slice(dmesg + 1, lsmodEnd),
      ...lines.slice(lsmodStart, lsmodEnd),
      ...lines.slice(
        lsmodEnd,
        lines.findIndex((l) => l.startsWith('### lischeck-end')),
      ),
      '### user-context',
      'host=2008',
    ].join('\n');
    const report = await cliReport('damaged.txt', Buffer.concat([Buffer.from(damaged), Buffer.alloc(16, 0), Buffer.from('\nrest\n')]));
    const found = codes(report.diagnostics);
    for (const code of [
      'INPUT_LINE_TOO_LONG',
      'INPUT_DUPLICATE_SECTION',
      'INPUT_TRUNCATED',
      'INPUT_BINARY_DATA',
      'INPUT_CONTEXT_IN_UPLOAD',
    ]) {
      assert.ok(found.includes(code), `${code} missing from ${report.diagnostics.join(' | ')}`);
    }
    assert.ok(report.ids.includes('HV_HOST_IDENTIFIED'));
    assert.ok(!report.diagnostics.join(' ').includes('\u001b'));
  });

  test('chat: the job runner checks UTF-16 and NUL-damaged uploads the same way', async () => {
    const run = guestCheckRunner(() => kb, { asOf: AS_OF });
    for (const content of [utf16(DEBIAN11, 'le', true), withNulsInOneSection(DEBIAN11)]) {
      const reply = (await run(content)) as { title?: string; verdict?: string };
      assert.equal(reply.title, 'Check: Debian 11.11 on Windows Server 2019');
      assert.equal(reply.verdict, 'supported');
    }
  });

  test('compressed and wholly binary files are still refused with a clear message', async () => {
    const gz = join(dir, 'x.gz');
    writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4]));
    const run = await runCommand(checkCommand, [gz]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /gzip-compressed/);
    const noise = join(dir, 'noise.bin');
    writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 32)));
    const bin = await runCommand(checkCommand, [noise]);
    assert.equal(bin.code, 1);
    assert.match(bin.stderr, /binary/);
  });
});
