import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffKb, type KbChange } from '../../src/knowledge/diff.ts';
import { describeChange } from '../../src/knowledge/describe-change.ts';
import { cellStatus } from '../../src/knowledge/query/feature.ts';
import { baselineAt, baselineOf, changesBetween } from '../../src/digest/baseline.ts';
import { composeDigest, groupOf } from '../../src/digest/compose.ts';
import { decodeDigestMore, encodeDigestMore } from '../../src/digest/more.ts';
import { filtersHash } from '../../src/digest/subscription.ts';
import { realKb } from '../helpers/real-kb.ts';
import { digestLines } from './helpers.ts';
import { propertyRuns } from '../helpers/property.ts';

const FROM = '2019-06-13';
const TO = '2020-08-29';

function between(filters = {}) {
  const kb = realKb();
  return changesBetween(kb, baselineAt(kb, FROM), baselineAt(kb, TO), filters);
}

function families(change: KbChange): string[] {
  return change.kind === 'lis-release' ? change.release.guests.map((g) => g.family) : change.families;
}

describe('what changed between two baselines', () => {
  test('between two dates it is exactly what kb diff says', () => {
    const kb = realKb();
    const ours = between()
      .map((c) => describeChange(kb, c))
      .sort();
    const theirs = diffKb(kb, FROM, TO)
      .map((c) => describeChange(kb, c))
      .sort();
    assert.deepEqual(ours, theirs);
  });

  test('from the KB now to itself nothing changed', () => {
    const kb = realKb();
    assert.deepEqual(changesBetween(kb, baselineOf(kb), baselineOf(kb)), []);
  });

  test('a family filter keeps only that family', () => {
    const changes = between({ families: ['ubuntu'] });
    assert.ok(changes.length > 0);
    for (const change of changes) assert.ok(families(change).includes('ubuntu'), change.kind);
    const kb = realKb();
    const lines = changes.map((c) => describeChange(kb, c));
    assert.ok(lines.some((l) => l.startsWith('New: Ubuntu 20.04')));
    assert.ok(lines.some((l) => l.startsWith('Dropped: Ubuntu 18.10, 19.04')));
  });

  test('a host filter keeps releases and features on that host only', () => {
    const changes = between({ hosts: ['2012'] });
    assert.ok(changes.length > 0);
    for (const change of changes) {
      if (change.kind === 'lis-release') continue;
      if ('hosts' in change) assert.deepEqual(change.hosts, ['2012'], describeChange(realKb(), change));
      else {
        const core = cellStatus(change.column.features.core, undefined);
        assert.ok(core.hosts.length === 0 || core.hosts.includes('2012'), describeChange(realKb(), change));
      }
    }
    assert.ok(!changes.some((c) => c.kind === 'added' && c.column.header.includes('20.04')), 'Ubuntu 20.04 is not listed for 2012');
  });

  test('a feature filter keeps changes about that feature', () => {
    const changes = between({ features: ['hv-sockets'] });
    assert.ok(changes.some((c) => c.kind === 'feature-added' && c.feature === 'hv-sockets'));
    for (const change of changes) {
      if (change.kind === 'feature-added' || change.kind === 'feature-removed') assert.equal(change.feature, 'hv-sockets');
      else if (change.kind === 'lis-release') assert.ok(change.release.featuresAdded.includes('hv-sockets'));
      else assert.equal(cellStatus(change.column.features['hv-sockets'], undefined).status, 'available');
    }
    assert.ok(changes.length < between().length);
  });

  test('filters combine', () => {
    const changes = between({ families: ['rhel'], hosts: ['2012'], features: ['video'] });
    const kb = realKb();
    // Two releases that offered the video device on 2012 were dropped; 7.0 lost it on 2012.
    assert.deepEqual(
      changes.map((c) => describeChange(kb, c)),
      [
        'Dropped: Red Hat Enterprise Linux/CentOS 5.5-5.8 (LIS 3.5) no longer listed [last in teched-2014]',
        'Dropped: Red Hat Enterprise Linux/CentOS 6.0-6.3 (LIS 3.5) no longer listed [last in teched-2014]',
        'Feature: Hyper-V-specific video device no longer listed for Red Hat Enterprise Linux/CentOS 7.0 (built in) on 2012 [rhel@2019-06-13, content of 2019-12-12]',
      ],
    );
  });
});

describe('composing the digest', () => {
  test('nothing changed: no message, or one line when asked', () => {
    const kb = realKb();
    assert.equal(composeDigest(kb, [], {}), undefined);
    const line = composeDigest(kb, [], { families: ['ubuntu'] }, { quietWhenEmpty: false, since: 'since the last digest (2025-07-07)' });
    assert.equal(line?.title, 'lisbot digest: nothing new');
    assert.equal(line?.text, 'No changes to the Hyper-V support matrices since the last digest (2025-07-07) for Ubuntu.');
    assert.deepEqual(line?.fields, []);
  });

  test('groups: newly supported with how, features per host, LIS releases, dropped', () => {
    const kb = realKb();
    const digest = composeDigest(kb, between({ families: ['ubuntu'] }), { families: ['ubuntu'] }, { limit: 50 });
    assert.ok(digest);
    assert.match(digest.title, /^lisbot digest: 1 newly supported, 3 features newly available, .*dropped or end of life$/);
    // The title's counts are the section titles' counts.
    for (const field of digest.fields) {
      const [, label, count] = /^(.*) \((\d+)\)$/.exec(field.label) ?? [];
      if (label) assert.match(digest.title.toLowerCase(), new RegExp(`${count} ${label.toLowerCase()}`));
    }
    const fields = Object.fromEntries(digest.fields.map((f) => [f.label.replace(/ \(\d+\)$/, ''), f.value.split('\n')]));
    assert.deepEqual(fields['Newly supported'], ['• Ubuntu 20.04 (built in): built in to the kernel on 2019, 2016, 2012 R2']);
    assert.ok(fields['Features newly available']?.includes('• Hyper-V sockets: Ubuntu 18.04 (built in) on 2019, 2016'));
    assert.ok(fields['Dropped or end of life']?.includes('• Ubuntu 18.10, 19.04 (built in) no longer listed'));
    assert.equal(digest.actions.length, 0, 'nothing hidden, no button');
    assert.ok(digest.sources.some((s) => s.id === 'ubuntu@2020-08-29'));
  });

  test('a long digest shows `limit` lines, every group, and a show-all action', () => {
    const kb = realKb();
    const changes = between();
    const more = encodeDigestMore({ from: `date:${FROM}`, to: kb.version, filters: filtersHash({}) })!;
    const digest = composeDigest(kb, changes, {}, { limit: 8, more });
    assert.ok(digest);
    assert.equal(digestLines(digest).length, 8);
    assert.equal(digest.fields.length, 4, 'each group shows something');
    assert.match(digest.text, new RegExp(`Showing 8 of ${changes.length}`));
    assert.deepEqual(digest.actions, [{ kind: 'show-more', label: `Show all ${changes.length} changes`, value: more }]);
    assert.ok(more.length <= 100);
    assert.deepEqual(decodeDigestMore(more), { from: FROM, to: kb.version, filters: '-' });
  });

  test('whatever the changes and the limit, the digest fits Slack and Discord', () => {
    const kb = realKb();
    const all = between();
    fc.assert(
      fc.property(fc.subarray(all), fc.oneof(fc.integer({ min: 1, max: 80 }), fc.constant(Infinity)), (changes, limit) => {
        const digest = composeDigest(kb, changes, {}, { limit, more: 'digest:2019-06-13:0123456789ab:-' });
        if (changes.length === 0) return digest === undefined;
        assert.ok(digest);
        assert.ok(digest.title.length <= 150);
        assert.ok(digest.fields.length <= 25);
        for (const field of digest.fields) assert.ok(field.value.length <= 1024 && field.label.length <= 256);
        const total = digest.title.length + digest.text.length + digest.fields.reduce((n, f) => n + f.label.length + f.value.length, 0);
        assert.ok(total <= 6000, `total ${total}`);
        const shown = digestLines(digest).length;
        assert.ok(shown <= Math.min(limit, changes.length));
        assert.equal(digest.actions.length > 0, shown < changes.length);
        const nonEmpty = new Set(changes.map(groupOf));
        const shownGroups = new Set(digest.fields.map((f) => f.label.split(' (')[0]));
        if (limit >= nonEmpty.size) assert.equal(shownGroups.size, nonEmpty.size, 'every group with changes shows up');
        return true;
      }),
      { numRuns: propertyRuns(150) },
    );
  });
});
