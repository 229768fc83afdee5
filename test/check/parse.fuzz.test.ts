import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { GuestFacts } from '../../src/check/guest-facts.ts';
import { parseBundle, type ParsedBundle } from '../../src/check/parse/index.ts';
import { MAX_LINE_CHARS } from '../../src/check/parse/limits.ts';
import { propertyRuns } from '../helpers/property.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bundles');
const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = names.map((n) => readFileSync(join(FIXTURES, n), 'utf8'));
const collectorTexts = texts.filter((t) => t.startsWith('### lischeck-meta'));
/** Per-run budget; a parse that takes longer than this points at a pathological regex. */
const MAX_MS = 1_000;

function parseTimed(input: string | Buffer): ParsedBundle {
  const start = performance.now();
  const bundle = parseBundle(input);
  const ms = performance.now() - start;
  assert.ok(ms < MAX_MS, `parse took ${ms.toFixed(0)} ms`);
  const checked = GuestFacts.safeParse(bundle.facts);
  assert.ok(checked.success, checked.success ? '' : checked.error.message);
  assert.ok(Array.isArray(bundle.diagnostics));
  return bundle;
}

function has(bundle: ParsedBundle, code: string): boolean {
  return bundle.diagnostics.some((d) => d.code === code);
}

function withoutEvidence(bundle: ParsedBundle): string {
  return JSON.stringify(bundle.facts, (k, v: unknown) => (k === 'evidence' ? undefined : v));
}

/** Splits a collector bundle into meta, the body sections and the end marker. */
function split(text: string): { head: string; sections: string[]; tail: string } {
  const parts = text.split(/(?=^### )/m);
  return { head: parts[0] ?? '', sections: parts.slice(1, -1), tail: parts[parts.length - 1] ?? '' };
}

const fixture = fc.constantFrom(...texts);
const collectorFixture = fc.constantFrom(...collectorTexts);

describe('parser fuzzing', () => {
  test('arbitrary text and bytes never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2_000 }), (s) => {
        parseTimed(s);
      }),
      { numRuns: propertyRuns(300) },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_000 }), (bytes) => {
        parseTimed(Buffer.from(bytes));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  test('header-shaped noise never throws', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '### lischeck-meta',
        '### lischeck-end',
        '### uname -a',
        '### dmesg (filtered)',
        '### user-context',
        '# rc=0',
        '# rc=99999999999',
        '### ',
        '###',
        '# truncated at 400 lines',
      ),
      fc.string({ maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 200 }), (lines) => {
        parseTimed(lines.join('\n'));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  test('cut at any point: no throw, and a cut collector bundle is marked truncated', () => {
    fc.assert(
      fc.property(collectorFixture, fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        const cut = text.slice(0, Math.floor(text.length * at));
        const bundle = parseTimed(cut);
        if (cut.includes('### lischeck-meta') && !cut.includes('### lischeck-end')) assert.ok(has(bundle, 'INPUT_TRUNCATED'));
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test('NUL and binary junk inserted anywhere: no throw, clean lines', () => {
    const junk = fc.uint8Array({ minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(
        fixture,
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), junk), { minLength: 1, maxLength: 5 }),
        (text, inserts) => {
          let buf = Buffer.from(text);
          for (const [at, bytes] of inserts) {
            const i = Math.floor(buf.length * at);
            buf = Buffer.concat([buf.subarray(0, i), Buffer.from(bytes), buf.subarray(i)]);
          }
          const bundle = parseTimed(buf);
          for (const section of bundle.sections.values()) {
            // eslint-disable-next-line no-control-regex -- control characters are what must be gone
            for (const l of section.lines) assert.doesNotMatch(l, /[\u0000-\u0008\u000e-\u001f\u007f]/);
          }
        },
      ),
      { numRuns: propertyRuns(150) },
    );
  });

  test('duplicated sections are reported and do not change the facts', () => {
    fc.assert(
      fc.property(collectorFixture, fc.nat(), (text, pick) => {
        const { head, sections, tail } = split(text);
        const chosen = sections[pick % sections.length] ?? '';
        const doubled = head + sections.join('') + chosen + tail;
        const bundle = parseTimed(doubled);
        assert.ok(has(bundle, 'INPUT_DUPLICATE_SECTION'));
        assert.equal(withoutEvidence(bundle), withoutEvidence(parseBundle(text)));
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  test('shuffled sections give the same facts', () => {
    fc.assert(
      fc.property(
        collectorFixture.chain((text) => {
          const { head, sections, tail } = split(text);
          return fc
            .shuffledSubarray(sections, { minLength: sections.length, maxLength: sections.length })
            .map((s) => ({ text, shuffled: head + s.join('') + tail }));
        }),
        ({ text, shuffled }) => {
          assert.equal(withoutEvidence(parseTimed(shuffled)), withoutEvidence(parseBundle(text)));
        },
      ),
      { numRuns: propertyRuns(100) },
    );
  });

  test('huge lines are cut and reported', () => {
    fc.assert(
      fc.property(
        fixture,
        fc.integer({ min: MAX_LINE_CHARS + 1, max: 200_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('A', '\u00e9', '[', ' ', '0.'),
        (text, size, at, unit) => {
          const lines = text.split('\n');
          lines.splice(Math.floor(lines.length * at), 0, unit.repeat(Math.ceil(size / unit.length)));
          const bundle = parseTimed(lines.join('\n'));
          assert.ok(has(bundle, 'INPUT_LINE_TOO_LONG'));
          for (const section of bundle.sections.values()) for (const l of section.lines) assert.ok(l.length <= MAX_LINE_CHARS);
        },
      ),
      { numRuns: propertyRuns(60) },
    );
  });

  test('Dynamic Memory sizes never become Infinity', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,40}$/), (digits) => {
        const bundle = parseTimed(`[    1.0] hv_balloon: Max. dynamic memory size: ${digits} MB\n`);
        const max = bundle.facts.balloon?.value.maxMb;
        assert.ok(max === 'invalid' || (typeof max === 'number' && Number.isSafeInteger(max)));
      }),
      { numRuns: propertyRuns(200) },
    );
    const bad = parseTimed('hv_balloon: Max. dynamic memory size: 99999999999999999999999 MB\ngarbage\u0000\u00ff');
    assert.equal(bad.facts.balloon?.value.maxMb, 'invalid');
  });
});
