import type { KnowledgeBase } from '../knowledge/index.ts';
import type { GuestCheckRequests } from '../core/guest-check-requests.ts';
import type { DigestCommands } from '../core/digest-commands.ts';
import { slackSettingsFromEnv } from '../adapters/slack/settings.ts';
import { discordSettingsFromEnv } from '../adapters/discord/settings.ts';
import { instrumentedBot, type Infrastructure } from './infrastructure.ts';

export interface RunningAdapter {
  readonly name: string;
  ready(): boolean;
  stop(): Promise<void>;
}

export interface ServeDependencies {
  readonly env: NodeJS.ProcessEnv;
  readonly kb: () => KnowledgeBase;
  readonly infra: Infrastructure;
  readonly guestChecks?: GuestCheckRequests;
  readonly digest?: DigestCommands;
}

/**
 * Starts every chat adapter whose settings are present. Returns the running ones; none means no chat
 * platform is configured. A bad setting throws ConfigError naming the variable before anything starts.
 */
export async function startAdapters(deps: ServeDependencies): Promise<RunningAdapter[]> {
  const { infra } = deps;
  const slackSettings = slackSettingsFromEnv(deps.env);
  const discordSettings = discordSettingsFromEnv(deps.env);
  const bot = instrumentedBot(deps.kb, infra);
  const ports = { ...(deps.guestChecks ? { guestChecks: deps.guestChecks } : {}), ...(deps.digest ? { digest: deps.digest } : {}) };
  const running: RunningAdapter[] = [];
  // Each platform's SDK is imported only when it is configured: a Slack-only bot never loads discord.js.
  if (slackSettings) {
    const [{ createSlackApp }, { boltLogger }] = await Promise.all([import('../adapters/slack/app.ts'), import('../adapters/slack/pino-logger.ts')]);
    const slack = createSlackApp({ settings: slackSettings, bot, dedupe: infra.dedupe, feedback: infra.feedback, threads: infra.threads, logger: boltLogger(infra.logger), ...ports });
    await slack.start();
    infra.logger.info({ mode: slack.mode, port: slack.port }, 'slack adapter started');
    let started = true;
    running.push({ name: 'slack', ready: () => started, stop: async () => { started = false; await slack.stop(); } });
  }
  if (discordSettings) {
    const { DiscordAdapter } = await import('../adapters/discord/client.ts');
    const discord = new DiscordAdapter({ settings: discordSettings, bot, dedupe: infra.dedupe, feedback: infra.feedback, logger: infra.logger.child({ component: 'discord' }), ...ports });
    await discord.start();
    infra.logger.info('discord adapter connected');
    running.push({ name: 'discord', ready: () => discord.ready(), stop: () => discord.stop() });
  }
  return running;
}
