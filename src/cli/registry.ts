import type { CliCommand } from './command.ts';
import { askCommand } from './commands/ask.ts';
import { checkCommand } from './commands/check.ts';
import { collectorCommand } from './commands/collector.ts';
import { serveCommand, startCommand } from './commands/serve.ts';
import { workerCommand } from './commands/worker.ts';
import { configCheckCommand } from './commands/config-check.ts';
import { digestPreviewCommand } from './commands/digest-preview.ts';
import { correctionsPreviewCommand } from './commands/corrections-preview.ts';
import { kbStatusCommand } from './commands/kb-status.ts';
import { kbSyncCommand } from './commands/kb-sync.ts';
import { discordDeployCommand } from './commands/discord-deploy.ts';
import { feedbackExportCommand } from './commands/feedback-export.ts';
import { kbDiffCommand } from './commands/kb-diff.ts';
import { kbImportCommand } from './commands/kb-import.ts';
import { kbMatrixCommand } from './commands/kb-matrix.ts';
import { kbShowCommand } from './commands/kb-show.ts';
import { kbStatsCommand } from './commands/kb-stats.ts';
import { kbValidateCommand } from './commands/kb-validate.ts';

/** Every CLI command, in the order `lisbot --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  startCommand,
  serveCommand,
  workerCommand,
  askCommand,
  checkCommand,
  collectorCommand,
  kbStatsCommand,
  kbShowCommand,
  kbMatrixCommand,
  kbDiffCommand,
  kbImportCommand,
  kbValidateCommand,
  kbStatusCommand,
  kbSyncCommand,
  digestPreviewCommand,
  correctionsPreviewCommand,
  configCheckCommand,
  feedbackExportCommand,
  discordDeployCommand,
];
