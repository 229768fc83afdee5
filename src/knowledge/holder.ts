import { statSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase } from './knowledge-base.ts';
import { DEFAULT_DATA_DIR, loadKbData } from './load.ts';
import { kbLayers, readPointer } from './sync/layout.ts';
import { SILENT_LOGGER, type SyncLogger } from './sync/sync.ts';

export interface HolderOptions {
  readonly dataDir?: string;
  /** The user's KB directory; null for the committed data only (then nothing ever changes). */
  readonly userDir: string | null;
  readonly logger?: SyncLogger;
  /** Called after a new version was loaded, with the one it replaces. */
  readonly onReload?: (kb: KnowledgeBase, previous: KnowledgeBase) => void;
}

export interface RefreshResult {
  readonly reloaded: boolean;
  readonly version: string;
  readonly error?: string;
}

/**
 * Holds the KB the bots answer from and swaps in a newly published version without a restart.
 * `get` is what `new Bot(holder.get, …)` takes. A refresh first compares the published pointer (and the imported
 * layer's sources file) with what was loaded, a couple of small file reads, and loads only when they differ.
 * A version that fails to load is logged and skipped; the holder keeps serving the one it has.
 */
export class KnowledgeBaseHolder {
  private kb: KnowledgeBase;
  private key: string;
  private failedKey: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Loads the KB now; throws KbValidationError when even the first load fails. */
  constructor(private readonly options: HolderOptions) {
    this.key = this.currentKey();
    this.kb = this.load();
  }

  readonly get = (): KnowledgeBase => this.kb;

  get current(): KnowledgeBase {
    return this.kb;
  }

  /** Reloads when the published version changed since the last load. */
  refresh(): RefreshResult {
    const key = this.currentKey();
    if (key === this.key || key === this.failedKey) return { reloaded: false, version: this.kb.version };
    let next: KnowledgeBase;
    try {
      next = this.load();
    } catch (error) {
      this.failedKey = key;
      const message = `kb: the published KB did not load, still serving version ${this.kb.version}: ${(error as Error).message}`;
      (this.options.logger ?? SILENT_LOGGER).error(message);
      return { reloaded: false, version: this.kb.version, error: message };
    }
    const previous = this.kb;
    this.kb = next;
    this.key = key;
    this.failedKey = undefined;
    if (next.version !== previous.version) {
      (this.options.logger ?? SILENT_LOGGER).info(`kb: now serving version ${next.version} (was ${previous.version})`);
      this.options.onReload?.(next, previous);
    }
    return { reloaded: next.version !== previous.version, version: next.version };
  }

  /** Polls for a new version every intervalMs (unref'd, so it never keeps the process alive). Returns a stop function. */
  watch(intervalMs = 30_000): () => void {
    this.stop();
    this.timer = setInterval(() => {
      this.refresh();
    }, intervalMs);
    this.timer.unref();
    return () => this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private load(): KnowledgeBase {
    const { userDir } = this.options;
    return new KnowledgeBase(loadKbData(this.options.dataDir ?? DEFAULT_DATA_DIR, userDir ? kbLayers(userDir) : undefined));
  }

  private currentKey(): string {
    const { userDir } = this.options;
    if (!userDir) return 'committed';
    return `${readPointer(userDir) ?? '-'}|${mtime(join(userDir, 'sources', 'imported.json'))}`;
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
