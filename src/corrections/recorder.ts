import { randomUUID } from 'node:crypto';
import type { AnsweredMessage, IncomingMessage } from '../bot/bot.ts';
import type { ReplyTarget } from '../core/delivery.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { answerRecord } from './correct.ts';
import type { AnswerLedger } from './ledger.ts';

const RECORDED_INTENTS = new Set(['distro_support', 'feature_support', 'lis_version']);
const SLACK_TS = /^\d{9,}\.\d{6}$/;

/**
 * Where an answer was posted, read from its conversation key: Slack's is team:channel:thread-or-user
 * (a thread ts, or a user in a DM or slash command), Discord's guild:channel:user.
 */
export function targetOfConversation(conversation: string): ReplyTarget | undefined {
  const [platform, team, channel, thread] = conversation.split(':');
  if (!channel) return undefined;
  if (platform === 'slack')
    return { platform, channel, ...(team && team !== 'T?' ? { team } : {}), ...(thread && SLACK_TS.test(thread) ? { thread } : {}) };
  if (platform === 'discord') return { platform, channel };
  return undefined;
}

/** The Bot's answer hook that keeps each posted verdict in the ledger, with the facts it rested on. */
export function answerRecorder(
  ledger: AnswerLedger,
  kb: () => KnowledgeBase,
  onError: (error: unknown) => void = () => undefined,
): (message: IncomingMessage, answer: AnsweredMessage) => void {
  return (message, answer) => {
    const { reply } = answer;
    if (!reply.answered || !reply.verdict || !RECORDED_INTENTS.has(reply.intent)) return;
    if (message.platform !== 'slack' && message.platform !== 'discord') return;
    const target = targetOfConversation(message.conversation);
    if (!target) return;
    ledger.record(answerRecord(kb(), target, message.text, reply, randomUUID())).catch(onError);
  };
}
