import type { Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Adds each file's relative path and bytes to a hash, in the order given: what a saved artefact was made from. */
export function hashFiles(hash: Hash, dir: string, relativePaths: readonly string[]): Hash {
  for (const path of relativePaths)
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(dir, path)))
      .update('\0');
  return hash;
}
