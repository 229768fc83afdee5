// Bundles test files (and what they import from src/ and test/) into plain ES modules with shared chunks, so each
// test process loads a few JavaScript files instead of compiling and resolving hundreds of TypeScript modules
// through tsx's loader hooks, the larger part of a short test file's time. Packages stay in node_modules; every
// `import.meta.dirname`, `.filename` and `.url` keeps its source file's value, so fixtures and data are found where
// they are. LISBOT_TEST_BUNDLE=0 in scripts/run-tests.ts runs the sources through tsx instead.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Rewrites import.meta's location fields of each source file to that file's own path. */
const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(on) {
    on.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const contents = text
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

export interface BundledTests {
  /** The bundled file of each entry, in the order given. */
  readonly files: string[];
  readonly dir: string;
  remove(): void;
}

/** Bundles entries (absolute paths under root) into a directory under root's node_modules/.cache, so packages resolve. */
export async function bundleTests(root: string, entries: readonly string[], run: string): Promise<BundledTests> {
  const dir = join(root, 'node_modules', '.cache', 'lisbot-tests', run);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: [...entries],
    outbase: root,
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [sourceLocations],
    logLevel: 'error',
  });
  return {
    files: entries.map((entry) => join(dir, relative(root, entry)).replace(/\.ts$/, '.js')),
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
