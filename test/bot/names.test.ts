// Name coverage generated from the KB: every era's feature labels, distro shorthand, LIS releases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { answerQuestion } from '../../src/bot/answer.ts';
import { extractEntities } from '../../src/bot/entities/extract.ts';
import { FEATURE_ALIASES } from '../../src/knowledge/import/feature-names.ts';
import type { FeatureId } from '../../src/knowledge/schema/index.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const entities = (q: string) => extractEntities(kb, q).entities;

describe('feature names', () => {
  test('every upstream row label of every era names its feature', () => {
    const misses: string[] = [];
    for (const [id, labels] of Object.entries(FEATURE_ALIASES) as [FeatureId, readonly string[]][]) {
      for (const label of labels) {
        const got = entities(`rhel 7.5 ${label.replace(/\\/g, '')} on 2016`).feature;
        const ok = got === id || (got === 'dynamic-memory' && id.startsWith('dm-'));
        if (!ok) misses.push(`${label} → ${got ?? '∅'} (want ${id})`);
      }
    }
    assert.deepEqual(misses, []);
  });
  test('"the migration" or a migration plan is a move to new hosts, not the Migration row', () => {
    for (const question of [
      'oracle linux 8.6 on 2022 once the migration is done, supported?',
      'for our migration wave: ubuntu 20.04 on server 2019?',
      'debian 11 guests after a p2v migration onto 2022, fine?',
    ])
      assert.equal(entities(question).feature, undefined, question);
    assert.equal(entities('sles 12 sp5 migration on 2019?').feature, 'live-migration');
    assert.equal(entities('is the live migration supported for centos 7.9').feature, 'live-migration');
  });
  test('a host inside a feature name is not the host', () => {
    const answer = answerQuestion(kb, 'sles 12 sp2: does windows server 2016 accurate time work?').reply;
    assert.equal(answer.intent, 'feature_support');
    assert.deepEqual(answer.entities, { distro: 'sles', version: '12 SP2', feature: 'accurate-time' });
    assert.equal(entities('rhel 7.4 ws2016 accurate time on 2019').host, '2019');
  });
  test('Gen2 with Secure Boot is Secure Boot, not UEFI boot', () => {
    for (const q of [
      'ubuntu 18.04 gen2 with secure boot on 2016?',
      'generation 2 vm secure boot for centos 7',
      'can a gen 2 rhel 8 vm use secureboot',
    ]) {
      assert.equal(entities(q).feature, 'secure-boot', q);
    }
    assert.equal(entities('ubuntu 18.04 gen2 on 2016').feature, 'uefi-boot');
  });
});

describe('distro shorthand', () => {
  const cases: Array<[string, { distro: string; version?: string; host?: string; feature?: string }]> = [
    ['rh6.5 on 2012r2 supported?', { distro: 'rhel', version: '6.5', host: '2012 R2' }],
    ['co7 trim?', { distro: 'centos', version: '7', feature: 'trim' }],
    ['deb9 secure boot on 2019?', { distro: 'debian', version: '9', feature: 'secure-boot', host: '2019' }],
    ['is ubuntu1604 ok on ws2016', { distro: 'ubuntu', version: '16.04', host: '2016' }],
    ['ol7 on 2016', { distro: 'oracle-linux', version: '7', host: '2016' }],
    ['sles12sp3 on 2016', { distro: 'sles', version: '12 SP3', host: '2016' }],
    ['fbsd11 kvp', { distro: 'freebsd', version: '11', feature: 'kvp' }],
    ['c7 kvp', { distro: 'centos', version: '7', feature: 'kvp' }],
    ['u18.04 trim', { distro: 'ubuntu', version: '18.04', feature: 'trim' }],
    ['deb 10 on 2019', { distro: 'debian', version: '10', host: '2019' }],
    ['leap15 on 2019', { distro: 'opensuse', version: '15', host: '2019' }],
    ['open suse 12.3 built in?', { distro: 'opensuse', version: '12.3' }],
    ['cent65 on 2022', { distro: 'centos', version: '6.5', host: '2022' }],
    ['rhel610 kvp', { distro: 'rhel', version: '6.10', feature: 'kvp' }],
    ['rhel10 on 2025', { distro: 'rhel', version: '10', host: '2025' }],
    ['deb10 on 2019', { distro: 'debian', version: '10', host: '2019' }],
    ['deb ian seven point eight on hyper vee twenty nineteen', { distro: 'debian', version: '7.8', host: '2019' }],
    ['sentos seven point nine secure boot', { distro: 'centos', version: '7.9', feature: 'secure-boot' }],
    ['olinux 7.9 kvp', { distro: 'oracle-linux', version: '7.9', feature: 'kvp' }],
    ['natty on 2008 r2', { distro: 'ubuntu', version: '11.04', host: '2008 R2' }],
    ['oracular on 2025?', { distro: 'ubuntu', version: '24.10', host: '2025' }],
  ];
  for (const [question, expected] of cases) {
    test(question, () => assert.deepEqual(entities(question), expected));
  }
  test("Solaris's x86 platform name in a pasted uname is Solaris x86", () => {
    assert.equal(entities('uname says SunOS db1 5.10 Generic_150401 i86pc i386 i86pc').distro, 'solaris-x86');
  });
  test('a shorthand alone is not a distro', () => {
    assert.equal(entities('co-located vms').distro, undefined);
    assert.equal(entities('deb packages for kvp').distro, undefined);
  });
});

describe('LIS release names', () => {
  test('every LIS release in the KB is read, hotfix suffixes included, in the ways it is typed', () => {
    for (const release of kb.lisReleases) {
      for (const q of [
        `what changed in lis ${release.version}?`,
        `LIS${release.version} fixes`,
        `is linux integration services ${release.version} the newest`,
      ]) {
        assert.deepEqual(extractEntities(kb, q).lisReleases, [release.version], q);
      }
    }
  });
  test('questions about an LIS release go to the LIS answer', () => {
    for (const q of ['is lis 4.3.5 the last one?', 'what did lis 4.1.3-2 fix', 'which lis is the newest']) {
      const reply = answerQuestion(kb, q).reply;
      assert.equal(reply.intent, 'lis_version', q);
      assert.equal(reply.answered, true, q);
    }
  });
});
