import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../src/bot/answer.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const ask = (q: string) => answerQuestion(kb, q).reply;

// Notes that bound a value (an MTU, a disk size, an address family, a file system, a kernel build) used to leave a yes
// standing even when the question itself stated a value beyond the bound.
describe('a value the question states beyond a note’s limit is a no', () => {
  const cases: ReadonlyArray<{ beyond: string; within: string; text: RegExp }> = [
    { beyond: 'freebsd 12.1 jumbo frames with mtu 9216', within: 'freebsd 12.1 jumbo frames with mtu 9000', text: /9126/ },
    {
      beyond: 'freebsd 11.3 static ip injection with an ipv6 address on the replica',
      within: 'freebsd 11.3 static ip injection with ipv4 on the replica',
      text: /IPv4/,
    },
    {
      beyond: 'debian 10 - grow the vhdx to 3tb and put one filesystem on it?',
      within: 'debian 10 - grow the vhdx to 1.5tb and put one filesystem on it?',
      text: /2 TB/,
    },
    {
      beyond: 'debian 9 live backup, installer default layout with ext2 /boot',
      within: 'debian 9 live backup with ext4 /boot',
      text: /ext2/,
    },
    {
      beyond: 'rhel 7.6 >256 vcpus, kernel 3.10.0-957.21.3.el7',
      within: 'rhel 7.6 >256 vcpus, kernel 3.10.0-957.38.1.el7',
      text: /957\.38\.1/,
    },
  ];
  for (const c of cases) {
    test(c.beyond, () => {
      const no = ask(c.beyond);
      assert.equal(no.intent, 'feature_support', no.text);
      assert.equal(no.verdict, 'not_supported', no.text);
      assert.match(no.text, c.text);
      assert.match(no.text, /you asked for/);
      const yes = ask(c.within);
      assert.equal(yes.intent, 'feature_support', yes.text);
      assert.equal(yes.verdict, 'supported', yes.text);
    });
  }
});

describe('a stated setup is a support question only when nothing is said to go wrong', () => {
  test('told plainly, it asks whether the setup is supported', () => {
    assert.equal(ask('debian 9 live backup, installer default layout with ext2 /boot').intent, 'feature_support');
  });
  test('told with a fault, it is a known issue', () => {
    assert.equal(ask('debian 8 live backup fails, the default layout has ext2 /boot').intent, 'known_issue');
    assert.equal(ask('debian 9 live backup not working, /boot is ext2').intent, 'known_issue');
  });
});
