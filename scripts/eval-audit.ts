// Prints the audit sets' accuracy per split and per hinge. The test split is only ever run for its figure.
import { writeFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { AUDIT_SPLITS, runAudit } from '../test/eval/audit.ts';

const args = new Set(process.argv.slice(2));
if (args.has('--help')) {
  console.log(
    "Usage: npm run eval:audit [-- --failures] [-- --write-baseline]\nRuns test/eval/audit-dev.jsonl and audit-test.jsonl through the bot; prints accuracy per split and per hinge.\n--failures lists the dev split's misses only (the test split is held out).",
  );
  process.exit(0);
}
const kb = loadKnowledgeBase({ userDir: null });
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const baseline: Record<string, number> = {};
for (const split of AUDIT_SPLITS) {
  const { summary, perHinge } = runAudit(kb, split);
  baseline[split] = summary.correct / summary.total;
  console.log(
    `audit-${split}: ${summary.total} questions, fully correct ${pct(summary.correct, summary.total)}, verdict/intent per hinge:`,
  );
  for (const [hinge, b] of Object.entries(perHinge).sort())
    console.log(`  ${hinge.padEnd(14)} ${String(b.total).padStart(4)}  ${pct(b.correct, b.total)}`);
  if (split === 'dev' && args.has('--failures')) {
    for (const r of summary.results.filter((x) => x.failures.length))
      console.log(`  - [${r.expected.hinge ?? '-'}] ${r.expected.question}\n      ${r.failures.join('; ')}`);
  }
}
if (args.has('--write-baseline')) {
  writeFileSync(new URL('../test/eval/audit-baseline.json', import.meta.url), `${JSON.stringify(baseline, null, 2)}\n`);
  console.log('\nwrote test/eval/audit-baseline.json');
}
