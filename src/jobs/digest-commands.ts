import type { Reply } from '../bot/reply.ts';
import type { ReplyTarget } from './delivery.ts';

export interface DigestCommandContext {
  /** The channel the command was typed in: the subscription's key and delivery target. */
  readonly target: ReplyTarget;
  readonly user: string;
  /** The platform says this user may manage the channel (Slack admin/owner/creator, Discord Manage Channels). */
  readonly canManageChannel: boolean;
}

/** `/lis digest subscribe|unsubscribe|list|preview …`, the same on every platform. */
export interface DigestCommands {
  run(args: readonly string[], context: DigestCommandContext): Promise<Reply>;
}
