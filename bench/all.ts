// npm run bench: every bench script in turn, then one summary table of the headline figures.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';

interface Figure {
  readonly label: string;
  readonly script: string;
  readonly pattern: RegExp;
  readonly format: (m: RegExpExecArray) => string;
}

const FIGURES: readonly Figure[] = [
  {
    label: 'answer in-process, median / p99',
    script: 'ask',
    pattern: /answer in-process\s+([\d.]+ ms)\s+([\d.]+ ms)/,
    format: (m) => `${m[1]} / ${m[2]}`,
  },
  {
    label: '1,000-question ask --json batch',
    script: 'ask',
    pattern: /batch of 1000 \(process start included\): ([\d.]+ s)/,
    format: (m) => m[1]!,
  },
  {
    label: 'answer vs naive fuse baseline (median)',
    script: 'ask',
    pattern: /ratio baseline \/ lisbot \(median\): ([\d.]+x)/,
    format: (m) => `${m[1]} faster`,
  },
  { label: 'KB load + validate, median', script: 'kb', pattern: /load \+ validate\s+([\d.]+ ms)/, format: (m) => m[1]! },
  {
    label: 'intent classifier training at build, median wall',
    script: 'train',
    pattern: /wall (\d+ ms)[\s\S]*ratio to the 1000 ms budget: ([\d.]+)/,
    format: (m) => `${m[1]} (${m[2]} of the 1 s budget)`,
  },
  {
    label: 'Slack signed event → reply, median / p99',
    script: 'slack',
    pattern: /event → reply at fake Web API\s+([\d.]+ ms)\s+([\d.]+ ms)/,
    format: (m) => `${m[1]} / ${m[2]} (20 concurrent)`,
  },
  {
    label: 'Slack event → reply, one at a time, median',
    script: 'slack',
    pattern: /one at a time \(200\)\s+([\d.]+ ms)/,
    format: (m) => m[1]!,
  },
  { label: 'guest checks in-process', script: 'check', pattern: /checkBundle \(parse \+ rules\)\s+([\d,]+)/, format: (m) => `${m[1]}/s` },
  {
    label: 'jobs/s through BullMQ, 2 workers',
    script: 'jobs',
    pattern: /BullMQ, 2 worker processes\s+\d+\s+[\d.]+\s+(\d+)/,
    format: (m) => `${m[1]}/s`,
  },
  { label: 'queue p99 at a steady 200 jobs/s', script: 'jobs', pattern: /p99 ([\d.]+ ms)/, format: (m) => m[1]! },
  {
    label: 'inventory rows/s (100,000 VMs checked)',
    script: 'check',
    pattern: /inventory checkFacts, 100,000 VMs\s+([\d,]+)\s+([\d.]+ s)/,
    format: (m) => `${m[1]}/s (${m[2]})`,
  },
  {
    label: 'matrix picture render, median / p99',
    script: 'render',
    pattern: /render median ([\d.]+ ms), p99 ([\d.]+ ms)/,
    format: (m) => `${m[1]} / ${m[2]}`,
  },
  {
    label: 'matrix picture PNG size, median / max',
    script: 'render',
    pattern: /PNG size median (\d+ KiB), max (\d+ KiB)/,
    format: (m) => `${m[1]} / ${m[2]}`,
  },
  {
    label: 'RSS of serve after 10,000 questions',
    script: 'rss',
    pattern: /serve RSS: ([\d.]+) MiB at start, ([\d.]+) MiB after/,
    format: (m) => `${m[2]} MiB (${m[1]} at start)`,
  },
  {
    label: 'RSS of worker after 10,000 checks',
    script: 'rss',
    pattern: /worker RSS: ([\d.]+) MiB at start, ([\d.]+) MiB after/,
    format: (m) => `${m[2]} MiB (${m[1]} at start)`,
  },
];

const only = process.argv.slice(2);
const scripts = ['kb', 'train', 'ask', 'slack', 'check', 'jobs', 'render', 'rss'].filter((s) => only.length === 0 || only.includes(s));
const outputs = new Map<string, string>();
for (const script of scripts) {
  console.log(`\n=== bench/${script}.ts`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, `${script}.ts`)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000,
  });
  process.stdout.write(run.stdout ?? '');
  outputs.set(script, run.stdout ?? '');
  if (run.status !== 0) console.log(`bench/${script}.ts exited ${run.status ?? run.signal}`);
}
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`\n=== summary (${cpus().length} cores, ${cpu}, Node ${process.version})\n`);
const rows = FIGURES.filter((f) => scripts.includes(f.script)).map((f) => {
  const match = f.pattern.exec(outputs.get(f.script) ?? '');
  return [f.label, match ? f.format(match) : 'not measured'] as const;
});
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`| ${'measure'.padEnd(width)} | figure |\n|${'-'.repeat(width + 2)}|--------|`);
for (const [label, figure] of rows) console.log(`| ${label.padEnd(width)} | ${figure} |`);
