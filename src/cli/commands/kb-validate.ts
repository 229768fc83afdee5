import { writeLine, type CliCommand } from '../command.ts';
import { kbStats } from '../../knowledge/stats.ts';
import { knowledgeBase } from './kb-context.ts';

export const kbValidateCommand: CliCommand = {
  name: 'kb validate',
  usage: 'lisbot kb validate',
  details:
    'Checks the schema of each record, unique ids, cited sources, note references, signatures, and that every upstream note has our own paraphrase.',
  run(_args, io) {
    const kb = knowledgeBase(io.env);
    const stats = kbStats(kb);
    const problems: string[] = [];
    const missing = kb.notesWithoutParaphrase();
    if (missing.length > 0)
      problems.push(`${missing.length} notes have no paraphrase: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`);
    for (const snapshot of kb.snapshots.values()) {
      for (const part of snapshot.unparsed) problems.push(`${snapshot.id}: could not parse ${part.where}: ${part.reason}`);
    }
    if (problems.length > 0) {
      for (const problem of problems) writeLine(io.stderr, `✖ ${problem}`);
      return Promise.resolve(1);
    }
    writeLine(
      io.stdout,
      `KB ${stats.version} is valid: ${stats.snapshots} snapshots, ${stats.columns} columns, ${stats.featureCells} feature cells, ${stats.knownIssues} known issues, ${stats.tips} tips, ${stats.sources} sources.`,
    );
    return Promise.resolve(0);
  },
};
