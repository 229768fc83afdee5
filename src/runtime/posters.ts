import type { ReplyPosters } from '../core/delivery.ts';

/**
 * The reply posters a worker can use, built from the adapters' own settings. Each platform's code is imported
 * only when its settings are present, so a worker for one platform never loads (or needs) the other's SDK.
 * Bad settings throw the adapter's ConfigError, which names the variable.
 */
export async function loadPosters(env: NodeJS.ProcessEnv): Promise<ReplyPosters> {
  const posters: { -readonly [K in keyof ReplyPosters]: ReplyPosters[K] } = {};
  const { slackSettingsFromEnv } = await import('../adapters/slack/settings.ts');
  const slack = slackSettingsFromEnv(env, { forPosting: true });
  if (slack) {
    const { SlackReplyPoster } = await import('../adapters/slack/poster.ts');
    posters.slack = SlackReplyPoster.fromSettings(slack);
  }
  const { discordSettingsFromEnv } = await import('../adapters/discord/settings.ts');
  const discord = discordSettingsFromEnv(env);
  if (discord) {
    const { DiscordReplyPoster } = await import('../adapters/discord/poster.ts');
    posters.discord = DiscordReplyPoster.fromSettings(discord);
  }
  return posters;
}
