// Validates the evaluation set (test/eval/train.jsonl and dev.jsonl together): shape, ids, regexes, coverage and uniqueness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { DISTRO_IDS, FEATURE_IDS, HOST_IDS, OTHER_OS_IDS } from '../../src/knowledge/schema/ids.ts';
import { VersionText } from '../../src/knowledge/schema/versions.ts';
import { INTENTS } from '../../src/core/reply.ts';

/** Feature ids plus `dynamic-memory`, used for dynamic memory in general (neither hot-add nor ballooning in particular). */
const EVAL_FEATURE_IDS = [...FEATURE_IDS, 'dynamic-memory'] as const;
const WITH_VERDICT = new Set<string>(['distro_support', 'feature_support']);
const NOT_RUNNING = new Set<string>(OTHER_OS_IDS);

/** Compiles an expected-text pattern: JS regex syntax, with an optional leading `(?i)` meaning case-insensitive. */
export function compilePattern(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

const Pattern = z
  .string()
  .min(1)
  .refine(
    (p) => {
      try {
        compilePattern(p);
        return true;
      } catch {
        return false;
      }
    },
    { error: 'pattern does not compile as a JS regex (after stripping a leading (?i))' },
  );

const Entities = z.strictObject({
  distro: z.enum(DISTRO_IDS).optional(),
  version: VersionText.optional(),
  feature: z.enum(EVAL_FEATURE_IDS).optional(),
  host: z.enum(HOST_IDS).optional(),
});

const Integration = z
  .strictObject({
    kind: z.enum(['built-in', 'download', 'ports', 'none']),
    package: z.string().min(1).optional(),
  })
  .check((ctx) => {
    const { kind, package: pkg } = ctx.value;
    if (kind === 'download' && pkg === undefined)
      ctx.issues.push({ code: 'custom', input: ctx.value, message: 'a download names its package' });
    if (kind !== 'download' && pkg !== undefined)
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `no package for kind ${kind}` });
  });

const Tag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const EvalLine = z
  .strictObject({
    question: z.string().min(1).max(4000),
    intent: z.enum(INTENTS),
    entities: Entities,
    answered: z.boolean(),
    verdict: z.enum(['supported', 'not_supported', 'unknown']).optional(),
    integration: Integration.optional(),
    text: z.array(Pattern),
    tags: z.array(Tag),
  })
  .check((ctx) => {
    const v = ctx.value;
    const issue = (message: string) => ctx.issues.push({ code: 'custom', input: v, message });
    if (v.verdict !== undefined && !WITH_VERDICT.has(v.intent))
      issue(`verdict is only for distro_support/feature_support, not ${v.intent}`);
    if (WITH_VERDICT.has(v.intent) && v.answered && v.verdict === undefined) issue('an answered support question needs a verdict');
    if (!v.answered && v.verdict !== undefined) issue('a declined or clarifying answer has no verdict');
    if (v.integration !== undefined && (!WITH_VERDICT.has(v.intent) || !v.answered))
      issue('integration only on answered support questions');
    if (v.intent === 'unknown' && v.answered) issue('out-of-scope questions are not answered');
    if (v.intent === 'feature_info' && v.entities.distro !== undefined) issue('feature_info names no distro (that is feature_support)');
    if (v.intent === 'feature_support' && v.answered && v.entities.feature === undefined) issue('feature_support names a feature');
    if (v.integration?.kind === 'none' && v.verdict !== 'not_supported') issue('integration none goes with not_supported');
    if (v.intent === 'distro_support' && v.answered && v.entities.distro !== undefined && NOT_RUNNING.has(v.entities.distro)) {
      if (v.verdict !== 'not_supported' || v.integration?.kind !== 'none')
        issue(`${v.entities.distro} is not_supported with integration none`);
    }
    if (new Set(v.tags).size !== v.tags.length) issue('duplicate tags');
  });
type EvalLine = z.infer<typeof EvalLine>;

function loadLines(): { lineNo: string; raw: string }[] {
  return ['train', 'dev'].flatMap((split) =>
    readFileSync(new URL(`./${split}.jsonl`, import.meta.url), 'utf8')
      .split('\n')
      .map((raw, i) => ({ lineNo: `${split}:${i + 1}`, raw }))
      .filter(({ raw }) => raw.trim() !== ''),
  );
}

/** Parses every line; invalid lines are reported by the first test and left out of the coverage counts. */
function parseAll(): { rows: EvalLine[]; problems: string[] } {
  const rows: EvalLine[] = [];
  const problems: string[] = [];
  for (const { lineNo, raw } of loadLines()) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      problems.push(`line ${lineNo}: not JSON (${String(err)})`);
      continue;
    }
    const parsed = EvalLine.safeParse(json);
    if (parsed.success) rows.push(parsed.data);
    else problems.push(`line ${lineNo}: ${z.prettifyError(parsed.error)}`);
  }
  return { rows, problems };
}

const { rows, problems } = parseAll();

function countBy<K extends string>(keys: readonly K[], pick: (r: EvalLine) => K | undefined): Map<K, number> {
  const m = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const r of rows) {
    const k = pick(r);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function atLeast<K extends string>(counts: Map<K, number>, min: number, what: string): void {
  const short = [...counts].filter(([, n]) => n < min).map(([k, n]) => `${k}=${n}`);
  assert.deepEqual(short, [], `${what}: each needs >= ${min}`);
}

const tagCount = (...tags: string[]) => rows.filter((r) => tags.some((t) => r.tags.includes(t))).length;

void test('every line is a valid evaluation record', () => {
  assert.deepEqual(problems, [], problems.slice(0, 20).join('\n'));
  assert.ok(rows.length >= 320, `expected >= 320 lines, got ${rows.length}`);
});

void test('questions are unique (ignoring case and spacing)', () => {
  const seen = new Map<string, number>();
  const dupes: string[] = [];
  rows.forEach((r, i) => {
    const key = r.question.trim().toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) dupes.push(`#${i + 1} repeats #${seen.get(key)! + 1}: ${r.question.slice(0, 60)}`);
    else seen.set(key, i);
  });
  assert.deepEqual(dupes, []);
});

void test('every intent is covered', () => {
  const byIntent = countBy(INTENTS, (r) => r.intent);
  atLeast(byIntent, 15, 'intents');
  assert.ok(byIntent.get('unknown')! >= 35, 'unknown needs >= 35');
  const nearMisses = rows.filter((r) => r.intent === 'unknown' && r.tags.includes('near-miss')).length;
  assert.ok(nearMisses >= 12, `unknown needs >= 12 near misses, got ${nearMisses}`);
});

void test('every OS family, feature and host is covered', () => {
  atLeast(
    countBy(DISTRO_IDS, (r) => r.entities.distro),
    5,
    'OS families',
  );
  atLeast(
    countBy(EVAL_FEATURE_IDS, (r) => r.entities.feature),
    3,
    'features',
  );
  atLeast(
    countBy(HOST_IDS, (r) => r.entities.host),
    4,
    'hosts',
  );
});

void test('the hard cases are covered', () => {
  const minimums: [string[], number][] = [
    [['typo'], 30],
    [['codename'], 20],
    [['abbreviation', 'host-alias'], 20],
    [['log-line'], 15],
    [['hostile'], 10],
  ];
  for (const [tags, min] of minimums) {
    const n = tagCount(...tags);
    assert.ok(n >= min, `${tags.join('|')}: expected >= ${min}, got ${n}`);
  }
});

void test('support questions have all three verdicts and unknown verdicts stay answered', () => {
  const verdicts = countBy(['supported', 'not_supported', 'unknown'] as const, (r) => r.verdict);
  atLeast(verdicts, 15, 'verdicts');
  for (const r of rows.filter((x) => x.verdict === 'unknown')) assert.equal(r.answered, true, r.question);
});

void test('pattern compilation honours (?i)', () => {
  assert.ok(compilePattern('(?i)LIS 4\\.3').test('lis 4.3'));
  assert.ok(!compilePattern('LIS 4\\.3').test('lis 4.3'));
});
