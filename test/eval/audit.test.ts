import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AUDIT_SPLITS, runAudit } from './audit.ts';
import { realKb } from '../helpers/real-kb.ts';

const baseline = JSON.parse(readFileSync(new URL('./audit-baseline.json', import.meta.url), 'utf8')) as Record<string, number>;

// The test split is only measured here, never looked at: its misses are not printed.
test('audit accuracy does not fall below the recorded baseline, per split', () => {
  for (const split of AUDIT_SPLITS) {
    const { summary } = runAudit(realKb(), split);
    const correct = summary.correct / summary.total;
    const detail =
      split === 'dev'
        ? `\n${summary.results
            .filter((r) => r.failures.length)
            .slice(0, 10)
            .map((r) => `${r.expected.question}: ${r.failures.join('; ')}`)
            .join('\n')}`
        : '';
    assert.ok(
      correct >= (baseline[split] ?? 1) - 1e-9,
      `audit-${split} ${(correct * 100).toFixed(1)}% < baseline ${((baseline[split] ?? 1) * 100).toFixed(1)}%${detail}`,
    );
  }
});
