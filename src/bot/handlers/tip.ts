import type { IntentHandler } from './handler.ts';
import { answerWithAdvice } from './advice.ts';

export const tipHandler: IntentHandler = {
  intent: 'tip',
  handle: ({ kb, question, entities, extraction }) =>
    answerWithAdvice(kb, 'tip', question, entities, 'tip', extraction.searchText, extraction.shape),
};
