// Prints the guest-check corpus figures: per-rule recall and must-not false-positive rate, then overall.
import { writeFileSync } from 'node:fs';
import { evaluateCorpus } from '../test/check/corpus/evaluate.ts';

const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
  console.log(
    [
      'Usage: npm run eval:check [-- --failures] [-- --write-baseline]',
      'Runs test/fixtures/check-corpus (bundles and inventory) through `lisbot check --json` and prints, per rule,',
      'recall over the bundles that must raise it and the false-positive rate over those that must not.',
      '--failures lists every miss and false positive; --write-baseline records the figures the test holds to.',
    ].join('\n'),
  );
  process.exit(0);
}

const result = await evaluateCorpus();
const pct = (n: number, d: number) => (d === 0 ? '     -' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
console.log(`${'rule'.padEnd(28)} ${'must'.padStart(5)} ${'recall'.padStart(7)}  ${'mustNot'.padStart(7)} ${'FP rate'.padStart(7)}`);
for (const [id, s] of [...result.perRule].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `${id.padEnd(28)} ${String(s.must).padStart(5)} ${pct(s.hit, s.must).padStart(7)}  ${String(s.mustNot).padStart(7)} ${pct(s.raised, s.mustNot).padStart(7)}`,
  );
}
const refused = result.cases.filter((c) => c.refused).map((c) => c.name);
console.log(`\ncases ${result.cases.length}${refused.length ? ` (refused or no report: ${refused.join(', ')})` : ''}`);
console.log(
  `recall ${pct(result.hit, result.must)} (${result.hit}/${result.must})  must-not FP rate ${pct(result.raised, result.mustNot)} (${result.raised}/${result.mustNot})  accuracy ${pct(result.hit + result.mustNot - result.raised, result.must + result.mustNot)}`,
);
if (args.has('--failures')) {
  console.log('\nfailures:');
  for (const c of result.cases) {
    if (c.missed.length === 0 && c.falsePositives.length === 0) continue;
    console.log(
      `- ${c.name}${c.missed.length ? `\n    missed: ${c.missed.join(' ')}` : ''}${c.falsePositives.length ? `\n    raised: ${c.falsePositives.join(' ')}` : ''}`,
    );
  }
}
if (args.has('--write-baseline')) {
  const baseline = { recall: result.recall, falsePositiveRate: result.falsePositiveRate, must: result.must, mustNot: result.mustNot };
  writeFileSync(new URL('../test/check/corpus/baseline.json', import.meta.url), `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('\nwrote test/check/corpus/baseline.json');
}
