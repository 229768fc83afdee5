import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the synced KB lives, inside the user's KB directory ($LISBOT_STATE_DIR/kb):
 *
 *   kb/sources/, kb/snapshots/        the layer `lisbot kb import` writes (untouched by sync)
 *   kb/synced/versions/<name>/        one published version of the synced layer, complete and never edited:
 *                                     sources/synced.json, snapshots/*.json, manifest.json
 *   kb/synced/current                 the pointer: the <name> of the published version, switched by rename
 *   kb/synced/.staging-*              a candidate being written and validated (never read by a loader)
 *   kb/synced/sync.lock               held while one sync runs
 *   kb/kb-status.json                 per-source results of the last syncs, current and previous version
 *
 * A reader loads committed data + kb/ + kb/synced/versions/<current>. The pointer changes only after the
 * new directory is complete and has loaded and validated, so a reader never sees a half-imported KB.
 */
export function syncedRoot(userDir: string): string {
  return join(userDir, 'synced');
}

export function versionsDir(userDir: string): string {
  return join(syncedRoot(userDir), 'versions');
}

export function pointerPath(userDir: string): string {
  return join(syncedRoot(userDir), 'current');
}

export function statusPath(userDir: string): string {
  return join(userDir, 'kb-status.json');
}

export function lockPath(userDir: string): string {
  return join(syncedRoot(userDir), 'sync.lock');
}

/** "20250106T060000Z-0123456789ab": when it was published, then the KB version it loads as. */
export const VERSION_NAME = /^\d{8}T\d{6}Z-[0-9a-f]{12}$/;

/** The published synced layer's name as the pointer holds it, or undefined when nothing was published. */
export function readPointer(userDir: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(pointerPath(userDir), 'utf8').trim();
  } catch {
    return undefined;
  }
  return VERSION_NAME.test(text) ? text : undefined;
}

export interface PublishedLayer {
  readonly name: string;
  readonly dir: string;
}

export function publishedLayer(userDir: string): PublishedLayer | undefined {
  const name = readPointer(userDir);
  if (!name) return undefined;
  const dir = join(versionsDir(userDir), name);
  return existsSync(dir) ? { name, dir } : undefined;
}

/** The user layers to load on top of the committed data, in order: the imported layer, then the published synced one. */
export function kbLayers(userDir: string): string[] {
  if (!existsSync(userDir)) return [];
  const layer = publishedLayer(userDir);
  return layer ? [userDir, layer.dir] : [userDir];
}

/** Writes a small file whole and renames it into place: readers see the old content or the new, never a mix. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}
