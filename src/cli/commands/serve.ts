import { writeLine, type CliCommand, type CliIo } from '../command.ts';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { ConfigError } from '../../config/errors.ts';
import { startHealth } from '../../runtime/health.ts';
import { createInfrastructure, instrumentedBot, type Infrastructure } from '../../runtime/infrastructure.ts';
import { startBotProcess, type BotProcess } from '../../runtime/bot-process.ts';

const SHUTDOWN_GRACE_MS = 10_000;

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

/** Stops everything, but never waits longer than the grace period: an orchestrator's kill follows anyway. */
async function stopAll(stops: ReadonlyArray<() => Promise<void>>): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([Promise.allSettled(stops.map((stop) => stop())), timeout]);
}

/** Runs the configured adapters until SIGTERM; with none configured, the terminal chat when there is a terminal. */
async function serve(io: CliIo, consoleFallback: 'terminal' | 'always'): Promise<number> {
  let infra: Infrastructure | undefined;
  let bot: BotProcess;
  try {
    infra = createInfrastructure(io.env);
    bot = await startBotProcess(io.env, infra);
  } catch (error) {
    await infra?.close();
    if (error instanceof ConfigError) {
      writeLine(io.stderr, error.message);
      return 1;
    }
    throw error;
  }
  if (bot.adapters.length === 0) {
    await bot.stop(0);
    if (consoleFallback === 'terminal' && !io.stdin.isTTY) {
      await infra.close();
      writeLine(io.stderr, 'No chat platform is configured (set SLACK_BOT_TOKEN, or DISCORD_TOKEN and DISCORD_APPLICATION_ID) and standard input is not a terminal.');
      return 1;
    }
    await runConsole(instrumentedBot(bot.holder.get, infra), { input: io.stdin, output: io.stdout, terminal: io.stdin.isTTY === true });
    await infra.close();
    writeLine(io.stdout, 'Bye.');
    return 0;
  }
  const health = await startHealth(infra, bot.holder.get, bot.adapters, io.env, [bot.queues.guestChecks]);
  infra.logger.info({ adapters: bot.adapters.map((a) => a.name), jobs: bot.queues.kind }, 'lisbot serving; SIGTERM to stop');
  const signal = await waitForSignal();
  infra.logger.info({ signal }, 'shutting down');
  await stopAll([() => bot.stop(SHUTDOWN_GRACE_MS - 1000), ...(health ? [() => health.close()] : [])]);
  await infra.close();
  return 0;
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start every chat adapter whose settings are present (Slack, Discord); with none and a terminal, the console chat.',
  usage: 'lisbot serve',
  details: 'Slack: SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on PORT at /slack/events).\nDiscord: DISCORD_TOKEN and DISCORD_APPLICATION_ID. Health and metrics on METRICS_PORT. Run "lisbot config check" first.',
  run: (_args, io) => serve(io, 'terminal'),
};

export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Start lisbot: the configured chat adapters, or else an interactive terminal chat (no Redis or tokens needed).',
  usage: 'lisbot start',
  details: 'This is what "npm start" runs.',
  run: (_args, io) => serve(io, 'always'),
};
