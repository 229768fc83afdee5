import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { evaluateBundle, renderReportText, reportToReply } from '../../src/check/report/index.ts';
import { CheckReportSchema } from '../../src/check/report/schema.ts';
import { realKb } from '../helpers/real-kb.ts';
import { propertyRuns } from '../helpers/property.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bundles');
const texts = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
/** Parse, rules, reply and text together; a check that takes longer points at a pathological path. */
const MAX_MS = 1_500;

function checkTimed(input: string | Buffer): void {
  const kb = realKb();
  const started = performance.now();
  const result = evaluateBundle(kb, input, { asOf: '2025-06-01' });
  reportToReply(kb, result.report);
  renderReportText(result.report);
  const ms = performance.now() - started;
  assert.ok(ms < MAX_MS, `check took ${ms.toFixed(0)} ms`);
  assert.deepEqual(result.errors, [], `rules threw: ${result.errors.join(', ')}`);
  const parsed = CheckReportSchema.safeParse(result.report);
  assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
}

const fixture = fc.constantFrom(...texts);

describe('checkBundle fuzzing', () => {
  test('fixtures cut at any point', () => {
    fc.assert(
      fc.property(fixture, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        checkTimed(text.slice(0, Math.floor(text.length * at)));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test('fixtures with corrupted spans (random bytes, NULs, huge lines, ANSI)', () => {
    const junk = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom(
        '\u0000\u0000\u0000',
        '\u001b[31m\u001b[0m',
        'x'.repeat(20_000),
        '\r\n\r',
        '### dmesg (filtered)\n',
        '### lischeck-end\n',
        'Hyper-V Host Build:99999-99.99-999-999.999999; Vmbus version:99.99\n',
        'hv_balloon: Max. dynamic memory size: 99999999999999999999999 MB\n',
      ),
    );
    fc.assert(
      fc.property(
        fixture,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 400 }), junk), { maxLength: 6 }),
        (text, edits) => {
          let out = text;
          for (const [at, remove, insert] of edits) {
            const i = Math.floor(out.length * at);
            out = out.slice(0, i) + insert + out.slice(i + remove);
          }
          checkTimed(out);
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });

  test('sections shuffled, dropped and duplicated', () => {
    fc.assert(
      fc.property(fixture, fc.array(fc.nat(), { maxLength: 80 }), (text, picks) => {
        const parts = text.split(/(?=^### )/m);
        const chosen = picks.map((p) => parts[p % parts.length] ?? '');
        checkTimed(chosen.join(''));
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  test('arbitrary text and bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3_000 }), (s) => {
        checkTimed(s);
      }),
      { numRuns: propertyRuns(150) },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), (b) => {
        checkTimed(Buffer.from(b));
      }),
      { numRuns: propertyRuns(150) },
    );
  });
});
