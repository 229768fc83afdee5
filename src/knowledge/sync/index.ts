export {
  syncKnowledgeBase,
  SyncBusyError,
  SILENT_LOGGER,
  readLayerManifest,
  type SyncLogger,
  type SyncOptions,
  type SyncResult,
  type SourceResult,
  type LayerManifest,
} from './sync.ts';
export { readKbStatus, writeKbStatus, type KbStatus, type SourceStatus, type SyncOutcome } from './status.ts';
export { kbLayers, publishedLayer, readPointer, statusPath, syncedRoot, versionsDir, pointerPath } from './layout.ts';
