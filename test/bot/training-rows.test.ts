import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, trainingRows } from '../../src/bot/intent/model.ts';
import type { Example } from '../../src/bot/intent/examples.ts';
import { realKb } from '../helpers/real-kb.ts';

const kb = realKb();
const example = (text: string, label: Example['label']): Example => ({ text, label, origin: 'test' });
const EXAMPLES = [
  example('is trim supported on ubuntu 20.04', 'support'),
  example('is kvp supported on rhel 8', 'support'),
  example('what does zyzzyva mean for my guest', 'feature_info'),
  example('the vm hangs at boot every time', 'known_issue'),
  example('the vm hangs after a live migration', 'known_issue'),
];

test('a feature only one training row has is dropped from every row, and the saved model leaves it out', () => {
  const { index, rows } = trainingRows(kb, EXAMPLES);
  const once = index.find('w:zyzzyva');
  const twice = index.find('w:hang');
  assert.notEqual(once, undefined, 'the word was read');
  assert.ok(!rows.some((row) => row.ids.includes(once!)));
  assert.equal(rows.filter((row) => row.ids.includes(twice!)).length, 2);
  const saved = buildModel(kb, EXAMPLES).toJSON!().model;
  assert.ok(!saved.features.includes('w:zyzzyva'));
  assert.ok(saved.features.includes('w:hang'));
});
