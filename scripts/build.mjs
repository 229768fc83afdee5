// `npm run build` (and `prepare`, so `npm ci` runs it): bundle the CLI into dist/ with esbuild, then copy what a
// bundle does not hold (the KB data and the collector script) and stamp the build so bin/lisbot.js can tell it is
// complete. One bundle with a chunk per lazily loaded command: a start-up reads a few files, not hundreds of
// modules. Chat SDKs, BullMQ, Redis and the server libraries stay in node_modules (external), loaded only by the
// commands that need them. Plain JavaScript so it runs before anything is compiled; the type check is `npm run typecheck`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // `npm ci --omit=dev` has no esbuild: bin/lisbot.js then runs the sources through tsx.
  console.warn('lisbot build: esbuild is not installed; skipping the build (bin/lisbot.js will run the sources).');
  process.exit(0);
}

/** Bundled in: small, pure and on every command's path. Everything else is loaded from node_modules. */
const BUNDLED = new Set(['zod', 'yaml']);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

rmSync(dist, { recursive: true, force: true });
const result = await esbuild.build({
  metafile: true,
  absWorkingDir: root,
  entryPoints: { lisbot: 'src/cli/bin.ts', 'save-trained': 'src/cli/save-trained.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  // yaml is CommonJS and requires node: built-ins; a bundled ESM chunk needs a require of its own for them.
  banner: { js: "import { createRequire as __lisbotRequire } from 'node:module'; const require = __lisbotRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The KB loader and the collector find their files next to their own module (import.meta.dirname): copy each asset
// beside the output file that holds the module using it.
const ASSETS = [
  { from: 'src/knowledge/data', to: 'data', usedBy: 'src/knowledge/load.ts' },
  { from: 'src/check/collector/lis-collect.sh', to: 'lis-collect.sh', usedBy: 'src/check/collector/index.ts' },
  { from: 'src/bot/intent/examples', to: 'examples', usedBy: 'src/bot/intent/examples.ts' },
  { from: 'src/bot/intent/scope-terms.yaml', to: 'scope-terms.yaml', usedBy: 'src/bot/intent/scope-terms.ts' },
  { from: 'src/bot/advice-phrasings.json', to: 'advice-phrasings.json', usedBy: 'src/bot/advice-phrasings.ts' },
];
for (const asset of ASSETS) {
  if (!existsSync(join(root, asset.from))) throw new Error(`lisbot build: ${asset.from} is missing`);
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([, output]) => asset.usedBy in output.inputs)
    .map(([file]) => file);
  if (outputs.length === 0) throw new Error(`lisbot build: no output holds ${asset.usedBy}`);
  for (const dir of new Set(outputs.map((file) => dirname(join(root, file)))))
    cpSync(join(root, asset.from), join(dir, asset.to), { recursive: true });
}
// Validate the KB and train the classifier once, here, with the bundle's own code (see src/cli/save-trained.ts).
const saved = spawnSync(process.execPath, [join(dist, 'save-trained.js')], { stdio: 'inherit' });
if (saved.status !== 0) throw new Error(`lisbot build: saving the validated KB and the trained model failed (exit ${saved.status})`);
writeFileSync(
  join(dist, 'BUILD'),
  `${JSON.stringify({ builtAt: new Date().toISOString(), entry: 'lisbot.js', assets: ASSETS.map((a) => a.from) })}\n`,
);
console.log('lisbot build: dist/ is ready (bundled CLI, KB data, collector script).');
