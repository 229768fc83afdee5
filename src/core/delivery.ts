import type { Reply } from './reply.ts';

/** Where a job's result goes: a channel (and thread) on one platform. Serializable, so it can ride in a job. */
export interface ReplyTarget {
  readonly platform: 'slack' | 'discord';
  readonly channel: string;
  /** Slack thread ts, or nothing to post in the channel itself. */
  readonly thread?: string;
  /** Slack workspace (team) id, when the app serves several. */
  readonly team?: string;
}

export interface PostedMessage {
  readonly id: string;
}

/** Posts and edits replies through a platform's REST API. Each adapter implements it; workers use it. */
export interface ReplyPoster {
  readonly platform: ReplyTarget['platform'];
  post(target: ReplyTarget, reply: Reply): Promise<PostedMessage>;
  update(target: ReplyTarget, message: PostedMessage, reply: Reply): Promise<void>;
}

/** The posters a worker has, by platform. A platform without settings has none. */
export type ReplyPosters = Partial<Record<ReplyTarget['platform'], ReplyPoster>>;

/** A platform said the channel is gone or lisbot was removed from it: retrying cannot help. */
export class ChannelGoneError extends Error {
  override name = 'ChannelGoneError';
}
