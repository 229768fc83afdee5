// The context leaks of issue 12, each through the Bot (as every adapter uses it) and the terminal chat.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { Bot } from '../../src/bot/bot.ts';
import { runConsole } from '../../src/adapters/console/console-adapter.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();

async function conversation(...questions: string[]) {
  const bot = new Bot(() => kb);
  const replies = [];
  for (const text of questions) replies.push((await bot.ask({ text, conversation: 'c', platform: 'console' })).reply);
  return replies;
}

/** Runs the terminal chat over the given lines and returns what it printed, one block per answer. */
async function consoleChat(lines: string[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const done = runConsole(new Bot(() => kb), { input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed
    .split('lisbot> ')
    .slice(1)
    .filter((block) => block.trim());
}

describe('a new question drops what it does not carry over', () => {
  test('after "which distros support secure boot?", "freebsd 11.1 on 2016" is about FreeBSD, not Secure Boot', async () => {
    const [, second] = await conversation('which distros support secure boot?', 'freebsd 11.1 on 2016');
    assert.equal(second!.intent, 'distro_support');
    assert.deepEqual(second!.entities, { distro: 'freebsd', version: '11.1', host: '2016' });
    assert.equal(second!.verdict, 'supported');
  });
  test('after "bionic on 2k12r2?", "centos 6.2 dynamic memory?" is not answered for 2012 R2', async () => {
    const [first, second] = await conversation('bionic on 2k12r2?', 'centos 6.2 dynamic memory?');
    assert.equal(first!.entities.host, '2012 R2');
    assert.equal(second!.intent, 'feature_support');
    assert.deepEqual(second!.entities, { distro: 'centos', version: '6.2', feature: 'dynamic-memory' });
    assert.doesNotMatch(second!.title, /2012 R2/);
  });
  test('"is arch linux supported?" never repeats the previous distribution\'s answer', async () => {
    const [first, second] = await conversation('is ubuntu 18.04 supported on 2016?', 'is arch linux supported?');
    assert.equal(first!.entities.distro, 'ubuntu');
    assert.equal(second!.entities.distro, undefined);
    assert.equal(second!.answered, false);
    assert.doesNotMatch(second!.title, /ubuntu/i);
    assert.match(second!.text, /no microsoft support matrix i have lists that distribution/i);
  });
  test('in the terminal chat the same three leaks are gone', async () => {
    const blocks = await consoleChat([
      'which distros support secure boot?',
      'freebsd 11.1 on 2016',
      'bionic on 2k12r2?',
      'centos 6.2 dynamic memory?',
      'is arch linux supported?',
    ]);
    assert.equal(blocks.length, 5, blocks.join('\n----\n'));
    assert.match(blocks[1]!, /^\s*FreeBSD 11\.1 on Hyper-V/);
    assert.doesNotMatch(blocks[1]!, /secure boot/i);
    const title = blocks[3]!.trim().split('\n')[0]!;
    assert.match(title, /CentOS 6\.2/);
    assert.doesNotMatch(title, /2012 R2/);
    assert.match(blocks[4]!, /Not a distribution I know/);
    assert.doesNotMatch(blocks[4]!, /CentOS 6\.2|Yes\./);
  });
});

describe('a follow-up keeps whatever it does not replace', () => {
  test('"and on 2016?" replaces only the host', async () => {
    const [, second] = await conversation('sles 12 sp3 trim on 2012 r2?', 'and on 2016?');
    assert.deepEqual(second!.entities, { distro: 'sles', version: '12 SP3', feature: 'trim', host: '2016' });
  });
  test('"what about centos 7?" replaces the distribution and keeps the feature and host', async () => {
    const [, second] = await conversation('rhel 7.5 sr-iov on 2019?', 'what about centos 7?');
    assert.deepEqual(second!.entities, { distro: 'centos', version: '7', feature: 'sr-iov', host: '2019' });
  });
  test('"and on 2016?" after a question "as of 2019" is answered as of 2019 too', async () => {
    const [first, second] = await conversation('is rhel 7.2 trim supported on 2012 r2 as of 2019?', 'and on 2016?');
    assert.equal(first!.entities.asOf, '2019-12-31');
    assert.deepEqual(second!.entities, { distro: 'rhel', version: '7.2', feature: 'trim', host: '2016', asOf: '2019-12-31' });
    assert.match(second!.text, /As the knowledge base stood on 2019-12-31/);
  });
  test('the answer to "which distribution?" completes the question that asked it', async () => {
    const [first, second] = await conversation('does it support kvp on 2016?', 'debian 10');
    assert.equal(first!.answered, false);
    assert.deepEqual(second!.entities, { distro: 'debian', version: '10', feature: 'kvp', host: '2016' });
  });
});

describe('a feature asked of a distribution with no release', () => {
  test('asks which release, says meanwhile how the releases differ, and the release given completes the question', async () => {
    const [asked, answered, followUp] = await conversation('sr-iov centos', '7.9?', 'and on 2016?');
    assert.equal(asked!.answered, false);
    assert.match(asked!.title, /which release\?/);
    assert.match(asked!.text, /7\.6-7\.9 \(built in\)/, 'the releases that have it are named');
    assert.equal(answered!.answered, true);
    assert.deepEqual([answered!.entities.distro, answered!.entities.version, answered!.entities.feature], ['centos', '7.9', 'sr-iov']);
    assert.equal(followUp!.entities.host, '2016');
  });
  test('a bare Ubuntu release still answers the Ubuntu question; a new question starts afresh', async () => {
    const [, answered, fresh] = await conversation('trim ubuntu', '18.04', 'rhel 8 on 2019?');
    assert.deepEqual([answered!.entities.version, answered!.entities.feature], ['18.04', 'trim']);
    assert.equal(fresh!.entities.feature, undefined);
  });
  test('a UEK release, or a system that never runs as a guest, needs no release', async () => {
    const [uek, aix] = await conversation('uek r5 secure boot on 2019', 'aix live migration between hyper-v hosts');
    assert.equal(uek!.answered, true);
    assert.equal(aix!.answered, true);
  });
});
