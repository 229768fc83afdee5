import { existsSync } from 'node:fs';
import { userKbDir } from '../config/paths.ts';
import { KnowledgeBase } from './knowledge-base.ts';
import { DEFAULT_DATA_DIR, loadKbData } from './load.ts';
import { kbLayers } from './sync/layout.ts';

export { KnowledgeBase } from './knowledge-base.ts';
export { KbValidationError } from './errors.ts';

export interface LoadOptions {
  readonly dataDir?: string;
  /** The user's own layer of imported snapshots; defaults to $LISBOT_STATE_DIR/kb when it exists. */
  readonly userDir?: string | null;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Loads and validates the KB: the committed data, the user's imported layer and the published synced version
 * (see sync/layout.ts). Throws KbValidationError naming the file, record and field on bad data.
 */
export function loadKnowledgeBase(options: LoadOptions = {}): KnowledgeBase {
  const userDir = options.userDir === null ? undefined : (options.userDir ?? userKbDir(options.env));
  return new KnowledgeBase(loadKbData(options.dataDir ?? DEFAULT_DATA_DIR, userDir && existsSync(userDir) ? kbLayers(userDir) : undefined));
}
