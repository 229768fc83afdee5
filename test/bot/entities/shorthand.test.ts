import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expandShorthand } from '../../../src/bot/entities/shorthand.ts';
import { extractEntities } from '../../../src/bot/entities/extract.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();
const entities = (q: string) => extractEntities(kb, q).entities;

describe('Red Hat update numbering', () => {
  test('"7u4", "7 u4" and "7 update 4" are 7.4, glued to the family or not', () => {
    const expand = (tokens: string[]) =>
      expandShorthand(
        tokens,
        () => 'rhel',
        () => false,
      );
    assert.deepEqual(expand(['rhel7u4']), ['rhel', '7.4']);
    assert.deepEqual(expand(['rhel', '7', 'u4']), ['rhel', '7.4']);
    assert.deepEqual(expand(['rhel', '7', 'update', '4']), ['rhel', '7.4']);
  });
  test('every family writes it', () => {
    assert.deepEqual(entities('rhel7u4'), { distro: 'rhel', version: '7.4' });
    assert.deepEqual(entities('ol7u9 kvp'), { distro: 'oracle-linux', version: '7.9', feature: 'kvp' });
    assert.deepEqual(entities('centos 6 update 5 trim'), { distro: 'centos', version: '6.5', feature: 'trim' });
    assert.equal(entities('rhel 7u4').version, '7.4');
  });
  test('an update with no release before it is no version', () => {
    assert.equal(entities('install update 4 on rhel 7').version, '7');
  });
});

describe('a misspelt family with its version glued on', () => {
  test('is read like the family spelt right', () => {
    assert.deepEqual(entities('ubunto20.04 kvp'), { distro: 'ubuntu', version: '20.04', feature: 'kvp' });
    assert.deepEqual(entities('centso7 kvp'), { distro: 'centos', version: '7', feature: 'kvp' });
    assert.equal(entities('debain10 kvp').distro, 'debian');
  });
  test('a word near no family is left alone', () => {
    assert.deepEqual(entities('python3 on rhel 8'), { distro: 'rhel', version: '8' });
  });
});
