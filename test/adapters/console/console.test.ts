import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { checkRequest } from '../../../src/adapters/console/check-file.ts';
import { runConsole } from '../../../src/adapters/console/console-adapter.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { MemoryContextStore } from '../../../src/core/context-store.ts';
import { realKb } from '../../helpers/real-kb.ts';

const BUNDLE = join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'rhel7.txt');
const dir = mkdtempSync(join(tmpdir(), 'lisbot-console-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Types the lines into the terminal chat and returns everything it printed. */
async function chat(lines: string[]): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => {
    text += c.toString();
  });
  const bot = new Bot(() => realKb(), new MemoryContextStore(60_000));
  await runConsole(bot, { input: Readable.from([`${lines.join('\n')}\n`]), output });
  return text;
}

describe('terminal chat: checking a file', () => {
  test('"check PATH" checks the collector output and prints the report', async () => {
    const out = await chat([`check ${BUNDLE}`]);
    assert.match(out, /Checked .*rhel7\.txt:/);
    assert.match(out, /Guest:\s+rhel 7\.9/);
    assert.match(out, /SUPPORT_DISTRO_EOL|Findings \(\d+\)/);
  });

  test('a pasted path (quoted, as a terminal drops a file) is checked too', async () => {
    const out = await chat([`'${BUNDLE}'`]);
    assert.match(out, /Guest:\s+rhel 7\.9/);
  });

  test('"check my vm" is still a question: the answer says how to check a file here', async () => {
    const out = await chat(['check my vm']);
    assert.doesNotMatch(out, /No such file/);
    assert.match(out, /type "check PATH"/);
  });

  test('a missing file, a directory, an empty file and an inventory get a clear sentence each', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const inventory = join(dir, 'fleet.csv');
    writeFileSync(inventory, 'vm_id,os_family,os_version\nweb1,ubuntu,22.04\n');
    const out = await chat([`check ${join(dir, 'nope.txt')}`, `check ${dir}`, `check ${empty}`, `check ${inventory}`]);
    assert.match(out, /No such file: .*nope\.txt/);
    assert.match(out, /is a directory/);
    assert.match(out, /empty\.txt is empty/);
    assert.match(out, /fleet\.csv is an inventory of many VMs; check it with "lisbot check/);
  });

  test('checkRequest tells paths from questions', () => {
    assert.deepEqual(checkRequest('check ./lischeck.txt'), { path: './lischeck.txt' });
    assert.equal(checkRequest('check my vm'), undefined);
    assert.equal(checkRequest('does rhel 6.2 need lis?'), undefined);
    assert.equal(checkRequest('/no/such/file.txt'), undefined, 'a bare path must exist to count');
    assert.deepEqual(checkRequest(BUNDLE), { path: BUNDLE });
  });
});
