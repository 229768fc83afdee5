import { hashUser } from '../../../../core/feedback-store.ts';
import { claimOnce } from '../../dedupe.ts';
import type { SlackDeps } from '../../deps.ts';
import { renderNotice } from '../../render/reply-blocks.ts';
import { decodeFeedback, feedbackQuestion } from '../../render/values.ts';
import { handleButton, type ButtonArgs } from './shared.ts';

const VOTE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** 👍/👎 on an answer: recorded with the question and the answer's sources, once per person and message. */
export function onFeedback(deps: SlackDeps, args: ButtonArgs, kind: 'up' | 'down'): Promise<void> {
  return handleButton(deps, args, async (place) => {
    const value = decodeFeedback(args.action.value);
    if (!value) return;
    const vote = `slack:feedback:${place.channel ?? '-'}:${place.messageTs ?? args.body.trigger_id}:${place.user}`;
    const first = await claimOnce(deps, vote, VOTE_TTL_MS);
    if (first) {
      await deps.feedback.add({
        kind,
        question: await feedbackQuestion(value, deps.refs),
        intent: value.i,
        sources: value.s,
        platform: 'slack',
        userHash: hashUser('slack', place.user),
        at: new Date().toISOString(),
      });
    }
    const thanks = first
      ? kind === 'up'
        ? 'Thanks! Glad it helped.'
        : 'Thanks for telling me. The answer and its sources were noted for review.'
      : 'You already rated this answer.';
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice(thanks) });
  });
}
