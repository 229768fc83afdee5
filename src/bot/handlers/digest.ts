import { reply } from '../../core/reply.ts';
import type { IntentHandler } from './handler.ts';
import { matrixHistoryReply } from './matrix-history.ts';

/** About the digest itself (subscribing a channel, its schedule, sending one) rather than what changed. */
const ABOUT_SUBSCRIPTION =
  /\b(subscri\w*|unsubscri\w*|stop|pause|resume|mute|weekly|daily|monthly|channel|schedule\w*|cron|time ?zone|dm|direct message|remind\w*|go out|goes out|send|sent|post|posted|deliver\w*|next (?:one|digest|roundup|issue)|last digest|previous digest|opt (?:in|out)|turn (?:on|off)|sign (?:me )?up)\b|^\s*digest(?:\s+(?:list|preview|show|status|help))?\s*$/i;

export const digestHandler: IntentHandler = {
  intent: 'digest',
  handle: ({ kb, question, entities }) =>
    ABOUT_SUBSCRIPTION.test(question)
      ? reply({
          intent: 'digest',
          entities,
          title: 'Digest of newly supported distributions',
          text: 'A channel can get a digest of what changed in the support matrices: newly supported releases, features new on a host, new LIS releases and dropped releases. Use "/lis digest subscribe [weekly|daily] [families…] [hosts…]", "/lis digest unsubscribe", "/lis digest list" or "/lis digest preview [since DATE]". Only people who manage the channel can subscribe it.',
        })
      : matrixHistoryReply(kb, question, entities),
};
