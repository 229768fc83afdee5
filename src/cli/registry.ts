import type { CliCommand } from './command.ts';

/**
 * One line of `lisbot --help`, and how to load the command. Commands are imported only when run, so `ask` or
 * `--help` never pays for the chat SDKs, BullMQ or Redis that `serve` and `worker` need.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<CliCommand>;
}

/** Every CLI command, in the order `lisbot --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'start',
    summary: 'Start lisbot: the configured chat adapters, or else an interactive terminal chat (no Redis or tokens needed).',
    load: async () => (await import('./commands/serve.ts')).startCommand,
  },
  {
    name: 'serve',
    summary: 'Start every chat adapter whose settings are present (Slack, Discord); with none and a terminal, the console chat.',
    load: async () => (await import('./commands/serve.ts')).serveCommand,
  },
  {
    name: 'worker',
    summary: 'Run the guest-check, digest and kb-sync workers in this process, taking jobs from Redis until SIGTERM.',
    load: async () => (await import('./commands/worker.ts')).workerCommand,
  },
  {
    name: 'ask',
    summary: 'Answer a question (or one per line from standard input) and print the answer.',
    load: async () => (await import('./commands/ask.ts')).askCommand,
  },
  {
    name: 'check',
    summary: "Check a VM from the collector's output (or many VMs from an inventory) against the support matrices and best practices.",
    load: async () => (await import('./commands/check.ts')).checkCommand,
  },
  {
    name: 'collector',
    summary: 'Print the read-only guest collector script (lis-collect.sh) to standard output.',
    load: async () => (await import('./commands/collector.ts')).collectorCommand,
  },
  {
    name: 'kb stats',
    summary: 'Count what the knowledge base holds.',
    load: async () => (await import('./commands/kb-stats.ts')).kbStatsCommand,
  },
  {
    name: 'kb show',
    summary: 'Show how a distribution (and version) gets integration services and which features it has, read across every dated source.',
    load: async () => (await import('./commands/kb-show.ts')).kbShowCommand,
  },
  {
    name: 'kb matrix',
    summary: "Print a family's feature matrix from its newest page (or as of a date).",
    load: async () => (await import('./commands/kb-matrix.ts')).kbMatrixCommand,
  },
  {
    name: 'kb diff',
    summary: 'List what became supported, which features became available on which hosts, and what was dropped.',
    load: async () => (await import('./commands/kb-diff.ts')).kbDiffCommand,
  },
  {
    name: 'kb import',
    summary: "Import Microsoft matrix pages (files or URLs of the pages' markdown) into your own KB layer.",
    load: async () => (await import('./commands/kb-import.ts')).kbImportCommand,
  },
  {
    name: 'kb validate',
    summary: 'Validate every KB data file and cross-reference; exit 1 on any problem.',
    load: async () => (await import('./commands/kb-validate.ts')).kbValidateCommand,
  },
  {
    name: 'kb status',
    summary: 'Show the KB version in use, the configured sources and what the last sync did.',
    load: async () => (await import('./commands/kb-status.ts')).kbStatusCommand,
  },
  {
    name: 'kb sync',
    summary: 'Import the configured matrix pages now and publish a new KB version if anything changed.',
    load: async () => (await import('./commands/kb-sync.ts')).kbSyncCommand,
  },
  {
    name: 'digest preview',
    summary: 'Show the digest for the changes between two dates of the KB history.',
    load: async () => (await import('./commands/digest-preview.ts')).digestPreviewCommand,
  },
  {
    name: 'corrections preview',
    summary: 'List the recorded answers a KB change would correct, without posting anything.',
    load: async () => (await import('./commands/corrections-preview.ts')).correctionsPreviewCommand,
  },
  {
    name: 'config check',
    summary: 'Validate the environment without starting anything; name every bad or missing variable.',
    load: async () => (await import('./commands/config-check.ts')).configCheckCommand,
  },
  {
    name: 'feedback export',
    summary: 'Write stored 👍/👎 feedback and declined questions as JSON lines shaped like the evaluation set.',
    load: async () => (await import('./commands/feedback-export.ts')).feedbackExportCommand,
  },
  {
    name: 'discord deploy',
    summary: 'Register the /lis slash command with Discord, writing only when it changed.',
    load: async () => (await import('./commands/discord-deploy.ts')).discordDeployCommand,
  },
];
