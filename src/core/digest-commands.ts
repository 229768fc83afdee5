import type { Reply } from './reply.ts';
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
  /** The full digest behind a "show all" button (a `digest:` action value); undefined when it is not one. */
  expand?(value: string): Promise<Reply | undefined>;
}

/** A "show all" button of a summarised digest carries a value of this form. */
export function isDigestExpansion(value: string): boolean {
  return value.startsWith('digest:');
}
