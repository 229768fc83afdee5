import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { KnowledgeBase } from '../knowledge-base.ts';
import { DEFAULT_DATA_DIR, loadKbData } from '../load.ts';
import { ImportError } from '../import/errors.ts';
import type { UserImport } from '../user-import.ts';
import { MatrixSnapshot, Source } from '../schema/index.ts';
import { lockPath, pointerPath, publishedLayer, syncedRoot, versionsDir, writeFileAtomic, type PublishedLayer } from './layout.ts';
import { readKbStatus, writeKbStatus, type KbStatus, type SourceStatus, type SyncOutcome } from './status.ts';

/** The few log calls a sync makes; a pino logger or console fits. */
export interface SyncLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const SILENT_LOGGER: SyncLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface SyncOptions {
  /** KB_SOURCES: http(s) URLs or local paths of Microsoft matrix pages in markdown. */
  readonly sources: readonly string[];
  /** The user's KB directory ($LISBOT_STATE_DIR/kb); the synced versions live under it. */
  readonly userDir: string;
  /** The committed data the layer sits on; the shipped KB by default. */
  readonly dataDir?: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly logger?: SyncLogger;
  /** How many published version directories to keep (the current and previous ones always stay). */
  readonly keepVersions?: number;
  /** More checks on the loaded candidate before it is published (throw to refuse it), e.g. a smoke test of answers. */
  readonly validate?: (candidate: KnowledgeBase) => void;
}

export interface SourceResult {
  readonly source: string;
  readonly outcome: 'new' | 'unchanged' | 'failed';
  readonly snapshot?: string;
  readonly error?: string;
}

export interface SyncResult {
  readonly outcome: SyncOutcome;
  /** The KB version (content hash) the published layer loads as, after this sync. */
  readonly version: string | undefined;
  readonly previousVersion: string | undefined;
  /** The published version directory's name after this sync. */
  readonly layer: string | undefined;
  readonly published: boolean;
  readonly sources: readonly SourceResult[];
  /** Snapshot ids this sync added (empty unless published). */
  readonly newSnapshots: readonly string[];
  readonly message: string;
}

/** Another sync holds the lock. */
export class SyncBusyError extends Error {
  override name = 'SyncBusyError';
}

const STALE_LOCK_MS = 10 * 60_000;
const MANIFEST = 'manifest.json';
const SYNCED_SOURCES = 'synced.json';

/** What a published version directory says about itself: which page text each source gave, and what it added. */
export const LayerManifest = z.object({
  name: z.string(),
  createdAt: z.string(),
  kbVersion: z.string(),
  previous: z.string().optional(),
  /** Counts synced snapshots; a newer sync of the same page and era gets a higher `order`, so it wins. */
  seq: z.number().int().min(0),
  pages: z.record(z.string(), z.object({ textHash: z.string(), snapshot: z.string(), importedAt: z.string() })),
  added: z.array(z.string()),
});
export type LayerManifest = z.infer<typeof LayerManifest>;

export function readLayerManifest(dir: string): LayerManifest | undefined {
  try {
    const parsed = LayerManifest.safeParse(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function compactStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function describeError(source: string, error: unknown): string {
  const err = error instanceof Error ? error : new Error(String(error));
  let message = err.message;
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (err.name === 'TimeoutError' || err.name === 'AbortError') message = 'the download timed out';
  else if (cause && typeof cause.code === 'string') message = `${message} (${cause.code})`;
  message = message.replace(/\s+/g, ' ').trim().slice(0, 600);
  return message.startsWith(source) ? message : `${source}: ${message}`;
}

function acquireLock(userDir: string, now: Date): () => void {
  const path = lockPath(userDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid} ${now.toISOString()}\n`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - statSync(path).mtimeMs;
      if (age < STALE_LOCK_MS) throw new SyncBusyError('another kb sync is running (kb/synced/sync.lock)');
      unlinkSync(path);
    }
  }
  throw new SyncBusyError('could not take the kb sync lock');
}

interface Candidate {
  readonly source: string;
  readonly textHash: string;
  readonly imported: UserImport;
}

/**
 * Re-ids an import by its page text: "ubuntu@2024-02-01_sync-1a2b3c4d". Two different texts of a page with the same
 * ms.date stay two snapshots (the later one ordered higher), so history is never overwritten and any published
 * version's snapshots remain in every later one.
 */
function syncedIdentity(imported: UserImport, textHash: string, order: number): UserImport {
  const base = imported.source.id.replace(/_import$/, '');
  const id = `${base}_sync-${textHash.slice(0, 8)}`;
  const oldId = imported.snapshot.id;
  const source = Source.parse({ ...imported.source, id, order });
  const json = JSON.stringify({ ...imported.snapshot, id, source: id, order }, (key, value: unknown) =>
    key === 'snapshot' && value === oldId ? id : value,
  );
  const snapshot = MatrixSnapshot.parse(JSON.parse(json));
  return { source, snapshot, previous: imported.previous };
}

/** A page that reads worse than its previous version (parts it can no longer read) is refused, not published. */
function checkParsesAsBefore(source: string, imported: UserImport): void {
  const { snapshot, previous } = imported;
  const before = previous?.unparsed.length ?? 0;
  if (snapshot.unparsed.length > before) {
    const first = snapshot.unparsed[0];
    throw new ImportError(
      `${source}: the page no longer parses cleanly: ${snapshot.unparsed.length} part(s) could not be read${first ? ` (${first.where}: ${first.reason})` : ''}`,
    );
  }
}

function loadCandidate(dataDir: string, layers: readonly string[]): KnowledgeBase {
  return new KnowledgeBase(loadKbData(dataDir, layers));
}

function pruneVersions(userDir: string, keep: number, protect: ReadonlySet<string>, logger: SyncLogger): void {
  const dir = versionsDir(userDir);
  const names = readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort();
  for (const name of names.slice(0, Math.max(0, names.length - keep))) {
    if (protect.has(name)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
    } catch (error) {
      logger.warn(`kb sync: could not remove old version ${name}: ${(error as Error).message}`);
    }
  }
}

/**
 * Imports every source and publishes a new synced KB version when any page brought a new snapshot.
 *
 * A source that cannot be fetched, answers an HTTP error, or no longer parses is skipped and recorded as failed;
 * the rest still sync. The candidate layer (the published one plus the new snapshots) is written to a staging
 * directory and loaded with the committed data before anything is published; if that fails, nothing is. Only then
 * is the staging directory renamed into versions/ and the `current` pointer switched (an atomic rename).
 */
export async function syncKnowledgeBase(options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? SILENT_LOGGER;
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const userDir = options.userDir;
  const startedAt = now();
  const at = startedAt.toISOString();
  mkdirSync(versionsDir(userDir), { recursive: true });

  let release: () => void;
  try {
    release = acquireLock(userDir, startedAt);
  } catch (error) {
    if (!(error instanceof SyncBusyError)) throw error;
    const status = readKbStatus(userDir);
    return {
      outcome: 'busy',
      version: status.currentVersion,
      previousVersion: status.previousVersion,
      layer: status.currentLayer,
      published: false,
      sources: [],
      newSnapshots: [],
      message: error.message,
    };
  }
  try {
    return await syncLocked(options, { userDir, dataDir, logger, now, at });
  } finally {
    release();
  }
}

interface SyncContext {
  readonly userDir: string;
  readonly dataDir: string;
  readonly logger: SyncLogger;
  readonly now: () => Date;
  readonly at: string;
}

/** What the KB serves now: the published layer, or a newly published one. */
interface CurrentVersion {
  readonly version: string;
  readonly layer: string | undefined;
  readonly previousVersion: string | undefined;
  readonly previousLayer: string | undefined;
  readonly publishedAt: string | undefined;
}

async function syncLocked(options: SyncOptions, context: SyncContext): Promise<SyncResult> {
  const { userDir, dataDir, logger, at } = context;
  const status = readKbStatus(userDir);
  const published = publishedLayer(userDir);
  const manifest = published ? readLayerManifest(published.dir) : undefined;

  let base: KnowledgeBase;
  try {
    base = loadCandidate(dataDir, published ? [userDir, published.dir] : [userDir]);
  } catch (error) {
    // The data the sync would build on does not load: report it and publish nothing.
    const message = `kb sync: the current KB does not load, nothing was synced: ${(error as Error).message}`.slice(0, 2000);
    logger.error(message);
    writeKbStatus(userDir, { ...status, lastSync: { at, outcome: 'failed', message } });
    return {
      outcome: 'failed',
      version: status.currentVersion,
      previousVersion: status.previousVersion,
      layer: published?.name,
      published: false,
      sources: [],
      newSnapshots: [],
      message,
    };
  }

  const { results, candidates, seq } = await importSources(options, base, manifest, context);
  // Unless this sync publishes, the current version is what the published layer loads as today (committed data may have changed).
  let current: CurrentVersion = {
    version: base.version,
    layer: published?.name,
    previousVersion: status.previousVersion,
    previousLayer: status.previousLayer,
    publishedAt: status.publishedAt,
  };
  let newSnapshots: string[] = [];
  if (candidates.length > 0) {
    const publication = publishCandidates(options, context, { base, published, manifest, candidates, seq, results });
    if (publication) ({ current, newSnapshots } = publication);
  }

  const all = [...results.values()];
  const failed = all.filter((r) => r.outcome === 'failed');
  const outcome: SyncOutcome =
    newSnapshots.length > 0 ? 'published' : failed.length > 0 && failed.length === all.length ? 'failed' : 'unchanged';
  const message = syncMessage(outcome, current.version, newSnapshots, all);
  writeKbStatus(userDir, nextKbStatus(status, current, all, { at, outcome, message: message.slice(0, 2000) }));
  return {
    outcome,
    version: current.version,
    previousVersion: current.previousVersion,
    layer: current.layer,
    published: outcome === 'published',
    sources: all,
    newSnapshots,
    message,
  };
}

/** Reads every configured page and imports the changed ones as candidate snapshots; a failing source is recorded, not thrown. */
async function importSources(options: SyncOptions, base: KnowledgeBase, manifest: LayerManifest | undefined, context: SyncContext) {
  const results = new Map<string, SourceResult>();
  const candidates: Candidate[] = [];
  let seq = manifest?.seq ?? 0;
  const today = context.at.slice(0, 10);
  // The page parsers (and htmlparser2) load with the first sync, not with every process that holds a KB.
  const { importUserPage, readPageInput } = await import('../user-import.ts');
  for (const source of [...new Set(options.sources)]) {
    try {
      const input = await readPageInput(source, options.fetch ?? fetch);
      const textHash = sha256(input.text);
      const known = manifest?.pages[source];
      if (known && known.textHash === textHash && base.snapshots.has(known.snapshot)) {
        results.set(source, { source, outcome: 'unchanged', snapshot: known.snapshot });
        continue;
      }
      if (input.text.trim() === '') throw new ImportError(`${source}: the page is empty`);
      const imported = importUserPage(base, input, today);
      checkParsesAsBefore(source, imported);
      const id = `${imported.source.id.replace(/_import$/, '')}_sync-${textHash.slice(0, 8)}`;
      const sameText = base.snapshots.has(id) ? id : candidates.find((c) => c.imported.snapshot.id === id)?.imported.snapshot.id;
      if (sameText) {
        results.set(source, { source, outcome: 'unchanged', snapshot: sameText });
        continue;
      }
      seq += 1;
      const synced = syncedIdentity(imported, textHash, 10 + seq);
      candidates.push({ source, textHash, imported: synced });
      results.set(source, { source, outcome: 'new', snapshot: synced.snapshot.id });
    } catch (error) {
      const message = describeError(source, error);
      context.logger.warn(`kb sync: ${message}`);
      results.set(source, { source, outcome: 'failed', error: message });
    }
  }
  return { results, candidates, seq };
}

interface Publication {
  readonly base: KnowledgeBase;
  readonly published: PublishedLayer | undefined;
  readonly manifest: LayerManifest | undefined;
  readonly candidates: readonly Candidate[];
  readonly seq: number;
  /** Updated in place: the candidates are marked failed when the staged layer does not validate. */
  readonly results: Map<string, SourceResult>;
}

/**
 * Stages the published layer plus the candidates, loads and validates it with the committed data, and only then
 * renames it into versions/ and switches the pointer. Undefined when it did not validate (nothing is published).
 */
function publishCandidates(
  options: SyncOptions,
  context: SyncContext,
  p: Publication,
): { current: CurrentVersion; newSnapshots: string[] } | undefined {
  const { userDir, dataDir, logger, at } = context;
  const { base, published, manifest, candidates, results } = p;
  const staged = stageLayer(userDir, published, candidates);
  let kb: KnowledgeBase;
  try {
    kb = loadCandidate(dataDir, [userDir, staged]);
    for (const candidate of candidates) {
      if (!kb.snapshots.has(candidate.imported.snapshot.id))
        throw new Error(`snapshot ${candidate.imported.snapshot.id} is missing after loading`);
    }
    options.validate?.(kb);
  } catch (error) {
    rmSync(staged, { recursive: true, force: true });
    const reason = `the imported pages did not validate with the KB, nothing was published: ${(error as Error).message}`
      .replace(/\s+/g, ' ')
      .slice(0, 1500);
    logger.error(`kb sync: ${reason}`);
    for (const candidate of candidates)
      results.set(candidate.source, { source: candidate.source, outcome: 'failed', error: `${candidate.source}: ${reason}` });
    return undefined;
  }
  const name = `${compactStamp(context.now())}-${kb.version}`;
  const newManifest: LayerManifest = {
    name,
    createdAt: at,
    kbVersion: kb.version,
    ...(published ? { previous: published.name } : {}),
    seq: p.seq,
    pages: {
      ...manifest?.pages,
      ...Object.fromEntries(candidates.map((c) => [c.source, { textHash: c.textHash, snapshot: c.imported.snapshot.id, importedAt: at }])),
    },
    added: candidates.map((c) => c.imported.snapshot.id),
  };
  writeFileAtomic(join(staged, MANIFEST), `${JSON.stringify(newManifest, null, 2)}\n`);
  renameSync(staged, join(versionsDir(userDir), name));
  writeFileAtomic(pointerPath(userDir), `${name}\n`);
  logger.info(`kb sync: published KB version ${kb.version} (${newManifest.added.join(', ')})`);
  pruneVersions(userDir, Math.max(2, options.keepVersions ?? 10), new Set([name, ...(published ? [published.name] : [])]), logger);
  return {
    current: { version: kb.version, layer: name, previousVersion: base.version, previousLayer: published?.name, publishedAt: at },
    newSnapshots: newManifest.added,
  };
}

function syncMessage(outcome: SyncOutcome, version: string, newSnapshots: readonly string[], all: readonly SourceResult[]): string {
  if (all.length === 0) return `No sources configured; the KB stays at version ${version}.`;
  const failed = all.filter((r) => r.outcome === 'failed').length;
  let message =
    outcome === 'published'
      ? `Published KB version ${version} with ${newSnapshots.length} new snapshot(s): ${newSnapshots.join(', ')}.`
      : outcome === 'failed'
        ? `Every source failed; the KB stays at version ${version}.`
        : `Nothing new; the KB stays at version ${version}.`;
  if (failed > 0 && outcome !== 'failed') message += ` ${failed} of ${all.length} source(s) failed and kept their last good version.`;
  return message;
}

function nextKbStatus(
  status: KbStatus,
  current: CurrentVersion,
  all: readonly SourceResult[],
  lastSync: { at: string; outcome: SyncOutcome; message: string },
): KbStatus {
  const { at } = lastSync;
  const sources: Record<string, SourceStatus> = { ...status.sources };
  for (const result of all) {
    const before = sources[result.source];
    sources[result.source] =
      result.outcome === 'failed'
        ? { ...before, lastOutcome: 'failed', lastAttemptAt: at, lastFailureAt: at, lastError: result.error ?? 'failed' }
        : {
            ...(before?.lastFailureAt ? { lastFailureAt: before.lastFailureAt } : {}),
            lastOutcome: result.outcome,
            lastAttemptAt: at,
            lastSuccessAt: at,
            ...(result.snapshot ? { snapshot: result.snapshot } : {}),
          };
  }
  return {
    currentVersion: current.version,
    ...(current.layer ? { currentLayer: current.layer } : {}),
    ...(current.publishedAt ? { publishedAt: current.publishedAt } : {}),
    ...(current.previousVersion ? { previousVersion: current.previousVersion } : {}),
    ...(current.previousLayer ? { previousLayer: current.previousLayer } : {}),
    lastSync,
    sources,
  };
}

/** Copies the published layer into a fresh staging directory and adds the new snapshots and their sources. */
function stageLayer(userDir: string, published: PublishedLayer | undefined, candidates: readonly Candidate[]): string {
  const staged = mkdtempSync(join(syncedRoot(userDir), '.staging-'));
  const sourcesDir = join(staged, 'sources');
  const snapshotsDir = join(staged, 'snapshots');
  if (published && existsSync(join(published.dir, 'snapshots')))
    cpSync(join(published.dir, 'snapshots'), snapshotsDir, { recursive: true });
  mkdirSync(sourcesDir, { recursive: true });
  mkdirSync(snapshotsDir, { recursive: true });
  const previousSources =
    published && existsSync(join(published.dir, 'sources', SYNCED_SOURCES))
      ? (JSON.parse(readFileSync(join(published.dir, 'sources', SYNCED_SOURCES), 'utf8')) as unknown[])
      : [];
  const sources = new Map<string, unknown>();
  for (const source of previousSources) {
    const parsed = Source.safeParse(source);
    if (parsed.success) sources.set(parsed.data.id, parsed.data);
  }
  for (const { imported } of candidates) {
    sources.set(imported.source.id, imported.source);
    writeFileAtomic(join(snapshotsDir, `${imported.snapshot.id}.json`), `${JSON.stringify(imported.snapshot, null, 2)}\n`);
  }
  writeFileAtomic(join(sourcesDir, SYNCED_SOURCES), `${JSON.stringify([...sources.values()], null, 2)}\n`);
  return staged;
}
