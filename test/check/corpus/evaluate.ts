// Runs the guest-check corpus through `lisbot check --json` (the CLI's input handling, the parser
// and the rules) and scores the findings against the expectations written from the catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommand } from '../../../src/cli/commands/check.ts';
import { runCommand } from '../cli-run.ts';

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'check-corpus');
/** The bundles were collected in early 2025; EOL rules judge against one fixed date so figures do not drift. */
export const CORPUS_AS_OF = '2025-06-01';

interface Expectation {
  readonly must: readonly string[];
  readonly mustNot: readonly string[];
}

export interface CaseResult {
  readonly name: string;
  /** The CLI refused the input (exit code 1) or printed no report. */
  readonly refused: boolean;
  readonly fired: ReadonlySet<string>;
  readonly missed: readonly string[];
  readonly falsePositives: readonly string[];
}

export interface RuleScore {
  must: number;
  hit: number;
  mustNot: number;
  raised: number;
}

export interface CorpusScore {
  readonly cases: readonly CaseResult[];
  readonly perRule: ReadonlyMap<string, RuleScore>;
  readonly must: number;
  readonly hit: number;
  readonly mustNot: number;
  readonly raised: number;
  /** Share of must findings raised. */
  readonly recall: number;
  /** Share of must-not findings raised. */
  readonly falsePositiveRate: number;
  /** Expectations met, must and must-not together. */
  readonly accuracy: number;
}

/** Finding ids plus the codes of input diagnostics ("INPUT_TRUNCATED: ..."), as a reader of the report sees them. */
function firedIds(report: { findings?: { id: string }[]; input?: { diagnostics?: string[] } }): Set<string> {
  const ids = new Set<string>((report.findings ?? []).map((f) => f.id));
  for (const d of report.input?.diagnostics ?? []) {
    const code = /^([A-Z][A-Z0-9_]+):/.exec(d)?.[1];
    if (code) ids.add(code);
  }
  return ids;
}

function score(name: string, expected: Expectation, fired: Set<string>, refused: boolean): CaseResult {
  return {
    name,
    refused,
    fired,
    missed: expected.must.filter((id) => !fired.has(id)),
    falsePositives: expected.mustNot.filter((id) => fired.has(id)),
  };
}

async function bundleCases(): Promise<CaseResult[]> {
  const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as Record<string, Expectation>;
  const files = readdirSync(CORPUS_DIR)
    .filter((f) => /^\d\d-.*\.txt$/.test(f))
    .sort();
  const out: CaseResult[] = [];
  for (const file of files) {
    const want = expected[file];
    if (!want) throw new Error(`${file} has no entry in expected.json`);
    const run = await runCommand(checkCommand, ['--json', '--as-of', CORPUS_AS_OF, join(CORPUS_DIR, file)]);
    let fired = new Set<string>();
    let refused = run.code !== 0;
    if (!refused) {
      try {
        fired = firedIds(JSON.parse(run.stdout) as Parameters<typeof firedIds>[0]);
      } catch {
        refused = true;
      }
    }
    out.push(score(file, want, fired, refused));
  }
  return out;
}

async function inventoryCases(): Promise<CaseResult[]> {
  const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected-inventory.json'), 'utf8')) as Record<string, Expectation>;
  const run = await runCommand(checkCommand, ['--json', '--as-of', CORPUS_AS_OF, join(CORPUS_DIR, 'inventory.csv')]);
  const reports = new Map<string, Set<string>>();
  if (run.code === 0) {
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const parsed = JSON.parse(line) as { vm_id?: string } & Parameters<typeof firedIds>[0];
      if (typeof parsed.vm_id === 'string') reports.set(parsed.vm_id, firedIds(parsed));
    }
  }
  return Object.entries(expected).map(([vm, want]) => {
    const fired = reports.get(vm);
    return score(`inventory.csv#${vm}`, want, fired ?? new Set(), fired === undefined);
  });
}

export async function evaluateCorpus(): Promise<CorpusScore> {
  const bundles = await bundleCases();
  const inventory = await inventoryCases();
  const cases = [...bundles, ...inventory];
  const expected = {
    ...(JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as Record<string, Expectation>),
    ...Object.fromEntries(
      Object.entries(JSON.parse(readFileSync(join(CORPUS_DIR, 'expected-inventory.json'), 'utf8')) as Record<string, Expectation>).map(
        ([k, v]) => [`inventory.csv#${k}`, v],
      ),
    ),
  };
  const perRule = new Map<string, RuleScore>();
  const entry = (id: string) => {
    let s = perRule.get(id);
    if (!s) {
      s = { must: 0, hit: 0, mustNot: 0, raised: 0 };
      perRule.set(id, s);
    }
    return s;
  };
  for (const c of cases) {
    const want = expected[c.name]!;
    for (const id of want.must) {
      const s = entry(id);
      s.must++;
      if (c.fired.has(id)) s.hit++;
    }
    for (const id of want.mustNot) {
      const s = entry(id);
      s.mustNot++;
      if (c.fired.has(id)) s.raised++;
    }
  }
  let must = 0;
  let hit = 0;
  let mustNot = 0;
  let raised = 0;
  for (const s of perRule.values()) {
    must += s.must;
    hit += s.hit;
    mustNot += s.mustNot;
    raised += s.raised;
  }
  return {
    cases,
    perRule,
    must,
    hit,
    mustNot,
    raised,
    recall: must === 0 ? 1 : hit / must,
    falsePositiveRate: mustNot === 0 ? 0 : raised / mustNot,
    accuracy: (hit + mustNot - raised) / (must + mustNot),
  };
}
