import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities } from '../../src/bot/entities/extract.ts';
import type { Label } from '../../src/bot/intent/labels.ts';
import { UNSURE_READINGS, type QuestionFacts } from '../../src/bot/intent/unsure-readings.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();

/** How the rules read a question the classifier guessed `label` for with `probability`. */
function readAs(text: string, label: Label, probability: number, symptom = false, pasted = false) {
  const facts: QuestionFacts = {
    text,
    extraction: extractEntities(kb, text),
    guess: { label, probability, second: { label: 'unknown', probability: 1 - probability } },
    scope: { inScope: true, reason: 'domain-term' },
    symptomMatch: () => symptom,
    pastesOutput: () => pasted,
  };
  for (const rule of UNSURE_READINGS) {
    const reading = rule.read(facts);
    if (reading) return reading;
  }
  return undefined;
}

describe('reading an unsure guess', () => {
  test('an OS that cannot use integration services, named with Hyper-V, is a support question however sure the classifier is', () => {
    assert.equal(readAs('is it true hp-ux cannot be virtualised on hyper-v?', 'unknown', 0.9)?.label, 'support');
    assert.equal(readAs('could our solaris sparc boxes move to the hyper-v cluster', 'unknown', 0.8)?.label, 'support');
    // Without Hyper-V named it is about the OS itself; a name read by fuzzy matching ("winre") is not enough.
    assert.equal(readAs('how do i patch aix 7.2', 'unknown', 0.9), undefined);
    assert.equal(readAs('server 2022 on hyper-v: the update fails, winre partition too small', 'unknown', 0.9), undefined);
  });
  test('a setting rejected or an "Invalid argument" is trouble told, not a support question', () => {
    assert.equal(readAs('freebsd 13.2 on 2022: ifconfig hn0 mtu 9400 gets rejected by the driver', 'support', 0.6)?.label, 'known_issue');
    assert.equal(readAs('freebsd 14: `ifconfig hn0 mtu 9300` answers Invalid argument', 'support', 0.6)?.label, 'known_issue');
    assert.equal(readAs('freebsd 14 jumbo frames with mtu 9000, supported?', 'support', 0.6)?.label, 'support');
  });
  test('"only 256 come online", "lscpu only shows 240": a shortfall told is trouble', () => {
    assert.equal(readAs('centos 7.8 given 290 vcpus, only 256 are online', 'support', 0.6)?.label, 'known_issue');
    assert.equal(readAs('centos 7.8 with 290 vcpus but the guest only sees 240', 'support', 0.6)?.label, 'known_issue');
  });
  test('a black screen or "no operating system was loaded" at boot is trouble', () => {
    assert.equal(readAs('rocky 9 gen2 vm on 2012 r2 shows a black screen after start', 'support', 0.6)?.label, 'known_issue');
    assert.equal(readAs('oracle linux 8 gen2 on 2016: firmware says no operating system was loaded', 'support', 0.6)?.label, 'known_issue');
  });
  test('a failover or failback is no failure', () => {
    assert.equal(readAs('ubuntu 22.04 static ip injection after a replica failover on 2019', 'support', 0.6)?.label, 'support');
    assert.equal(readAs('ubuntu 22.04 static ip lost after a replica failover on 2019', 'support', 0.6)?.label, 'known_issue');
  });
  test('a guest that came up without what was set, or reports stale data, is trouble', () => {
    assert.equal(readAs('ubuntu 20.04 replica came up without the static ip we gave it', 'support', 0.6)?.label, 'known_issue');
    assert.equal(readAs('sles 12 sp5: the os version hyper-v manager shows is stale', 'support', 0.6)?.label, 'known_issue');
  });
  test('unsure it asks about the LIS package, naming a guest release: a support question (which LIS that release takes)', () => {
    assert.equal(readAs('whats the LIS download for rhel 6.9', 'lis_version', 0.4)?.label, 'support');
    assert.equal(readAs('whats the newest LIS download', 'lis_version', 0.4), undefined, 'no guest release named');
    assert.equal(readAs('whats the LIS download for rhel 6.9', 'lis_version', 0.8), undefined, 'a sure guess stands');
  });
  test('unsure it asks for a check, with output pasted to check: a guest check', () => {
    assert.deepEqual(readAs('all good with this one?', 'guest_check', 0.45, false, true), { label: 'guest_check', probability: 0.6 });
    assert.equal(readAs('all good with this one?', 'guest_check', 0.45, false, false), undefined, 'nothing pasted');
  });
  test('unsure advice that a known issue or tip matches is answered as what it was heard as', () => {
    assert.deepEqual(readAs('vm clock drifts after resume', 'known_issue', 0.4, true), { label: 'known_issue', probability: 0.6 });
    assert.equal(readAs('vm clock drifts after resume', 'known_issue', 0.4, false), undefined);
  });
  test('unsure support telling trouble and asking nothing of support is a problem report', () => {
    assert.equal(readAs('centos 6.5, ip address column in hyper-v manager stays blank', 'support', 0.6)?.label, 'known_issue');
    assert.equal(readAs('centos 6.5: is kvp supported?', 'support', 0.6)?.label, 'support');
  });
  test('a feature named and nothing else, unsure it asks what it is, is answered with what it is', () => {
    assert.equal(readAs('lsvmbus???', 'feature_info', 0.3)?.label, 'feature_info');
  });
  test('heard as support but asking what to set or do: a tip, unless it asks how a guest gets its integration services', () => {
    assert.equal(readAs('time sync config for centos 7.9 on 2019, anything to change?', 'support', 0.96)?.label, 'tip');
    assert.equal(readAs("what's a sensible minimum memory for ubuntu 20.04 with dynamic memory on?", 'support', 0.92)?.label, 'tip');
    assert.equal(readAs('centos 6.2 guest on 2012 r2, what do i install', 'support', 0.9)?.label, 'support');
    assert.equal(
      readAs('rhel 9.2 hyper-v sockets on windows server 2025? plus how do i load the module', 'support', 0.9)?.label,
      'support',
    );
  });
  test('unsure support telling of a blank or flaky result is a problem report', () => {
    assert.equal(
      readAs('Get-VMNetworkAdapter shows no IP addresses for any of my oracle linux 8 vms', 'support', 0.71)?.label,
      'known_issue',
    );
    assert.equal(readAs('key value pair exchange flaky on ubuntu 16.04 guests under 2019', 'support', 0.5)?.label, 'known_issue');
  });
});
