import { UsageError, flag, stringOption, writeLine, type CliCommand } from '../command.ts';
import { userKbDir } from '../../config/paths.ts';
import { diffSnapshots } from '../../knowledge/diff.ts';
import { describeChange } from '../../knowledge/describe-change.ts';
import { ImportError } from '../../knowledge/import/errors.ts';
import { importUserPage, readPageInput, saveUserImports, type UserImport } from '../../knowledge/user-import.ts';
import { knowledgeBase } from './kb-context.ts';

export const kbImportCommand: CliCommand = {
  name: 'kb import',
  usage: 'lisbot kb import PATH|URL… [--dry-run] [--dir DIR]',
  details:
    'Each page becomes a snapshot dated by its ms.date, stored under $LISBOT_STATE_DIR/kb (or --dir). Nothing is written if any page fails.\nExample: lisbot kb import ./Supported-Ubuntu-virtual-machines-on-Hyper-V.md',
  options: { 'dry-run': { type: 'boolean' }, dir: { type: 'string' } },
  async run(args, io) {
    if (args.positionals.length === 0) throw new UsageError('Give at least one page: a path or an http(s) URL.');
    const kb = knowledgeBase(io.env);
    const today = new Date().toISOString().slice(0, 10);
    const imports: UserImport[] = [];
    let failed = 0;
    for (const spec of args.positionals) {
      try {
        if (args.positionals.length > 1) io.stderr.write(`importing ${spec}…\n`);
        const result = importUserPage(kb, await readPageInput(spec), today);
        imports.push(result);
        const { snapshot } = result;
        const cells = snapshot.columns.reduce((n, c) => n + Object.keys(c.features).length, 0);
        writeLine(
          io.stdout,
          `${spec}: ${snapshot.id}: ${snapshot.columns.length} columns, ${cells} feature cells, ${snapshot.notes.length} notes, ${snapshot.unparsed.length} unparsed`,
        );
        for (const part of snapshot.unparsed) writeLine(io.stdout, `  could not parse ${part.where}: ${part.reason}`);
        for (const change of diffSnapshots(result.previous, snapshot, snapshot.families).slice(0, 20))
          writeLine(io.stdout, `  ${describeChange(kb, change)}`);
      } catch (error) {
        failed++;
        const message = error instanceof ImportError ? error.message : `${spec}: ${(error as Error).message}`;
        writeLine(io.stderr, `✖ ${message}`);
      }
    }
    if (failed > 0) {
      writeLine(io.stderr, `${failed} of ${args.positionals.length} pages failed; nothing was written.`);
      return 1;
    }
    if (!flag(args, 'dry-run')) {
      const dir = stringOption(args, 'dir') ?? userKbDir(io.env);
      saveUserImports(dir, imports);
      writeLine(io.stdout, `Saved ${imports.length} snapshot(s) to ${dir}.`);
    }
    return 0;
  },
};
