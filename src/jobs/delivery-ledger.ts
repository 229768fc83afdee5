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
  /**
   * Another attempt (`holder`, its token) claimed the delivery `ageMs` ago and has not recorded or released it.
   * `alive`: that attempt still beats (it is posting now); a claim that stopped beating belongs to an attempt that
   * died, so no post of its can still be in flight.
   */
  | { readonly state: 'in-doubt'; readonly ageMs: number; readonly holder: string; readonly alive: boolean };

/**
 * Remembers which deliveries happened, so a retried or re-run job never posts twice. Two markers per delivery:
 * - `posting` (claim): written with SET NX before the post, holding the claiming attempt's token;
 * - `delivered` (record): written with SET NX and a TTL after the post succeeded, holding the message id.
 * A failed post releases its claim, so a retry may post. A claim that is neither recorded nor released means an
 * attempt died or lost Redis between claiming and recording: whether its post reached the platform is unknown
 * until someone asks the platform. While it posts, the claimant beats (a short-lived marker it renews), so a
 * later attempt can tell an attempt still posting from a dead one.
 */
export interface DeliveryLedger {
  /** Claims with a heartbeat that lasts `beatTtlMs` unless `beat` renews it. */
  claim(key: DeliveryKey, token: string, beatTtlMs?: number): Promise<DeliveryClaim>;
  /** The claimant is still posting: renews its heartbeat. */
  beat(key: DeliveryKey, token: string, beatTtlMs: number): Promise<void>;
  /** Replaces the claim of `holder`, an attempt that stopped beating, with this attempt's; false if it changed meanwhile. */
  takeOver(key: DeliveryKey, holder: string, token: string, beatTtlMs?: number): Promise<boolean>;
  record(key: DeliveryKey, token: string, message: PostedMessage, details?: Readonly<Record<string, string>>): Promise<void>;
  release(key: DeliveryKey, token: string): Promise<void>;
  lookup(key: DeliveryKey): Promise<DeliveryRecord | undefined>;
}

export type DeliveryOutcome =
  | { readonly status: 'posted'; readonly messageId: string }
  | { readonly status: 'already-delivered'; readonly messageId: string }
  /** A dead attempt's post was found on the platform (and is now recorded); nothing was posted now. */
  | { readonly status: 'found'; readonly messageId: string }
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
  /**
   * Asks the platform for this delivery's message, posted at or after `sinceMs`. With it, a claim left by a dead
   * attempt is settled: found, it is recorded; not found, this attempt posts. Without it, such a claim ends
   * in-doubt once older than `leaseMs`.
   */
  readonly find?: (sinceMs: number) => Promise<PostedMessage | undefined>;
  /** How long a claimant's heartbeat lasts without renewal (it renews every third of it). */
  readonly beatTtlMs?: number;
}

const RECORD_TRIES = 3;
export const DEFAULT_BEAT_TTL_MS = 4_000;
/** Posts reach the platform with some delay, and clocks differ: look this far before the claim. */
const FIND_SLACK_MS = 60_000;

/** The marker a delivery's message carries (see PostOptions.marker): the job id and its incarnation. */
export function deliveryMarker(key: DeliveryKey): string {
  return `${key.id}/${key.instance}`;
}

/**
 * Posts at most once per delivery key, and exactly once when the platform can be asked (`find`):
 *
 *   claim (SET NX posting, beat) ─► post to the platform (beating) ─► record (SET NX delivered, DEL posting)
 *
 * - A crash or retry before the claim: nothing was posted; the next attempt claims and posts.
 * - The post fails (the platform answered with an error, or the network failed): the claim is released and the
 *   error thrown; the retry posts. If the platform did create the message but its answer was lost, this is
 *   the one way to get two posts, the same as the platform SDK's own retries.
 * - A crash (or Redis loss) after the claim, before the record: the claim stays and stops beating. A later
 *   attempt takes the claim over and asks the platform: the message is there (recorded, `found`) or it is not
 *   (posted now). No post of the dead attempt can arrive later: it stopped beating, so it is not running.
 * - A claim that still beats belongs to an attempt still posting (one that timed out keeps running in the
 *   background): the attempt polls, then fails to be retried later; the last attempt waits for it to settle.
 * - Without `find`, a claim older than `leaseMs` (or on the last attempt) ends `in-doubt`: nothing is posted, and
 *   the caller says so. That trades a possible missing report for never a second one.
 * - After the record: any re-run finds `delivered` and posts nothing.
 */
export async function deliverOnce(
  ledger: DeliveryLedger,
  key: DeliveryKey,
  post: () => Promise<PostedMessage>,
  options: DeliverOnceOptions,
): Promise<DeliveryOutcome> {
  const token = randomUUID();
  const beatTtlMs = options.beatTtlMs ?? DEFAULT_BEAT_TTL_MS;
  const started = Date.now();
  for (;;) {
    const claim = await ledger.claim(key, token, beatTtlMs);
    if (claim.state === 'delivered') return { status: 'already-delivered', messageId: claim.record.messageId };
    if (claim.state === 'claimed') {
      const message = await postBeating(ledger, key, token, beatTtlMs, post);
      await recordWithRetries(ledger, key, token, message, options.details);
      return { status: 'posted', messageId: message.id };
    }
    if (!claim.alive && options.find) {
      if (!(await ledger.takeOver(key, claim.holder, token, beatTtlMs))) continue;
      // Ours now, and nobody else's post can be in flight. A failed look keeps the claim: the retry looks again.
      const since = Date.now() - claim.ageMs - FIND_SLACK_MS;
      const found = await whileBeating(ledger, key, token, beatTtlMs, () => options.find!(since));
      if (found) {
        await recordWithRetries(ledger, key, token, found, options.details);
        return { status: 'found', messageId: found.id };
      }
      const message = await postBeating(ledger, key, token, beatTtlMs, post);
      await recordWithRetries(ledger, key, token, message, options.details);
      return { status: 'posted', messageId: message.id };
    }
    if (claim.ageMs >= options.leaseMs) return { status: 'in-doubt', claimAgeMs: claim.ageMs };
    // The last attempt that can settle the claim itself waits for the claimant to finish or die.
    const waitOut = options.finalAttempt && options.find !== undefined;
    if (Date.now() - started >= options.settleMs && !waitOut) {
      if (options.finalAttempt) return { status: 'in-doubt', claimAgeMs: claim.ageMs };
      throw new DeliveryPendingError(
        `Delivery ${key.id} was claimed ${claim.ageMs} ms ago by another attempt that has not finished; retrying later`,
      );
    }
    await sleep(options.pollMs ?? 200, options.signal);
  }
}

/** Runs `work` while renewing the claim's heartbeat, so no other attempt takes the claim over meanwhile. */
async function whileBeating<T>(
  ledger: DeliveryLedger,
  key: DeliveryKey,
  token: string,
  beatTtlMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const timer = setInterval(() => void ledger.beat(key, token, beatTtlMs).catch(() => undefined), Math.max(10, beatTtlMs / 3));
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/** Posts while beating; a failed post releases the claim. */
async function postBeating(
  ledger: DeliveryLedger,
  key: DeliveryKey,
  token: string,
  beatTtlMs: number,
  post: () => Promise<PostedMessage>,
): Promise<PostedMessage> {
  try {
    return await whileBeating(ledger, key, token, beatTtlMs, post);
  } catch (error) {
    await ledger.release(key, token).catch(() => undefined);
    throw error;
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
