import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../src/bot/answer.ts';
import { withoutMailQuoting } from '../../src/bot/mail-quoting.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();

describe('a question forwarded from mail', () => {
  test('quote marks and the attribution line go, the quoted words stay, the signature goes', () => {
    const forwarded = [
      '> On Mon, Feb 3, Alex wrote:',
      '> rhel 9 golden image, gen2, server 2022 hosts',
      '',
      'Can secure boot stay enabled for that one?',
      '',
      '--',
      'Sent from Outlook for Android',
    ].join('\n');
    assert.equal(
      withoutMailQuoting(forwarded),
      'rhel 9 golden image, gen2, server 2022 hosts\n\nCan secure boot stay enabled for that one?',
    );
    assert.equal(withoutMailQuoting('Is TRIM there?\nSent from my iPhone'), 'Is TRIM there?');
  });

  test('a one-line question and a pasted log are left alone', () => {
    assert.equal(withoutMailQuoting('does rhel 6.2 need lis? -- thanks'), 'does rhel 6.2 need lis? -- thanks');
    const journal = '-- Logs begin at Mon 2024-01-01 --\nhv_vmbus: registering driver hv_netvsc';
    assert.equal(withoutMailQuoting(journal), journal);
  });

  test('the forwarded setup decides the answer', () => {
    const reply = answerQuestion(
      kb,
      '> On Tue, Sam wrote:\n> centos 7.5 vms on the 2016 cluster\n\ndoes trim work there? @lisbot\n\n--\nSam\nInfra team',
    ).reply;
    assert.equal(reply.intent, 'feature_support');
    assert.equal(reply.entities.distro, 'centos');
    assert.equal(reply.entities.version, '7.5');
    assert.equal(reply.entities.feature, 'trim');
    assert.equal(reply.entities.host, '2016');
  });
});
