import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbData } from './load.ts';
import { hashFiles } from './file-digest.ts';

/**
 * The build validates the committed data once and saves the result in the data directory it ships, so a start-up
 * parses one JSON file instead of checking every record against its schema again. The copy names the bytes it was
 * made from; when any data file differs, it is ignored and every record is validated as usual.
 */
export const VALIDATED_COPY = 'validated-copy.json';

const FORMAT = 'lisbot-kb-validated/1';

/** A digest of every file in the data directory (but the copy itself), by relative path and content. */
export function dataDigest(dataDir: string): string {
  const hash = createHash('sha256').update(`${FORMAT}\0`);
  const files = readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dataDir.length + 1))
    .filter((path) => path !== VALIDATED_COPY)
    .sort();
  return hashFiles(hash, dataDir, files).digest('hex');
}

const elsewhere: string[] = [];

/** Also looks for copies in dir (the test runner saves one per run, made with the sources it tests). */
export function lookForValidatedCopiesIn(dir: string): void {
  elsewhere.push(dir);
}

/** The validated data saved for exactly these files (in dataDir, or a directory named to look in), or undefined. */
export function readValidatedCopy(dataDir: string): KbData | undefined {
  let digest: string | undefined;
  for (const dir of [dataDir, ...elsewhere]) {
    const file = join(dir, VALIDATED_COPY);
    if (!existsSync(file)) continue;
    try {
      const copy = JSON.parse(readFileSync(file, 'utf8')) as { digest?: unknown; data?: KbData };
      if (copy.digest === (digest ??= dataDigest(dataDir))) return copy.data;
    } catch {
      // An unreadable copy is no copy: the data is validated as usual.
    }
  }
  return undefined;
}

/** Saves data read and validated from dataDir (`readDataDir`), for `readValidatedCopy`: in dataDir, or in toDir. */
export function writeValidatedCopy(dataDir: string, data: KbData, toDir = dataDir): void {
  writeFileSync(join(toDir, VALIDATED_COPY), `${JSON.stringify({ digest: dataDigest(dataDir), data })}\n`);
}
