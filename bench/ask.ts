// Per-question time in-process, a 1,000-question `ask --json` batch (process start included), and a naive baseline:
// one fuse search over every KB record per question.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { answerQuestion } from '../src/bot/answer.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { describeColumn } from '../src/knowledge/describe.ts';
import { loadCases } from '../test/eval/evaluate.ts';
import { ms, percentile, table, timeEach } from './stats.ts';

const kb = loadKnowledgeBase({ userDir: null });
const questions = loadCases().map((c) => c.question.replace(/\s*\n\s*/g, ' '));
const thousand = Array.from({ length: 1000 }, (_, i) => questions[i % questions.length]!);

for (let i = 0; i < 2; i++) thousand.forEach((q) => answerQuestion(kb, q));
const perQuestion = timeEach(thousand, (q) => answerQuestion(kb, q));

const records = [
  ...[...kb.snapshots.values()].flatMap((s) => s.columns.map((c) => ({ text: `${describeColumn(kb, c)} ${Object.keys(c.features).join(' ')}` }))),
  ...kb.knownIssues.map((r) => ({ text: `${r.title} ${r.symptoms.join(' ')} ${r.cause}` })),
  ...kb.tips.map((r) => ({ text: `${r.title} ${r.advice}` })),
  ...[...kb.features.values()].map((r) => ({ text: `${r.name} ${r.summary}` })),
];
const naiveFuse = new Fuse(records, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
const naive = timeEach(thousand.slice(0, 200), (q) => naiveFuse.search(q.slice(0, 200), { limit: 5 }));

const root = join(import.meta.dirname, '..');
const started = performance.now();
const batch = spawnSync(process.execPath, [join(root, 'bin', 'lisbot.js'), 'ask', '--json'], { input: thousand.join('\n'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const batchMs = performance.now() - started;
const lines = batch.stdout.trim().split('\n').length;

console.log(`${thousand.length} questions from the evaluation set; ${records.length} KB records in the naive index; node ${process.version}\n`);
console.log(table([
  ['measure', 'median', 'p99'],
  ['answer in-process', ms(percentile(perQuestion, 50)), ms(percentile(perQuestion, 99))],
  ['baseline: fuse over every record', ms(percentile(naive, 50)), ms(percentile(naive, 99))],
]));
console.log(`\nratio baseline / lisbot (median): ${(percentile(naive, 50) / percentile(perQuestion, 50)).toFixed(1)}x, (p99): ${(percentile(naive, 99) / percentile(perQuestion, 99)).toFixed(1)}x`);
console.log(`ask --json batch of 1000 (process start included): ${(batchMs / 1000).toFixed(2)} s, ${lines} lines, exit ${batch.status}`);
if (batch.status !== 0) console.error(batch.stderr.slice(0, 2000));
