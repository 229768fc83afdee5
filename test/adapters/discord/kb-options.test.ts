import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  familyChoices,
  featureChoices,
  familyVersions,
  resolveFamily,
  resolveFeature,
  resolveHost,
  resolveVersion,
  versionChoices,
  MAX_CHOICES,
} from '../../../src/adapters/discord/commands/kb-options.ts';
import { commandDefinitions } from '../../../src/adapters/discord/commands/registry.ts';
import { realKb } from '../../helpers/real-kb.ts';
import { propertyRuns } from '../../helpers/property.ts';

const kb = realKb();

describe('autocomplete ranking and server-side validation', () => {
  test('families by name, alias and codename; Linux and BSD before other systems', () => {
    assert.equal(familyChoices(kb, 'ubu')[0]!.value, 'ubuntu');
    assert.equal(familyChoices(kb, 'red hat')[0]!.value, 'rhel');
    assert.equal(familyChoices(kb, 'sles')[0]!.value, 'sles');
    assert.equal(familyChoices(kb, 'OL')[0]!.value, 'oracle-linux');
    const jammy = familyChoices(kb, 'jammy')[0]!;
    assert.equal(jammy.value, 'ubuntu');
    assert.match(jammy.name, /jammy is 22\.04/);
    const all = familyChoices(kb, '');
    assert.equal(all.length, Math.min(kb.families.size, MAX_CHOICES));
    const firstOther = all.findIndex((c) => ['aix', 'hp-ux', 'solaris-sparc', 'windows-rt', 'solaris-x86'].includes(c.value));
    assert.ok(all.slice(firstOther).every((c) => ['aix', 'hp-ux', 'solaris-sparc', 'windows-rt', 'solaris-x86'].includes(c.value)));
  });

  test('versions of a family from its snapshots, newest first, ranges expanded, codenames shown', () => {
    const rhel = familyVersions(kb, 'rhel').map((v) => v.version);
    for (const v of ['6.2', '6.8', '7.5', '5.11']) assert.ok(rhel.includes(v), `rhel ${v}`);
    assert.equal(versionChoices(kb, 'ubuntu', '')[0]!.value, '22.04');
    assert.deepEqual(
      versionChoices(kb, 'ubuntu', 'jam').map((c) => c.value),
      ['22.04'],
    );
    assert.ok(versionChoices(kb, 'sles', '11').some((c) => c.value === '11 SP3'));
    assert.ok(versionChoices(kb, 'rhel', '6.').every((c) => c.value.startsWith('6.')));
    assert.deepEqual(versionChoices(kb, undefined, '1'), []);
  });

  test('features by name, synonym and matrix row name', () => {
    assert.equal(featureChoices(kb, 'trim')[0]!.value, 'trim');
    assert.equal(featureChoices(kb, 'discard')[0]!.value, 'trim');
    assert.equal(featureChoices(kb, 'balloon')[0]!.value, 'dm-ballooning');
    assert.ok(featureChoices(kb, 'dynamic memory').some((c) => c.value === 'dynamic-memory'));
    assert.equal(featureChoices(kb, '').length, MAX_CHOICES);
  });

  test("every autocomplete answer respects Discord's limits, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (typed) => {
        for (const list of [
          familyChoices(kb, typed),
          featureChoices(kb, typed),
          versionChoices(kb, 'rhel', typed),
          versionChoices(kb, 'ubuntu', typed),
        ]) {
          if (list.length > 25) return false;
          if (list.some((c) => c.name.length < 1 || c.name.length > 100 || c.value.length < 1 || c.value.length > 100)) return false;
        }
        return true;
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  test('option values are validated again on the server', () => {
    assert.deepEqual(resolveFamily(kb, 'sles'), { family: 'sles' });
    assert.deepEqual(resolveFamily(kb, 'Red Hat'), { family: 'rhel' });
    assert.deepEqual(resolveFamily(kb, 'jammy'), { family: 'ubuntu', version: '22.04' });
    assert.equal(resolveFamily(kb, 'plan9'), undefined);
    assert.equal(resolveVersion(kb, 'sles', '11 SP3'), '11 SP3');
    assert.equal(resolveVersion(kb, 'sles', '11sp3'), '11 SP3');
    assert.equal(resolveVersion(kb, 'sles', '11.3'), '11 SP3');
    assert.equal(resolveVersion(kb, 'ubuntu', 'focal'), '20.04');
    assert.equal(resolveVersion(kb, 'ubuntu', '22.04 (jammy)'), '22.04');
    assert.equal(resolveVersion(kb, 'rhel', 'latest'), undefined);
    assert.equal(resolveFeature(kb, 'trim'), 'trim');
    assert.equal(resolveFeature(kb, 'TRIM support'), 'trim');
    assert.equal(resolveFeature(kb, 'discard'), 'trim');
    assert.equal(resolveFeature(kb, 'dynamic memory'), 'dynamic-memory');
    assert.equal(resolveFeature(kb, 'warp drive'), undefined);
    assert.equal(resolveHost('2012 R2'), '2012 R2');
    assert.equal(resolveHost('ws2016'), '2016');
    assert.equal(resolveHost('1999'), undefined);
  });

  test("the registered /lis command stays within Discord's command limits", () => {
    const [lis] = commandDefinitions();
    const json = JSON.stringify(lis);
    assert.ok(json.length < 8000, 'combined characters under 8,000');
    const walk = (
      options:
        ReadonlyArray<{ name: string; description: string; options?: unknown; choices?: unknown[]; autocomplete?: boolean }> | undefined,
    ): void => {
      assert.ok((options ?? []).length <= 25);
      for (const option of options ?? []) {
        assert.match(option.name, /^[-_\p{L}\p{N}]{1,32}$/u);
        assert.ok(option.description.length >= 1 && option.description.length <= 100, option.description);
        assert.ok((option.choices ?? []).length <= 25);
        assert.ok(!(option.autocomplete && option.choices), 'autocomplete and choices are exclusive');
        walk(option.options as typeof options);
      }
    };
    assert.ok(lis!.description.length <= 100);
    walk(lis!.options);
  });
});
