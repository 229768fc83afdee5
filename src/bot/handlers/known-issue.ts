import type { IntentHandler } from './handler.ts';
import { answerWithAdvice } from './advice.ts';
import { normalLogLineReply } from './normal-log-line.ts';

export const knownIssueHandler: IntentHandler = {
  intent: 'known_issue',
  handle: (input) =>
    input.classification.normalLogLine
      ? normalLogLineReply(input)
      : answerWithAdvice(input.kb, 'known_issue', input.question, input.entities, 'issue', input.extraction.searchText),
};
