import { randomUUID } from 'node:crypto';
import type { PostedMessage } from '../core/delivery.ts';
import { DeliveryPendingError } from './errors/index.ts';
import { sleep } from './run-job.ts';

/**
 * Which delivery: `id` is the job id (one report per job), `instance` tells one incarnation of that id from a
 * later one (the job's request id): a marker left by an earlier job with the same id never blocks a new one.
 */
export interface DeliveryKey {
  readonly id: string;
  readonly instance: string;
}

export interface DeliveryRecord {
  readonly instance: string;
  readonly messageId: string;
  /** Epoch ms of the post. */
  readonly at: number;
  /** What was delivered, for the caller: e.g. the KB version a digest covered. */
  readonly details?: Readonly<Record<string, string>>;
}

export type DeliveryClaim =
  | { readonly state: 'claimed' }
  | { readonly state: 'delivered'; readonly record: DeliveryRecord }
  /** Another attempt claimed the delivery `ageMs` ago and has not recorded or released it. */
  | { readonly state: 'in-doubt'; readonly ageMs: number };

/**
 * Remembers which deliveries happened, so a retried or re-run job never posts twice. Two markers per delivery:
 * - `posting` (claim): written with SET NX before the post, holding the claiming attempt's token;
 * - `delivered` (record): written with SET NX and a TTL after the post succeeded, holding the message id.
 * A failed post releases its claim, so a retry may post. A claim that is neither recorded nor released means an
 * attempt died or lost Redis between claiming and recording: whether its post reached the platform is unknown.
 */
export interface DeliveryLedger {
  claim(key: DeliveryKey, token: string): Promise<DeliveryClaim>;
  record(key: DeliveryKey, token: string, message: PostedMessage, details?: Readonly<Record<string, string>>): Promise<void>;
  release(key: DeliveryKey, token: string): Promise<void>;
  lookup(key: DeliveryKey): Promise<DeliveryRecord | undefined>;
}

export type DeliveryOutcome =
  | { readonly status: 'posted'; readonly messageId: string }
  | { readonly status: 'already-delivered'; readonly messageId: string }
  /** A previous attempt may or may not have posted; nothing was posted now. */
  | { readonly status: 'in-doubt'; readonly claimAgeMs: number };

export interface DeliverOnceOptions {
  /** A claim younger than this may still have its post in flight (wait); older, its outcome is unknowable. */
  readonly leaseMs: number;
  /** How long to poll a young claim before giving up on this attempt. */
  readonly settleMs: number;
  /** On the last attempt a still-unsettled claim ends as in-doubt instead of failing the attempt. */
  readonly finalAttempt: boolean;
  readonly pollMs?: number;
  readonly signal?: AbortSignal;
  readonly details?: Readonly<Record<string, string>>;
}

const RECORD_TRIES = 3;

/**
 * Posts at most once per delivery key, and exactly once unless a worker dies (or loses Redis) inside the window
 * between its claim and its record, which spans the one post call:
 *
 *   claim (SET NX posting) ─► post to the platform ─► record (SET NX delivered, DEL posting)
 *
 * - A crash or retry before the claim: nothing was posted; the next attempt claims and posts.
 * - The post fails (the platform answered with an error, or the network failed): the claim is released and the
 *   error thrown; the retry posts. If the platform did create the message but its answer was lost, this is
 *   the one way to get two posts, the same as the platform SDK's own retries.
 * - A crash (or Redis loss) after the post, before the record: the claim stays. A later attempt sees it
 *   "in doubt". While the claim is younger than `leaseMs` its post may still be in flight (an attempt that timed
 *   out keeps running in the background), so the attempt polls, then fails to be retried later. Once the claim
 *   is older, or on the last attempt, the outcome is `in-doubt`: nothing is posted, and the caller says so.
 *   That residual window trades a possible missing report for never a second one.
 * - After the record: any re-run finds `delivered` and posts nothing.
 */
export async function deliverOnce(
  ledger: DeliveryLedger,
  key: DeliveryKey,
  post: () => Promise<PostedMessage>,
  options: DeliverOnceOptions,
): Promise<DeliveryOutcome> {
  const token = randomUUID();
  const started = Date.now();
  for (;;) {
    const claim = await ledger.claim(key, token);
    if (claim.state === 'delivered') return { status: 'already-delivered', messageId: claim.record.messageId };
    if (claim.state === 'claimed') {
      let message: PostedMessage;
      try {
        message = await post();
      } catch (error) {
        await ledger.release(key, token).catch(() => undefined);
        throw error;
      }
      await recordWithRetries(ledger, key, token, message, options.details);
      return { status: 'posted', messageId: message.id };
    }
    if (claim.ageMs >= options.leaseMs) return { status: 'in-doubt', claimAgeMs: claim.ageMs };
    if (Date.now() - started >= options.settleMs) {
      if (options.finalAttempt) return { status: 'in-doubt', claimAgeMs: claim.ageMs };
      throw new DeliveryPendingError(
        `Delivery ${key.id} was claimed ${claim.ageMs} ms ago by another attempt that has not finished; retrying later`,
      );
    }
    await sleep(options.pollMs ?? 200, options.signal);
  }
}

/** The post succeeded: recording it matters more than anything else now, so a Redis blip gets a few tries. */
async function recordWithRetries(
  ledger: DeliveryLedger,
  key: DeliveryKey,
  token: string,
  message: PostedMessage,
  details: Readonly<Record<string, string>> | undefined,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ledger.record(key, token, message, details);
      return;
    } catch (error) {
      // Still unrecorded after the last try: the claim stays, so no later attempt posts again (it sees "in doubt").
      if (attempt >= RECORD_TRIES) throw error;
      await sleep(100 * attempt);
    }
  }
}
