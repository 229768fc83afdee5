import { createHash } from 'node:crypto';
import { reply, type Reply } from '../../core/reply.ts';
import type { PostedMessage, ReplyTarget } from '../../core/delivery.ts';
import type { DeliveryOutcome } from '../delivery-ledger.ts';

export const GUEST_CHECK_QUEUE = 'guest-check';

/** What a guest-check job carries: a reference to the stored upload, never the upload itself. */
export interface GuestCheckJobData {
  /** The upload's SHA-256: its key in the upload store. */
  readonly upload: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly target: ReplyTarget;
  readonly user?: string;
  /** The adapter's "checking…" message, when it posted one first: updated as the check goes. */
  readonly progressMessage?: PostedMessage;
  /** Unique per submit. Tells this job from an earlier one with the same id, and a new add from a duplicate. */
  readonly requestId: string;
  readonly requestedAt: number;
}

export interface GuestCheckJobResult {
  readonly delivery: DeliveryOutcome['status'];
  readonly messageId?: string;
  readonly uploadExpired?: boolean;
}

/** Runs the check on an upload and renders its report. Injected, so the queue does not depend on the rules. */
export type CheckFunction = (content: Buffer) => Reply | Promise<Reply>;

/**
 * The job id: a hash of the upload's hash and the reply target, so the same file dropped twice in the same place
 * runs once, and the same file in two channels runs twice. Hex with a prefix: no ':' and never all digits.
 */
export function guestCheckJobId(uploadRef: string, target: ReplyTarget): string {
  const where = [target.platform, target.team ?? '', target.channel, target.thread ?? ''].join('\n');
  return `gc-${createHash('sha256').update(`${uploadRef}\n${where}`).digest('hex').slice(0, 40)}`;
}

/** The target as plain JSON with only its known fields: what rides in the job. */
export function plainTarget(target: ReplyTarget): ReplyTarget {
  return {
    platform: target.platform,
    channel: target.channel,
    ...(target.thread ? { thread: target.thread } : {}),
    ...(target.team ? { team: target.team } : {}),
    ...(target.interaction ? { interaction: target.interaction } : {}),
  };
}

function shown(fileName: string): string {
  const clean = [...fileName]
    .map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c))
    .join('')
    .trim();
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean || 'the upload';
}

export function uploadExpiredReply(fileName: string): Reply {
  return reply({
    intent: 'guest_check',
    answered: false,
    title: 'Upload expired',
    text: `The upload ${shown(fileName)} expired before it could be checked, please upload it again.`,
  });
}

export function checkFailedReply(fileName: string): Reply {
  return reply({
    intent: 'guest_check',
    answered: false,
    title: 'Check failed',
    text: `I could not check ${shown(fileName)}: the check itself failed. Please try again later, or run "lisbot check FILE" yourself.`,
  });
}

export function progressReply(fileName: string, attempt: number, maxAttempts: number): Reply {
  const retry = attempt > 1 ? ` (attempt ${attempt} of ${maxAttempts})` : '';
  return reply({ intent: 'guest_check', title: 'Checking…', text: `Checking ${shown(fileName)}…${retry}` });
}

export function doneReply(fileName: string, outcome: DeliveryOutcome, expired: boolean): Reply {
  if (outcome.status === 'in-doubt') {
    return reply({
      intent: 'guest_check',
      answered: false,
      title: 'Report not confirmed',
      text: `I checked ${shown(fileName)} but could not confirm that the report was posted. If it is not here, upload the file again.`,
    });
  }
  return reply({
    intent: 'guest_check',
    title: expired ? 'Upload expired' : 'Checked',
    text: expired
      ? `The upload ${shown(fileName)} expired before it could be checked.`
      : `Checked ${shown(fileName)}: the report is below.`,
  });
}
