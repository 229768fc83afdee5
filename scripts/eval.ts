// Prints the evaluation per split (train, dev, and the held-out test splits when present): accuracy, accuracy per
// intent, a confusion matrix, and the scope figures. --failures lists misses (never for a held-out split).
import { writeFileSync } from 'node:fs';
import { INTENTS } from '../src/core/reply.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import {
  evaluate,
  hasSplit,
  HELD_OUT_SPLITS,
  loadCases,
  scopeFigures,
  SPLITS,
  type EvalSummary,
  type Split,
} from '../test/eval/evaluate.ts';

const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
  console.log(`Usage: npm run eval [-- --failures] [-- --split train|dev|test|test2|test3|test4|test5|test6|test7|test8|test9|test10|test11|test12|test13|test14|test15|test16] [-- --write-baseline]
Runs the evaluation splits in test/eval/ (train.jsonl, dev.jsonl, and the held-out
test-split.jsonl and test-split-2.jsonl to test-split-16.jsonl) through the bot and prints
accuracy, per-intent accuracy, a confusion matrix and scope figures. --failures lists misses of train and dev.
--write-baseline records the train+dev figures in test/eval/baseline.json.`);
  process.exit(0);
}
const argv = process.argv.slice(2);
const only = argv.includes('--split') ? (argv[argv.indexOf('--split') + 1] as Split) : undefined;
const kb = loadKnowledgeBase({ userDir: null });
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const short = (i: string) =>
  i
    .replace('distro_support', 'distro')
    .replace('feature_support', 'feat')
    .replace('feature_info', 'finfo')
    .replace('known_issue', 'issue')
    .replace('lis_version', 'lisver')
    .replace('guest_check', 'check')
    .replace('unknown', 'unkn');

function report(name: string, summary: EvalSummary, details: boolean): void {
  const scope = scopeFigures(summary);
  console.log(
    `\n== ${name}: ${summary.total} questions  fully correct ${pct(summary.correct, summary.total)}  intent correct ${pct(summary.intentCorrect, summary.total)}`,
  );
  console.log(
    `   scope: out-of-scope declined ${pct(scope.outDeclined, scope.out)} (${scope.outDeclined}/${scope.out}, goal ≥ 95%)  in-scope wrongly declined ${pct(scope.inDeclined, scope.in)} (${scope.inDeclined}/${scope.in}, goal ≤ 2%)`,
  );
  if (!details) return;
  console.log(`\n${'intent'.padEnd(16)} ${'n'.padStart(4)}  ${'correct'.padStart(7)}  ${'intent'.padStart(7)}`);
  for (const intent of INTENTS) {
    const b = summary.perIntent[intent]!;
    console.log(`${intent.padEnd(16)} ${String(b.total).padStart(4)}  ${pct(b.correct, b.total)}  ${pct(b.intentCorrect, b.total)}`);
  }
  console.log(`\nconfusion (rows expected, columns answered)\n${''.padEnd(16)}${INTENTS.map((i) => short(i).padStart(7)).join('')}`);
  for (const expected of INTENTS)
    console.log(`${expected.padEnd(16)}${INTENTS.map((a) => String(summary.confusion[expected]![a]).padStart(7)).join('')}`);
}

const splits: readonly Split[] = only ? [only] : SPLITS;
for (const split of splits) {
  if (!hasSplit(split)) {
    console.log(`\n== ${split}: no ${split} split in test/eval/ yet`);
    continue;
  }
  const summary = evaluate(kb, loadCases(split));
  report(split, summary, true);
  if (args.has('--failures') && !(HELD_OUT_SPLITS as readonly Split[]).includes(split)) {
    console.log('\nfailures:');
    for (const r of summary.results.filter((x) => x.failures.length)) console.log(`- ${r.expected.question}\n    ${r.failures.join('; ')}`);
  }
}
const all = evaluate(kb, loadCases());
report('train+dev (the baseline set)', all, false);
if (args.has('--write-baseline')) {
  const scope = scopeFigures(all);
  const heldOut = (split: Split): [Split, { correct: number; intent: number; total: number }][] => {
    if (!hasSplit(split)) return [];
    const summary = evaluate(kb, loadCases(split));
    return [[split, { correct: summary.correct / summary.total, intent: summary.intentCorrect / summary.total, total: summary.total }]];
  };
  const baseline = {
    correct: all.correct / all.total,
    intent: all.intentCorrect / all.total,
    total: all.total,
    outOfScopeDeclined: scope.outDeclined / scope.out,
    inScopeWronglyDeclined: scope.inDeclined / scope.in,
    ...Object.fromEntries(HELD_OUT_SPLITS.flatMap(heldOut)),
  };
  writeFileSync(new URL('../test/eval/baseline.json', import.meta.url), `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('\nwrote test/eval/baseline.json');
}
