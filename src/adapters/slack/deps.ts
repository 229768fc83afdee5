import type { AnswerLedger } from '../../corrections/ledger.ts';
import type { Logger } from '@slack/bolt';
import type { Bot } from '../../bot/bot.ts';
import type { DigestCommands } from '../../core/digest-commands.ts';
import type { GuestCheckRequests } from '../../core/guest-check-requests.ts';
import type { DedupeStore } from '../../state/dedupe-store.ts';
import type { FeedbackStore } from '../../core/feedback-store.ts';
import type { SlackSettings } from './settings.ts';
import type { ThreadStore } from '../../state/thread-store.ts';
import type { TextRefs } from '../../state/text-refs.ts';

/** Everything the listeners use. Built once by createSlackApp; tests may build their own. */
export interface SlackDeps {
  readonly settings: SlackSettings;
  readonly bot: Bot;
  readonly dedupe: DedupeStore;
  readonly feedback: FeedbackStore;
  readonly guestChecks?: GuestCheckRequests;
  readonly digest?: DigestCommands;
  /** The answer ledger: `/lis corrections on|off` opts a channel in to corrections. */
  readonly answers?: AnswerLedger;
  readonly logger: Logger;
  /** Threads lisbot answered in: shared through Redis when replicas run, so any of them takes a follow-up upload. */
  readonly threads: ThreadStore;
  /** Questions too long for a button value, by reference: shared through Redis when replicas run. */
  readonly refs: TextRefs;
  /** How long a slash command may take to answer inside its ack before it acks "working…" and answers later. */
  readonly ackBudgetMs: number;
  /** For downloading uploads (url_private), with the bot token. */
  readonly fetch: typeof fetch;
}

/** Deliveries already handled are remembered this long (Slack retries within about 5 minutes). */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;

/** The context key: one per thread, or per user in a DM (or a slash command) outside threads. */
export function conversationKey(team: string | undefined, channel: string, threadOrUser: string | undefined): string {
  return `slack:${team ?? 'T?'}:${channel}:${threadOrUser ?? 'anonymous'}`;
}

export function isDirectMessageChannel(channel: string | undefined): boolean {
  return channel?.startsWith('D') === true;
}
