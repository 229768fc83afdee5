import type { KnowledgeBase } from '../knowledge/index.ts';
import type { GuestCheckRequests } from '../core/guest-check-requests.ts';
import type { DigestCommands } from '../core/digest-commands.ts';
import { slackSettingsFromEnv } from '../adapters/slack/settings.ts';
import { discordSettingsFromEnv } from '../adapters/discord/settings.ts';
import { instrumentedBot, type Infrastructure } from './infrastructure.ts';

/**
 * Whether the platform answers, asked at most every 15 s: /readyz is polled often, the platform's API is rate
 * limited. A probe still running when readiness is asked gives the last answer (false before the first).
 */
export function cachedProbe(probe: () => Promise<boolean>, maxAgeMs = 15_000): () => Promise<boolean> {
  let last: { at: number; ok: boolean } | undefined;
  let running: Promise<boolean> | undefined;
  return async () => {
    if (last && Date.now() - last.at < maxAgeMs) return last.ok;
    running ??= probe()
      .catch(() => false)
      .then((ok) => {
        last = { at: Date.now(), ok };
        running = undefined;
        return ok;
      });
    return running;
  };
}

export interface RunningAdapter {
  readonly name: string;
  ready(): boolean | Promise<boolean>;
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
  const ports = {
    ...(deps.guestChecks ? { guestChecks: deps.guestChecks } : {}),
    ...(deps.digest ? { digest: deps.digest } : {}),
    answers: infra.answers,
  };
  const running: RunningAdapter[] = [];
  // Each platform's SDK is imported only when it is configured: a Slack-only bot never loads discord.js.
  if (slackSettings) {
    const [{ createSlackApp }, { boltLogger }] = await Promise.all([
      import('../adapters/slack/app.ts'),
      import('../adapters/slack/pino-logger.ts'),
    ]);
    const slack = createSlackApp({
      settings: slackSettings,
      bot,
      dedupe: infra.dedupe,
      feedback: infra.feedback,
      threads: infra.threads,
      refs: infra.refs,
      logger: boltLogger(infra.logger),
      ...ports,
    });
    await slack.start();
    infra.logger.info({ mode: slack.mode, port: slack.port }, 'slack adapter started');
    let started = true;
    const reachable = cachedProbe(async () => (await slack.client.auth.test()).ok === true);
    running.push({
      name: 'slack',
      ready: async () => started && (await reachable()),
      stop: async () => {
        started = false;
        await slack.stop();
      },
    });
  }
  if (discordSettings) {
    const { DiscordAdapter } = await import('../adapters/discord/client.ts');
    const discord = new DiscordAdapter({
      settings: discordSettings,
      bot,
      dedupe: infra.dedupe,
      feedback: infra.feedback,
      refs: infra.refs,
      logger: infra.logger.child({ component: 'discord' }),
      ...ports,
    });
    await discord.start();
    infra.logger.info('discord adapter connected');
    running.push({ name: 'discord', ready: () => discord.ready(), stop: () => discord.stop() });
  }
  return running;
}
