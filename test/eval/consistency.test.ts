import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAllCells } from './consistency.ts';
import { realKb } from '../helpers/real-kb.ts';

test('every cell of every snapshot, asked through the ask path, gets the verdict its cell and notes give', (t) => {
  const checks = checkAllCells(realKb());
  const counts: Record<string, number> = {};
  for (const check of checks) counts[check.outcome] = (counts[check.outcome] ?? 0) + 1;
  t.diagnostic(`checked ${checks.length} (cell, host, version) questions: ${JSON.stringify(counts)}`);
  const wrong = checks.filter((c) => c.outcome === 'disagree' || c.outcome === 'newer-era-decides' || c.outcome === 'ambiguous');
  assert.equal(
    wrong.length,
    0,
    wrong
      .slice(0, 20)
      .map((c) => `${c.question} [${c.snapshot} ${c.column} ${c.feature} ${c.host}] expected ${c.expected}, got ${c.actual}`)
      .join('\n'),
  );
  // Phrasings the intent parser does not take as support questions belong to it; they must stay rare.
  assert.ok((counts['not-understood'] ?? 0) < checks.length * 0.03, `${counts['not-understood']} not understood`);
  assert.ok(checks.length > 10_000, 'every cell is asked');
});
