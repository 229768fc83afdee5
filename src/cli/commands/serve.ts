import { writeLine, type CliCommand, type CliIo } from '../command.ts';
import { ConfigError } from '../../config/errors.ts';
import { discordSettingsFromEnv } from '../../adapters/discord/settings.ts';
import { slackSettingsFromEnv } from '../../adapters/slack/settings.ts';

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

/** Whether any chat platform is configured; a bad platform setting throws ConfigError naming it. */
function anyPlatformConfigured(env: NodeJS.ProcessEnv): boolean {
  return slackSettingsFromEnv(env) !== undefined || discordSettingsFromEnv(env) !== undefined;
}

/**
 * The terminal chat: the KB, the bot and the core settings, nothing else. No job queues or chat SDKs are loaded.
 * The prompt comes up first; the KB loads behind it, and a bad setting still ends the chat with its message.
 */
async function terminalChat(io: CliIo): Promise<number> {
  const { runConsole } = await import('../../adapters/console/console-adapter.ts');
  let close: () => Promise<void> = () => Promise.resolve();
  const bot = (async () => {
    const [{ createInfrastructure, instrumentedBot }, { KnowledgeBaseHolder }, { userKbDir }] = await Promise.all([
      import('../../runtime/infrastructure.ts'),
      import('../../knowledge/holder.ts'),
      import('../../config/paths.ts'),
    ]);
    const infra = createInfrastructure(io.env);
    close = () => infra.close();
    const holder = new KnowledgeBaseHolder({ userDir: userKbDir(io.env), logger: infra.logger.child({ component: 'kb' }) });
    return instrumentedBot(holder.get, infra);
  })();
  try {
    await Promise.all([bot, runConsole(bot, { input: io.stdin, output: io.stdout, terminal: io.stdin.isTTY === true })]);
  } finally {
    await close();
  }
  writeLine(io.stdout, 'Bye.');
  return 0;
}

/** Runs the configured adapters until SIGTERM. Only the SDKs of configured platforms are loaded. */
async function servePlatforms(io: CliIo): Promise<number> {
  const [{ createInfrastructure }, { startBotProcess }, { startHealth }] = await Promise.all([
    import('../../runtime/infrastructure.ts'),
    import('../../runtime/bot-process.ts'),
    import('../../runtime/health.ts'),
  ]);
  const infra = createInfrastructure(io.env);
  let bot;
  try {
    bot = await startBotProcess(io.env, infra);
  } catch (error) {
    await infra.close();
    throw error;
  }
  const health = await startHealth(infra, bot.holder.get, bot.adapters, io.env, [bot.queues.guestChecks]);
  infra.logger.info({ adapters: bot.adapters.map((a) => a.name), jobs: bot.queues.kind }, 'lisbot serving; SIGTERM to stop');
  const signal = await waitForSignal();
  infra.logger.info({ signal }, 'shutting down');
  const running = bot;
  await stopAll([() => running.stop(SHUTDOWN_GRACE_MS - 1000), ...(health ? [() => health.close()] : [])]);
  await infra.close();
  return 0;
}

/** With no platform configured: the terminal chat when there is a terminal (`serve`) or always (`start`). */
async function serve(io: CliIo, consoleFallback: 'terminal' | 'always'): Promise<number> {
  try {
    if (anyPlatformConfigured(io.env)) return await servePlatforms(io);
    if (consoleFallback === 'terminal' && !io.stdin.isTTY) {
      writeLine(
        io.stderr,
        'No chat platform is configured (set SLACK_BOT_TOKEN, or DISCORD_TOKEN and DISCORD_APPLICATION_ID) and standard input is not a terminal.',
      );
      return 1;
    }
    return await terminalChat(io);
  } catch (error) {
    if (error instanceof ConfigError) {
      writeLine(io.stderr, error.message);
      return 1;
    }
    throw error;
  }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'lisbot serve',
  details:
    'Slack: SLACK_BOT_TOKEN plus SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP on PORT at /slack/events).\nDiscord: DISCORD_TOKEN and DISCORD_APPLICATION_ID. Health and metrics on METRICS_PORT. Run "lisbot config check" first.',
  run: (_args, io) => serve(io, 'terminal'),
};

export const startCommand: CliCommand = {
  name: 'start',
  usage: 'lisbot start',
  details: 'This is what "npm start" runs. In the terminal chat, "check PATH" (or a pasted path) checks a collector output file.',
  run: (_args, io) => serve(io, 'always'),
};
