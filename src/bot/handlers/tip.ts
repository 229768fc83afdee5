import type { IntentHandler } from './handler.ts';
import { answerWithAdvice } from './advice.ts';

export const tipHandler: IntentHandler = {
  intent: 'tip',
  handle: ({ kb, question, entities }) => answerWithAdvice(kb, 'tip', question, entities, 'tip'),
};
