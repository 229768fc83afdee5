// `npm run build` (and `prepare`, so `npm ci` runs it): compile src/ to dist/ with tsc, then copy what tsc does not
// (the KB data and the collector script), and stamp the build so bin/lisbot.js can tell it is complete.
// Plain JavaScript so it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // `npm ci --omit=dev` has no TypeScript: bin/lisbot.js then runs the sources through tsx.
  console.warn('lisbot build: TypeScript is not installed; skipping the build (bin/lisbot.js will run the sources).');
  process.exit(0);
}

rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const ASSETS = ['src/knowledge/data', 'src/check/collector/lis-collect.sh'];
for (const asset of ASSETS) {
  if (!existsSync(join(root, asset))) throw new Error(`lisbot build: ${asset} is missing`);
  cpSync(join(root, asset), join(dist, asset), { recursive: true });
}
writeFileSync(join(dist, 'BUILD'), `${JSON.stringify({ builtAt: new Date().toISOString(), assets: ASSETS })}\n`);
console.log('lisbot build: dist/ is ready (compiled sources, KB data, collector script).');
