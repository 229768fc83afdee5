#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs as `prepare`) when it is complete
// and no source file is newer than it; otherwise the TypeScript sources through tsx, so an edit is never ignored.
// Only a git checkout is looked through for edits (a few hundred stats): an installed package or an image runs the
// build it was installed with. LISBOT_FROM_SOURCE=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', 'BUILD');
const compiled = join(root, 'dist', 'lisbot.js');

/** Whether any file under src/ of a git checkout changed after the build. */
function sourcesNewerThan(time) {
  const src = join(root, 'src');
  if (!existsSync(join(root, '.git')) || !existsSync(src)) return false;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs > time) return true;
  }
  return false;
}

function useBuild() {
  if (process.env.LISBOT_FROM_SOURCE === '1' || !existsSync(stamp) || !existsSync(compiled)) return false;
  return !sourcesNewerThan(statSync(stamp).mtimeMs);
}

if (useBuild()) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'bin.ts')).href);
}
