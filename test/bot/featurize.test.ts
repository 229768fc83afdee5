import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { featuresOf, forEachFeatureId } from '../../src/bot/intent/featurize.ts';
import { FeatureIndex } from '../../src/bot/intent/feature-index.ts';

describe('featuresOf', () => {
  test('lists the asked sentence, then length, domain, first word, bigrams and each word’s own features, in that order', () => {
    assert.deepEqual(featuresOf('does xfeature work', 'does xfeature work'), [
      'a:first:does',
      'a:w:does',
      'a:b:does xfeature',
      'a:w:xfeature',
      'a:b:xfeature work',
      'a:w:work',
      'a:b:work </s>',
      'len:3',
      'dom:yes',
      'first:does',
      'b:<s> does',
      'b:does xfeature',
      'b:xfeature work',
      'b:work </s>',
      'w:does',
      'w:xfeature',
      'w:work',
    ]);
  });

  test('stems longer words, drops filler on its own but keeps it in bigrams, and adds 3-grams of long words', () => {
    const features = featuresOf('the disks failing');
    assert.ok(features.includes('w:disk') && features.includes('w:fail'));
    assert.ok(!features.includes('w:the'));
    assert.ok(features.includes('b:the disk') && features.includes('b:<s> the'));
    assert.deepEqual(featuresOf('migrating'), [
      'len:1',
      'dom:no',
      'first:migrat',
      'b:<s> migrat',
      'b:migrat </s>',
      'w:migrat',
      ...['<mi', 'mig', 'igr', 'gra', 'rat', 'at>'].map((g) => `c:${g}`),
    ]);
  });

  test('the same words give the same features however often they are read, alone or beside others', () => {
    const first = featuresOf('vm loses network after live migration');
    featuresOf('network after migration vm loses');
    assert.deepEqual(featuresOf('vm loses network after live migration'), first);
    assert.deepEqual(featuresOf(''), ['empty', 'len:0', 'dom:no', 'b:<s> </s>']);
  });
});

describe('forEachFeatureId', () => {
  test('gives the ids that looking up each listed feature gives, in each index afresh', () => {
    const shapes: Array<[string, string | undefined]> = [
      ['vm loses network after live migration', undefined],
      ['does xfeature work on xhost', 'does xfeature work on xhost'],
      ['network after migration vm loses', 'vm loses'],
    ];
    for (const pass of [1, 2]) {
      const byName = new FeatureIndex();
      const byWord = new FeatureIndex();
      if (pass === 2) byWord.idOf('taken first');
      if (pass === 2) byName.idOf('taken first');
      for (const [shape, asked] of shapes) {
        const expected = featuresOf(shape, asked).map((feature) => byName.idOf(feature));
        const ids: number[] = [];
        forEachFeatureId(shape, byWord, (id) => ids.push(id), asked);
        assert.deepEqual([...new Set(ids)], expected, `${shape}, pass ${pass}`);
      }
      assert.deepEqual(byWord.names(), byName.names());
    }
  });
});

describe('FeatureIndex', () => {
  test('numbers features in the order first seen, and a row’s ids come out distinct and ascending', () => {
    const index = new FeatureIndex();
    const ids = Int32Array.from(['b', 'a', 'b', 'c', 'a'], (f) => index.idOf(f));
    assert.deepEqual([...FeatureIndex.distinct(ids)], [0, 1, 2]);
    assert.deepEqual(index.names(), ['b', 'a', 'c']);
    assert.equal(index.find('z'), undefined);
    assert.equal(FeatureIndex.of(['x', 'y']).find('y'), 1);
  });
});
