import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../../src/bot/answer.ts';
import { toAskJson } from '../../../src/cli/ask-json.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();
const ask = (q: string) => toAskJson(q, answerQuestion(kb, q).reply);

describe('feature_info answers', () => {
  test('asked how to switch secure boot on, the answer gives the host cmdlet with the Linux template', () => {
    const answer = ask('secure boot on my gen 2 vm, how do i switch it on?');
    assert.equal(answer.intent, 'feature_info');
    assert.match(
      answer.text,
      /To turn it on: .*Set-VMFirmware .*-EnableSecureBoot On -SecureBootTemplate MicrosoftUEFICertificateAuthority/,
    );
  });
  test('dynamic memory as a whole gives its steps once, not once per record', () => {
    const text = ask('how do i enable dynamic memory for a linux guest').text;
    assert.equal(text.split('Set-VMMemory').length - 1, 1, text);
  });
  test('a feature with nothing to switch on has no "To turn it on" line', () => {
    assert.equal(kb.features.get('pae')?.enable, undefined);
    const answer = ask('what is pae kernel support');
    assert.equal(answer.intent, 'feature_info');
    assert.doesNotMatch(answer.text, /To turn it on/);
  });
});

describe('what a feature is, in the words that define it upstream', () => {
  test('TRIM purges sectors the guest no longer needs; runtime memory resize adds and removes memory while the VM runs', () => {
    assert.match(ask('TRIM support means what exactly for a vm?').text, /sectors.*purge/);
    const resize = ask('runtime memory resize vs dynamic memory... isnt that the same thing?').text;
    assert.match(resize, /while it is running/);
    assert.match(resize, /hot remove/);
    assert.match(ask('what does the LRO row in the networking table mean?').text, /Aggregates several incoming packets/);
  });
  test('a drifting clock is answered with the Time Synchronization service beside the clock source', () => {
    assert.match(
      ask('the clock in our linux vm drifts a few minutes every day, the host time is fine').text,
      /Time Synchronization integration service/,
    );
  });
});
