import type { Reply } from './reply.ts';

/** Where a job's result goes: a channel (and thread) on one platform. Serializable, so it can ride in a job. */
export interface ReplyTarget {
  readonly platform: 'slack' | 'discord';
  readonly channel: string;
  /** Slack thread ts, or nothing to post in the channel itself. */
  readonly thread?: string;
  /** Slack workspace (team) id, when the app serves several. */
  readonly team?: string;
  /**
   * Discord: the token of the interaction whose deferred reply ("Checking…") the result replaces in place. Valid
   * for 15 minutes; after that the result goes to the channel. Never logged.
   */
  readonly interaction?: string;
}

export interface PostedMessage {
  readonly id: string;
}

export interface PostOptions {
  /**
   * Marks the message as one delivery's, invisibly (Slack message metadata, a Discord nonce), so `find` can tell
   * later whether that delivery reached the platform.
   */
  readonly marker?: string;
}

/** Posts and edits replies through a platform's REST API. Each adapter implements it; workers use it. */
export interface ReplyPoster {
  readonly platform: ReplyTarget['platform'];
  post(target: ReplyTarget, reply: Reply, options?: PostOptions): Promise<PostedMessage>;
  update(target: ReplyTarget, message: PostedMessage, reply: Reply): Promise<void>;
  /**
   * Looks on the platform for a message posted with `marker` at or after `sinceMs` (epoch ms) in the target's
   * thread or channel. A poster that cannot look leaves it out.
   */
  find?(target: ReplyTarget, marker: string, sinceMs: number): Promise<PostedMessage | undefined>;
}

/** The posters a worker has, by platform. A platform without settings has none. */
export type ReplyPosters = Partial<Record<ReplyTarget['platform'], ReplyPoster>>;

/** A platform said the channel is gone or lisbot was removed from it: retrying cannot help. */
export class ChannelGoneError extends Error {
  override name = 'ChannelGoneError';
}
