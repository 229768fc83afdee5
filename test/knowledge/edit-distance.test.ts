import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance, withinOneEdit } from '../../src/knowledge/edit-distance.ts';
import { propertyRuns } from '../helpers/property.ts';

/** The whole optimal-string-alignment table, the textbook way: what the reused rows and the early stop must agree with. */
function fullTable(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

test('editDistance is the optimal string alignment distance, or limit + 1 once past the limit', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });
  fc.assert(
    fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
      assert.equal(editDistance(a, b, limit), Math.min(fullTable(a, b), limit + 1));
      assert.equal(withinOneEdit(a, b), fullTable(a, b) <= 1);
    }),
    { numRuns: propertyRuns(2000) },
  );
  assert.equal(editDistance('hyperv', 'hpyerv', 2), 1, 'an adjacent swap costs one');
  assert.equal(editDistance('x'.repeat(100), 'y'.repeat(100), 3), 4, 'a word longer than the reused rows');
});
