import { UsageError, flag, stringListOption, writeLine, type CliCommand } from '../command.ts';
import { userKbDir } from '../../config/paths.ts';
import { syncKnowledgeBase, type SyncLogger } from '../../knowledge/sync/sync.ts';

/** KB_SOURCES: comma-separated URLs or paths. */
export function kbSourcesFromEnv(env: NodeJS.ProcessEnv): string[] {
  return (env.KB_SOURCES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const kbSyncCommand: CliCommand = {
  name: 'kb sync',
  usage: 'lisbot kb sync [--source URL|PATH]… [--json]',
  details:
    'Without --source, syncs the pages KB_SOURCES lists. A page that cannot be fetched or no longer parses keeps its last good version; the result is recorded for `lisbot kb status`. Running bots pick a new version up without a restart.',
  options: { source: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  async run(args, io) {
    const given = stringListOption(args, 'source');
    const sources = given.length ? given : kbSourcesFromEnv(io.env);
    if (args.positionals.length) throw new UsageError('Give sources with --source, or set KB_SOURCES.');
    if (sources.length === 0) throw new UsageError('No sources: give --source URL|PATH or set KB_SOURCES.');
    const logger: SyncLogger = { info: () => undefined, warn: () => undefined, error: (m) => writeLine(io.stderr, m) };
    const result = await syncKnowledgeBase({ sources, userDir: userKbDir(io.env), logger });
    if (flag(args, 'json')) {
      writeLine(io.stdout, JSON.stringify(result));
    } else {
      writeLine(io.stdout, result.message);
      for (const source of result.sources) {
        if (source.outcome === 'failed') writeLine(io.stdout, `  ✖ ${source.error ?? source.source}`);
        else writeLine(io.stdout, `  ✔ ${source.source}: ${source.outcome}${source.snapshot ? ` (${source.snapshot})` : ''}`);
      }
    }
    return result.outcome === 'busy' || result.sources.some((s) => s.outcome === 'failed') ? 1 : 0;
  },
};
