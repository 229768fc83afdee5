import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { adviceFeature, pickFeature } from '../../../src/bot/entities/feature-choice.ts';
import { extractEntities } from '../../../src/bot/entities/extract.ts';
import { realKb } from '../../helpers/real-kb.ts';

describe('pickFeature', () => {
  test('core, the VM generation and dynamic memory as a whole give way to any other feature', () => {
    assert.equal(pickFeature(['core', 'kvp']), 'kvp');
    assert.equal(pickFeature(['uefi-boot', 'lsvmbus']), 'lsvmbus');
    assert.equal(pickFeature(['dynamic-memory', 'dm-hot-add']), 'dm-hot-add');
    assert.equal(pickFeature(['core']), 'core');
    assert.equal(pickFeature(['uefi-boot', 'dynamic-memory']), 'dynamic-memory');
  });
  test('the narrower of two features that work together', () => {
    assert.equal(pickFeature(['kvp', 'static-ip-injection']), 'static-ip-injection');
    assert.equal(pickFeature(['dm-hot-add', 'runtime-memory-resize']), 'runtime-memory-resize');
  });
  test('a feature named only by a dynamic memory setting gives way to dynamic memory', () => {
    assert.equal(pickFeature(['dm-ballooning', 'dynamic-memory'], new Set(['dm-ballooning'])), 'dynamic-memory');
    assert.equal(pickFeature(['dm-ballooning'], new Set(['dm-ballooning'])), 'dm-ballooning');
  });
  test('hot-add and ballooning: compared, dynamic memory; otherwise the one named first', () => {
    assert.equal(pickFeature(['dm-hot-add', 'dm-ballooning'], new Set(), true), 'dynamic-memory');
    assert.equal(pickFeature(['dm-hot-add', 'dm-ballooning']), 'dm-hot-add');
    assert.equal(pickFeature(['dm-ballooning', 'dm-hot-add']), 'dm-ballooning');
    const kb = realKb();
    assert.equal(extractEntities(kb, 'rhel 6.4 in-box drivers: hot add memory or only ballooning?').entities.feature, 'dm-hot-add');
    assert.equal(extractEntities(kb, "what's the difference between hot add and ballooning?").entities.feature, 'dynamic-memory');
  });
});

describe('adviceFeature', () => {
  test('ballooning named beside dynamic memory in a problem or a tip is dynamic memory as a whole', () => {
    assert.equal(adviceFeature('dm-ballooning', ['dm-ballooning', 'dynamic-memory']), 'dynamic-memory');
  });
  test('hot-add named too, or ballooning alone, stays as picked', () => {
    assert.equal(adviceFeature('dm-ballooning', ['dm-ballooning', 'dynamic-memory', 'dm-hot-add']), 'dm-ballooning');
    assert.equal(adviceFeature('dm-ballooning', ['dm-ballooning']), 'dm-ballooning');
  });
});
