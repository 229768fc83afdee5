import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareVersionText,
  describeVersionItems,
  matchVersionItem,
  matchVersionItems,
  normaliseVersion,
  parseVersion,
  versionBounds,
} from '../../src/knowledge/version.ts';
import type { VersionItem } from '../../src/knowledge/schema/versions.ts';

function match(version: string, item: VersionItem): string {
  const parsed = parseVersion(version);
  assert.ok(parsed, `${version} parses`);
  return matchVersionItem(parsed, item);
}

describe('version comparison', () => {
  test('compares numerically, so 6.4 < 6.10 and 6.4 is not 6.40', () => {
    assert.ok(compareVersionText('6.4', '6.10') < 0);
    assert.notEqual(compareVersionText('6.4', '6.40'), 0);
    assert.ok(compareVersionText('6.40', '6.5') > 0);
    assert.equal(compareVersionText('10.0', '10'), 0);
  });
  test('orders SLES service packs after the release they belong to', () => {
    assert.ok(compareVersionText('11 SP3', '11 SP4') < 0);
    assert.ok(compareVersionText('11', '11 SP1') < 0);
    assert.ok(compareVersionText('11 SP4', '12') < 0);
  });
  test('normalises what users type', () => {
    assert.equal(normaliseVersion('11sp3'), '11 SP3');
    assert.equal(normaliseVersion(' 14.04 '), '14.04');
    assert.equal(normaliseVersion('12 sp 03'), '12 SP3');
    assert.equal(normaliseVersion('trusty'), undefined);
    assert.equal(normaliseVersion(''), undefined);
  });
});

describe('version items', () => {
  test('a version inside a range resolves to it; one outside does not', () => {
    const range: VersionItem = { kind: 'range', from: '6.0', to: '6.3', openEnded: false };
    assert.equal(match('6.2', range), 'within');
    assert.equal(match('6.0', range), 'within');
    assert.equal(match('6.3', range), 'within');
    assert.equal(match('6.4', range), 'none');
    assert.equal(match('6.30', range), 'none');
  });
  test('a trailing + takes later minor releases of the same major', () => {
    const range: VersionItem = { kind: 'range', from: '8.1', to: '8.6', openEnded: true };
    assert.equal(match('8.9', range), 'within');
    assert.equal(match('8.0', range), 'none');
    assert.equal(match('9.0', range), 'none');
  });
  test('"9.x" covers every 9 release', () => {
    const series: VersionItem = { kind: 'series', major: '9' };
    assert.equal(match('9.4', series), 'within');
    assert.equal(match('9', series), 'exact');
    assert.equal(match('8.4', series), 'none');
  });
  test('service-pack ranges and exact releases', () => {
    const sps: VersionItem = { kind: 'range', from: '15 SP1', to: '15 SP4', openEnded: false };
    assert.equal(match('15 SP2', sps), 'within');
    assert.equal(match('15 SP5', sps), 'none');
    assert.equal(match('15', { kind: 'exact', version: '15' }), 'exact');
    assert.equal(match('15 SP1', { kind: 'exact', version: '15' }), 'none');
  });
  test('a bare major names the series, not the .0 release', () => {
    assert.equal(match('6', { kind: 'exact', version: '6.4' }), 'series');
    assert.equal(match('6', { kind: 'range', from: '6.0', to: '6.3', openEnded: false }), 'series');
    assert.equal(match('7', { kind: 'exact', version: '6.4' }), 'none');
  });
  test('best match across a column and its bounds', () => {
    const items: VersionItem[] = [
      { kind: 'exact', version: '6.10' },
      { kind: 'exact', version: '6.9' },
      { kind: 'exact', version: '6.8' },
    ];
    const parsed = parseVersion('6.9');
    assert.ok(parsed);
    assert.equal(matchVersionItems(parsed, items), 'exact');
    const bounds = versionBounds(items);
    assert.deepEqual(bounds?.low.parts, [6, 8]);
    assert.deepEqual(bounds?.high.parts, [6, 10]);
    assert.equal(
      describeVersionItems([
        { kind: 'range', from: '8.1', to: '8.6', openEnded: true },
        { kind: 'series', major: '9' },
      ]),
      '8.1-8.6+, 9.x',
    );
  });
});

describe('typo distance', () => {
  test('within one edit: substitution, insertion, deletion, adjacent swap', async () => {
    const { withinOneEdit, editDistance } = await import('../../src/knowledge/edit-distance.ts');
    for (const [a, b] of [
      ['scheduler', 'schedular'],
      ['debian', 'debain'],
      ['trim', 'trimm'],
      ['rhel', 'rhe'],
      ['kvp', 'kvp'],
    ]) {
      assert.ok(withinOneEdit(a!, b!), `${a} ~ ${b}`);
      assert.ok(editDistance(a!, b!) <= 1, `${a} ~ ${b} by distance`);
    }
    for (const [a, b] of [
      ['help', 'rhel'],
      ['ubuntu', 'debian'],
      ['abc', 'cba'],
    ])
      assert.equal(withinOneEdit(a!, b!), false, `${a} !~ ${b}`);
  });
});

describe('LIS release order', () => {
  test('a hotfix suffix sorts after its release and before the next', async () => {
    const { compareLisVersions } = await import('../../src/knowledge/version.ts');
    const sorted = ['4.1.3', '4.1.2-2', '4.2', '4.1.2', '3.5', '4.10'].sort(compareLisVersions);
    assert.deepEqual(sorted, ['3.5', '4.1.2', '4.1.2-2', '4.1.3', '4.2', '4.10']);
  });
});
