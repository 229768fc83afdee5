import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { evaluate, loadCases } from './evaluate.ts';
import { realKb } from '../helpers/real-kb.ts';

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as { correct: number; intent: number };

test('evaluation accuracy does not fall below the recorded baseline', () => {
  const summary = evaluate(realKb(), loadCases());
  const correct = summary.correct / summary.total;
  const intent = summary.intentCorrect / summary.total;
  const misses = summary.results.filter((r) => r.failures.length).slice(0, 15).map((r) => `${r.expected.question}: ${r.failures.join('; ')}`);
  assert.ok(correct >= baseline.correct - 1e-9, `fully correct ${(correct * 100).toFixed(1)}% < baseline ${(baseline.correct * 100).toFixed(1)}%\n${misses.join('\n')}`);
  assert.ok(intent >= baseline.intent - 1e-9, `intent accuracy ${(intent * 100).toFixed(1)}% < baseline ${(baseline.intent * 100).toFixed(1)}%`);
});
