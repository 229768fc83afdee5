import type { IntentHandler } from './handler.ts';
import { answerWithAdvice } from './advice.ts';

export const knownIssueHandler: IntentHandler = {
  intent: 'known_issue',
  handle: ({ kb, question, entities }) => answerWithAdvice(kb, 'known_issue', question, entities, 'issue'),
};
