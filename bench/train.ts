// npm run bench:train — how long the build takes to train the intent classifier (reading every example's entities,
// featurising, logistic regression), against the 1 s budget. Each run is a fresh process of the built
// dist/save-trained.js, as `npm run build` runs it; figures are medians of BENCH_RUNS runs (default 7), wall and CPU.
// Each run is paired with a fixed CPU loop in a fresh process (the baseline): this machine's speed drifts, and the
// ratio of the two does not. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (process.argv.includes('--help')) {
  console.log(
    'Usage: npm run bench:train\nMedian wall and CPU time of training the intent classifier in the built dist/, over BENCH_RUNS runs.',
  );
  process.exit(0);
}
const ROOT = join(import.meta.dirname, '..');
const SCRIPT = join(ROOT, 'dist', 'save-trained.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BUDGET_MS = 1000;
if (!existsSync(SCRIPT)) throw new Error(`no ${SCRIPT}: run npm run build first`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'lisbot-bench-train-'));
const runs: { rows: number; wallMs: number; cpuMs: number }[] = [];
const loops: number[] = [];
/** The baseline: 300 million additions in a fresh node, start-up included. */
function loopMs(): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-e', 'let s = 0; for (let i = 0; i < 3e8; i++) s += i % 7;'], { stdio: 'ignore' });
  if (run.status !== 0) throw new Error('the baseline loop failed');
  return performance.now() - started;
}
try {
  for (let i = 0; i < RUNS; i++) {
    const run = spawnSync(process.execPath, [SCRIPT, dir, '--timing'], { cwd: ROOT, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`save-trained exited ${run.status}: ${run.stderr}`);
    runs.push(JSON.parse(run.stdout.trim().split('\n').pop()!) as { rows: number; wallMs: number; cpuMs: number });
    loops.push(loopMs());
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const wall = median(runs.map((r) => r.wallMs));
const cpu = median(runs.map((r) => r.cpuMs));
const rows = runs[0]!.rows;
console.log(`intent classifier training, ${rows} rows, median of ${RUNS} fresh processes`);
console.log(
  `  wall ${wall.toFixed(0)} ms (min ${Math.min(...runs.map((r) => r.wallMs)).toFixed(0)}, max ${Math.max(...runs.map((r) => r.wallMs)).toFixed(0)})`,
);
console.log(`  CPU  ${cpu.toFixed(0)} ms`);
console.log(`  per row ${((1000 * wall) / rows).toFixed(0)} µs`);
console.log(`  ratio to the ${BUDGET_MS} ms budget: ${(wall / BUDGET_MS).toFixed(2)}`);
const loop = median(loops);
console.log(`baseline: a fixed loop of 3e8 additions in a fresh node: ${loop.toFixed(0)} ms`);
console.log(`  ratio training / baseline (median): ${(wall / loop).toFixed(2)}`);
