import { writeLine, type CliCommand, type CliIo } from '../command.ts';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { Bot } from '../../bot/bot.ts';
import { ConfigError } from '../../config/errors.ts';
import { startAdapters, type RunningAdapter } from '../../runtime/serve.ts';
import { knowledgeBase } from './kb-context.ts';

const SHUTDOWN_GRACE_MS = 10_000;

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

async function stopAll(adapters: readonly RunningAdapter[], io: CliIo): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([Promise.allSettled(adapters.map((a) => a.stop())), timeout]);
  writeLine(io.stderr, 'stopped');
}

/** Runs the configured adapters until SIGTERM; with none configured, the terminal chat when there is a terminal. */
async function serve(io: CliIo, consoleFallback: 'terminal' | 'always'): Promise<number> {
  const kb = knowledgeBase(io.env);
  let adapters: RunningAdapter[];
  try {
    adapters = await startAdapters({ env: io.env, kb: () => kb, log: (line) => writeLine(io.stderr, line) });
  } catch (error) {
    if (error instanceof ConfigError) {
      writeLine(io.stderr, error.message);
      return 1;
    }
    throw error;
  }
  if (adapters.length === 0) {
    if (consoleFallback === 'terminal' && !io.stdin.isTTY) {
      writeLine(io.stderr, 'No chat platform is configured (set SLACK_BOT_TOKEN, or DISCORD_TOKEN and DISCORD_APPLICATION_ID) and standard input is not a terminal.');
      return 1;
    }
    await runConsole(new Bot(() => kb), { input: io.stdin, output: io.stdout, terminal: io.stdin.isTTY === true });
    writeLine(io.stdout, 'Bye.');
    return 0;
  }
  writeLine(io.stderr, `lisbot serving ${adapters.map((a) => a.name).join(' and ')}; SIGTERM to stop`);
  const signal = await waitForSignal();
  writeLine(io.stderr, `${signal}: shutting down`);
  await stopAll(adapters, io);
  return 0;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start every chat adapter whose settings are present (Slack, Discord); with none and a terminal, the console chat.',
  usage: 'lisbot serve',
  details: 'Slack: SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on PORT at /slack/events).\nDiscord: DISCORD_TOKEN and DISCORD_APPLICATION_ID.',
  run: (_args, io) => serve(io, 'terminal'),
};

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Start lisbot: the configured chat adapters, or else an interactive terminal chat (no Redis or tokens needed).',
  usage: 'lisbot start',
  details: 'This is what "npm start" runs.',
  run: (_args, io) => serve(io, 'always'),
};
