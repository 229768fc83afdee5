import type { webApi } from '@slack/bolt';
import { isDirectMessageChannel, type SlackDeps } from './deps.ts';

/**
 * Whether a user may change a channel's digest subscription: a lisbot admin (LISBOT_ADMINS), a workspace
 * admin or owner, the channel's creator, or anyone in their own DM with lisbot. Lookups that fail count as no.
 */
export async function canManageChannel(
  deps: Pick<SlackDeps, 'settings' | 'logger'>,
  client: webApi.WebClient,
  user: string,
  channel: string,
): Promise<boolean> {
  if (deps.settings.admins.includes(user) || isDirectMessageChannel(channel)) return true;
  try {
    const info = await client.users.info({ user });
    if (info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner) return true;
  } catch (error) {
    deps.logger.warn(`users.info failed while checking digest rights: ${String(error)}`);
  }
  try {
    const info = await client.conversations.info({ channel });
    if (info.channel?.creator === user) return true;
  } catch (error) {
    deps.logger.warn(`conversations.info failed while checking digest rights: ${String(error)}`);
  }
  return false;
}
