import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractLisMentions, knownLisNames, withPackageReleasesNamed } from '../../../src/bot/entities/lis-mentions.ts';
import { extractReleases } from '../../../src/bot/entities/releases.ts';
import { extractEntities } from '../../../src/bot/entities/extract.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();
const known = knownLisNames(kb);
const releasesIn = (q: string) => extractLisMentions(q.toLowerCase(), 'xlis', known).releases;

describe('LIS releases typed without the word LIS', () => {
  test('a known release next to a release word, or with a hotfix suffix, is a release', () => {
    assert.deepEqual(releasesIn('what was fixed in the 4.1.2-2 hotfix'), ['4.1.2-2']);
    assert.deepEqual(releasesIn('4.1.3 added support for what'), ['4.1.3']);
    assert.deepEqual(releasesIn('what changed in 4.1.3 of the integration package'), ['4.1.3']);
    assert.deepEqual(releasesIn('is the 4.0 package still the one to grab'), ['4.0']);
    assert.deepEqual(releasesIn('4.1.3-2 — why was that re-released?'), ['4.1.3-2']);
    assert.deepEqual(releasesIn('modinfo hv_vmbus says version: 4.3.5'), ['4.3.5']);
  });
  test('a known release beside words of its shipping is a release: dropped, update, came out, final, tag', () => {
    assert.deepEqual(releasesIn('when did 4.1.2 drop'), ['4.1.2']);
    assert.deepEqual(releasesIn('what was in the 4.0.11 update'), ['4.0.11']);
    assert.deepEqual(releasesIn('was there ever a final 4.2.4'), ['4.2.4']);
    assert.deepEqual(releasesIn('kernel 4.1.2 update'), []);
  });
  test('a second release joined to a named one is read too', () => {
    assert.deepEqual(releasesIn('4.1.3-2 — what changed vs 4.1.3?'), ['4.1.3-2', '4.1.3']);
    assert.deepEqual(releasesIn('lis 3.5 vs 3.4 differences'), ['3.5', '3.4']);
    assert.deepEqual(releasesIn('4.0.11 vs 4.0 diff?'), ['4.0.11', '4.0']);
    assert.deepEqual(releasesIn('is 4.3 newer than 4.2.8'), ['4.3', '4.2.8']);
  });
  test('a number joined to a kernel version is not a release', () => {
    assert.deepEqual(releasesIn('kernel 4.1 vs 4.0 diff'), []);
  });
  test('kernel, distribution and unknown numbers are not releases', () => {
    for (const q of [
      'kernel 4.1 release notes',
      'kernel version 4.1 fixed?',
      'rhel 7.3 kernel 3.10.0-514 changed',
      'ubuntu 18.04 with kernel 4.18.0 added trim',
      'python 3.5 package on centos 7',
      'BIOS Hyper-V UEFI Release v4.1',
      'is centos 6.4 fixed in the 2016 release',
      'what changed in 4.4',
      'hv_vmbus: Vmbus version:4.0 hv_vmbus: registering driver hv_netvsc',
    ]) {
      assert.deepEqual(releasesIn(q), [], q);
    }
  });
  test("another product's number is not a release, even next to a release word", () => {
    assert.deepEqual(releasesIn('how do i get the ruby 2.1 package on my vm'), []);
    assert.deepEqual(releasesIn('dotnet 4.0 download for a linux guest'), []);
  });
  test('a known number with no release word near it stays a plain number', () => {
    assert.deepEqual(releasesIn('my vm has 4.3 gb of ram'), []);
  });
  test('the release read this way is the entity the verdict engine gets', () => {
    assert.equal(extractReleases('does rhel 6.8 take the 4.1.2 download', known).lis, '4.1.2');
    assert.equal(extractReleases('does rhel 6.8 take the 4.1.2 download').lis, undefined);
    assert.equal(extractEntities(kb, 'what was fixed in the 4.1.2-2 hotfix').entities.lis, '4.1.2-2');
    assert.equal(extractEntities(kb, 'what was fixed in the 4.1.2-2 hotfix').entities.version, undefined);
  });
});

describe('an LIS release named with the word LIS', () => {
  test('is read at the end of a sentence, before its full stop', () => {
    assert.equal(extractReleases('RHEL 5.4 WITH LIS 3.5.').lis, '3.5');
    assert.equal(extractEntities(kb, 'old box: rhel 5.6 with lis 2.1. was that ever supported?').entities.lis, '2.1');
  });
  test('is the one in the sentence that asks, when the message names two', () => {
    assert.equal(extractReleases('we were on LIS 4.1. does LIS 4.1.2 install on centos 6.8?').lis, '4.1.2');
    assert.equal(extractReleases('we run lis 4.1 today! does LIS 4.1.2 install on centos 6.8?').lis, '4.1.2');
    assert.equal(extractReleases('lis 4.3 on centos 6.8 or lis 4.2?').lis, '4.3');
  });
  test("by the first downloads' name, Linux Integration Components", () => {
    assert.equal(extractReleases('found an old LinuxIC v2.1 iso. will it install on rhel 5.6?').lis, '2.1');
    assert.equal(extractEntities(kb, 'did the Linux Integration Components v2.1 download cover SLES 11?').entities.lis, '2.1');
  });
});

describe('withPackageReleasesNamed', () => {
  const hotfixes = new Set(['4.1.3', '4.1.3-2', '4.3', '4.3.5']);
  test('an installed package names the release it installs, its hotfix suffix only when that hotfix exists', () => {
    assert.equal(withPackageReleasesNamed('kmod-microsoft-hyper-v-4.1.3-2.x86_64', hotfixes), 'lis 4.1.3-2');
    assert.equal(withPackageReleasesNamed('microsoft-hyper-v-4.3.5-20200226.x86_64 on 6.10', hotfixes), 'lis 4.3.5 on 6.10');
    assert.equal(withPackageReleasesNamed('microsoft-hyper-v-4.1.0-4.x86_64', hotfixes), 'lis 4.1');
  });
  test('leaves a text without a package name alone', () => {
    assert.equal(withPackageReleasesNamed('rpm -qa | grep microsoft-hyper-v', hotfixes), 'rpm -qa | grep microsoft-hyper-v');
  });
});

describe('a known point release of three parts', () => {
  test('names the LIS release without a cue word', () => {
    assert.deepEqual(releasesIn('when were 4.3.4 and 4.3.5 cut'), ['4.3.4', '4.3.5']);
    assert.deepEqual(releasesIn('when did 4.2.0 land on github'), ['4.2.0']);
  });
  test('unless a kernel owns it', () => {
    assert.deepEqual(releasesIn('kernel 4.1.3 on centos'), []);
  });
});
