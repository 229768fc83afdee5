import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { phraseVariants } from '../../../src/bot/entities/phrase-variants.ts';

describe('phraseVariants', () => {
  test('verbs in other tenses and stand-in words', () => {
    const variants = phraseVariants('grow disk');
    for (const v of ['grew disk', 'growing vhdx', 'grow virtual disk']) assert.ok(variants.includes(v), v);
    assert.ok(phraseVariants('live migrate').includes('live migrating'));
    assert.ok(phraseVariants('synthetic network adapter').includes('hyper v specific network device'));
  });
  test('a phrase with no varying word has no variants', () => {
    assert.deepEqual(phraseVariants('secure boot'), []);
  });
});
