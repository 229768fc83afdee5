import { hashUser, type FeedbackStore } from '../core/feedback-store.ts';
import type { AnsweredMessage, IncomingMessage } from './bot.ts';

/**
 * An answer hook that keeps every question lisbot declined or only clarified, with the user hashed:
 * material for new evaluation cases (`lisbot feedback export`). The one place this is recorded, on every platform.
 */
export function declinedRecorder(
  feedback: FeedbackStore,
  onError: (error: unknown) => void = () => undefined,
): (message: IncomingMessage, answer: AnsweredMessage) => void {
  return (message, answer) => {
    if (answer.reply.answered) return;
    const platform = message.platform ?? 'unknown';
    feedback
      .add({
        kind: 'declined',
        question: message.text.slice(0, 1000),
        intent: answer.reply.intent,
        sources: answer.reply.sources.map((s) => s.id),
        platform,
        userHash: hashUser(platform, message.user),
        at: new Date().toISOString(),
      })
      .catch(onError);
  };
}
