import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict } from '../../../src/knowledge/query/verdict.ts';
import { realKb } from '../../helpers/real-kb.ts';

const kb = realKb();

test("a point release above a newer page's explicit ranges is not listed by an older page's whole-series column", () => {
  const answer = decideVerdict(kb, { family: 'oracle-linux', version: '7.9' });
  assert.equal(answer.verdict, 'not-in-matrix', answer.headline);
  const nearest = answer.nearest.flatMap((m) => m.column.versions);
  assert.ok(
    nearest.some((item) => item.kind === 'range' && item.to === '7.8'),
    JSON.stringify(nearest),
  );
  assert.ok(!nearest.some((item) => item.kind === 'series'), 'the outgrown series column is no nearest release');
  assert.equal(decideVerdict(kb, { family: 'oracle-linux', version: '7.9', uek: 'R5' }).verdict, 'not-in-matrix');
});

test('releases inside or below the newer ranges keep the whole-series columns that list them', () => {
  assert.equal(decideVerdict(kb, { family: 'oracle-linux', version: '7.6', uek: 'R4', feature: 'trim', host: '2016' }).verdict, 'yes');
  const older = decideVerdict(kb, { family: 'oracle-linux', version: '6.4', uek: 'R3 QU1' });
  assert.equal(older.verdict, 'yes', older.headline);
  assert.equal(decideVerdict(kb, { family: 'rhel', version: '9.4', host: '2022' }).verdict, 'yes');
});
