import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluateCorpus } from './evaluate.ts';

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as {
  recall: number;
  falsePositiveRate: number;
};
const EPSILON = 1e-9;

test('the check corpus keeps its recall and must-not false-positive rate (npm run eval:check)', async () => {
  const result = await evaluateCorpus();
  const misses = result.cases.flatMap((c) => [
    ...c.missed.map((id) => `${c.name}: missed ${id}`),
    ...c.falsePositives.map((id) => `${c.name}: raised ${id}`),
  ]);
  assert.ok(
    result.recall + EPSILON >= baseline.recall,
    `recall ${result.recall.toFixed(3)} fell below the baseline ${baseline.recall.toFixed(3)}\n${misses.join('\n')}`,
  );
  assert.ok(
    result.falsePositiveRate <= baseline.falsePositiveRate + EPSILON,
    `must-not rate ${result.falsePositiveRate.toFixed(3)} rose above the baseline ${baseline.falsePositiveRate.toFixed(3)}\n${misses.join('\n')}`,
  );
});
