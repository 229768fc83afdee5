// Matrix pictures: render time (SVG build + resvg rasterise + PNG encode) and PNG size per family, median and p99.
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { drawMatrix, rasterise } from '../src/knowledge/render/matrix-picture.ts';
import { ms, percentile, table } from './stats.ts';

const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 20);
const kb = loadKnowledgeBase({ userDir: null });
const families = [...kb.families.keys()].filter((family) => drawMatrix(kb, family) !== undefined);
rasterise(drawMatrix(kb, families[0]!)!.svg); // warm up: native module, fonts

const rows: string[][] = [['family', 'px', 'PNG KiB', 'median', 'p99']];
const all: number[] = [];
const sizes: number[] = [];
for (const family of families) {
  const times: number[] = [];
  let size = 0;
  let px = '';
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const drawing = drawMatrix(kb, family)!;
    const image = rasterise(drawing.svg);
    times.push(performance.now() - started);
    size = image.png.length;
    px = `${image.width}×${image.height}`;
  }
  all.push(...times);
  sizes.push(size);
  rows.push([family, px, (size / 1024).toFixed(0), ms(percentile(times, 50)), ms(percentile(times, 99))]);
}
console.log(`matrix pictures, ${RUNS} renders per family (scale 2, bundled DejaVu Sans)\n`);
console.log(table(rows));
console.log(
  `\nall families: render median ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}; PNG size median ${(percentile(sizes, 50) / 1024).toFixed(0)} KiB, max ${(Math.max(...sizes) / 1024).toFixed(0)} KiB`,
);
