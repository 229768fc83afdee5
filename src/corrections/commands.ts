import type { ReplyTarget } from '../core/delivery.ts';
import type { AnswerLedger } from './ledger.ts';

export const CORRECTIONS_USAGE = 'corrections on | off | status';

/**
 * `/lis corrections on|off|status` for a channel: the same rule as digest subscriptions, only people who
 * manage the channel (or lisbot admins) may change it; anyone may ask its status. Returns the text to show.
 */
export async function correctionsCommand(
  ledger: AnswerLedger | undefined,
  words: readonly string[],
  target: Pick<ReplyTarget, 'platform' | 'channel'>,
  canManageChannel: boolean,
): Promise<string> {
  if (!ledger) return 'Corrections are not available on this lisbot.';
  const action = (words[0] ?? 'status').toLowerCase();
  if (action === 'status') {
    return (await ledger.correctionsOn(target))
      ? 'Corrections are on here: when the knowledge base changes an answer I gave in this channel, I post one short correction in its thread.'
      : 'Corrections are off here. Someone who manages this channel can turn them on with "corrections on".';
  }
  if (action !== 'on' && action !== 'off') return `Use: ${CORRECTIONS_USAGE}.`;
  if (!canManageChannel) return 'Only people who manage this channel (or lisbot admins) can turn corrections on or off.';
  await ledger.setCorrections(target, action === 'on');
  return action === 'on'
    ? 'Corrections are on: when a knowledge-base update changes an answer I gave here, I will post one short correction in its thread.'
    : 'Corrections are off for this channel.';
}
