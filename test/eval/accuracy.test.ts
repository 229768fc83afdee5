import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluate, hasSplit, HELD_OUT_SPLITS, loadCases, scopeFigures, type Split } from './evaluate.ts';
import { realKb } from '../helpers/real-kb.ts';

type HeldOutFigures = Partial<Record<Exclude<Split, 'train' | 'dev'>, { correct: number; intent: number }>>;
interface Baseline extends HeldOutFigures {
  correct: number;
  intent: number;
  outOfScopeDeclined: number;
  inScopeWronglyDeclined: number;
}
const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Baseline;

test('evaluation accuracy (train+dev) does not fall below the recorded baseline', () => {
  const summary = evaluate(realKb(), loadCases());
  const correct = summary.correct / summary.total;
  const intent = summary.intentCorrect / summary.total;
  const misses = summary.results
    .filter((r) => r.failures.length)
    .slice(0, 15)
    .map((r) => `${r.expected.question}: ${r.failures.join('; ')}`);
  assert.ok(
    correct >= baseline.correct - 1e-9,
    `fully correct ${(correct * 100).toFixed(1)}% < baseline ${(baseline.correct * 100).toFixed(1)}%\n${misses.join('\n')}`,
  );
  assert.ok(
    intent >= baseline.intent - 1e-9,
    `intent accuracy ${(intent * 100).toFixed(1)}% < baseline ${(baseline.intent * 100).toFixed(1)}%`,
  );
  const scope = scopeFigures(summary);
  assert.ok(scope.outDeclined / scope.out >= baseline.outOfScopeDeclined - 1e-9, 'out-of-scope questions declined fell');
  assert.ok(scope.inDeclined / scope.in <= baseline.inScopeWronglyDeclined + 1e-9, 'in-scope questions wrongly declined rose');
});

// Held-out splits are run for their figures only; this guards each figure, it never prints the questions.
for (const split of HELD_OUT_SPLITS) {
  const recorded = baseline[split];
  test(`the held-out ${split} split does not fall below its recorded figure`, { skip: !hasSplit(split) || !recorded }, () => {
    const summary = evaluate(realKb(), loadCases(split));
    const correct = summary.correct / summary.total;
    const intent = summary.intentCorrect / summary.total;
    assert.ok(
      correct >= recorded!.correct - 1e-9,
      `${split} fully correct ${(correct * 100).toFixed(1)}% < ${(recorded!.correct * 100).toFixed(1)}%`,
    );
    assert.ok(intent >= recorded!.intent - 1e-9, `${split} intent ${(intent * 100).toFixed(1)}% < ${(recorded!.intent * 100).toFixed(1)}%`);
  });
}
