import { flag, writeLine, type CliCommand } from '../command.ts';
import { userKbDir } from '../../config/paths.ts';
import { loadKnowledgeBase } from '../../knowledge/index.ts';
import { readKbStatus } from '../../knowledge/sync/status.ts';
import { readPointer } from '../../knowledge/sync/layout.ts';
import { kbSourcesFromEnv } from './kb-sync.ts';

export const kbStatusCommand: CliCommand = {
  name: 'kb status',
  usage: 'lisbot kb status [--json]',
  details: 'Reads $LISBOT_STATE_DIR/kb/kb-status.json, written by every `lisbot kb sync` and kb-sync job. Sources come from KB_SOURCES.',
  options: { json: { type: 'boolean' } },
  run(args, io) {
    const userDir = userKbDir(io.env);
    const kb = loadKnowledgeBase({ env: io.env });
    const status = readKbStatus(userDir);
    const configured = kbSourcesFromEnv(io.env);
    const names = [...new Set([...configured, ...Object.keys(status.sources)])];
    const sources = names.map((source) => ({ source, configured: configured.includes(source), ...status.sources[source] }));
    const layer = readPointer(userDir);
    if (flag(args, 'json')) {
      writeLine(
        io.stdout,
        JSON.stringify({
          version: kb.version,
          newestEra: kb.newestEra,
          layer: layer ?? null,
          publishedAt: status.publishedAt ?? null,
          previousVersion: status.previousVersion ?? null,
          lastSync: status.lastSync ?? null,
          sources,
        }),
      );
      return Promise.resolve(0);
    }
    writeLine(io.stdout, `KB version ${kb.version} (newest page ${kb.newestEra}, ${kb.snapshots.size} snapshots)`);
    writeLine(
      io.stdout,
      layer ? `Synced layer: ${layer}${status.publishedAt ? `, published ${status.publishedAt}` : ''}` : 'Synced layer: none published yet',
    );
    if (status.previousVersion) writeLine(io.stdout, `Previous version: ${status.previousVersion}`);
    writeLine(
      io.stdout,
      status.lastSync ? `Last sync: ${status.lastSync.at} ${status.lastSync.outcome}: ${status.lastSync.message}` : 'Last sync: never',
    );
    if (sources.length === 0) writeLine(io.stdout, 'Sources: none (set KB_SOURCES to URLs or paths of Microsoft matrix pages)');
    else writeLine(io.stdout, 'Sources:');
    for (const source of sources) {
      const state = source.lastOutcome
        ? `${source.lastOutcome === 'failed' ? '✖ failed' : `✔ ${source.lastOutcome}`} ${source.lastAttemptAt ?? ''}`
        : 'never synced';
      writeLine(io.stdout, `  ${source.source}${source.configured ? '' : ' (no longer configured)'}: ${state}`);
      if (source.lastSuccessAt)
        writeLine(io.stdout, `    last success ${source.lastSuccessAt}${source.snapshot ? ` (${source.snapshot})` : ''}`);
      if (source.lastFailureAt) writeLine(io.stdout, `    last failure ${source.lastFailureAt}: ${source.lastError ?? ''}`);
    }
    return Promise.resolve(0);
  },
};
