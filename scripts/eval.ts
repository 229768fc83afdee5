// Prints the evaluation: accuracy per intent, the confusion matrix, and (with --failures) each miss.
import { writeFileSync } from 'node:fs';
import { INTENTS } from '../src/core/reply.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { evaluate, loadCases } from '../test/eval/evaluate.ts';

const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
  console.log('Usage: npm run eval [-- --failures] [-- --write-baseline]\nRuns test/eval/questions.jsonl through the bot and prints accuracy per intent and a confusion matrix.');
  process.exit(0);
}
const summary = evaluate(loadKnowledgeBase({ userDir: null }), loadCases());
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
console.log(`questions ${summary.total}  fully correct ${pct(summary.correct, summary.total)}  intent correct ${pct(summary.intentCorrect, summary.total)}\n`);
console.log(`${'intent'.padEnd(16)} ${'n'.padStart(4)}  ${'correct'.padStart(7)}  ${'intent'.padStart(7)}`);
for (const intent of INTENTS) {
  const b = summary.perIntent[intent]!;
  console.log(`${intent.padEnd(16)} ${String(b.total).padStart(4)}  ${pct(b.correct, b.total)}  ${pct(b.intentCorrect, b.total)}`);
}
const short = (i: string) => i.replace('distro_support', 'distro').replace('feature_support', 'feat').replace('feature_info', 'finfo').replace('known_issue', 'issue').replace('lis_version', 'lisver').replace('guest_check', 'check').replace('unknown', 'unkn');
console.log(`\nconfusion (rows expected, columns answered)\n${''.padEnd(16)}${INTENTS.map((i) => short(i).padStart(7)).join('')}`);
for (const expected of INTENTS) console.log(`${expected.padEnd(16)}${INTENTS.map((a) => String(summary.confusion[expected]![a]).padStart(7)).join('')}`);
if (args.has('--failures')) {
  console.log('\nfailures:');
  for (const r of summary.results.filter((x) => x.failures.length)) console.log(`- ${r.expected.question}\n    ${r.failures.join('; ')}`);
}
if (args.has('--write-baseline')) {
  const baseline = { correct: summary.correct / summary.total, intent: summary.intentCorrect / summary.total, total: summary.total };
  writeFileSync(new URL('../test/eval/baseline.json', import.meta.url), `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('\nwrote test/eval/baseline.json');
}
