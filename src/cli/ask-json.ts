import { renderPlainText } from '../adapters/console/render-plain.ts';
import type { Reply } from '../core/reply.ts';

/** The `ask --json` line other tools read. */
export interface AskJson {
  question: string;
  intent: Reply['intent'];
  answered: boolean;
  entities: Reply['entities'];
  verdict?: Reply['verdict'];
  integration?: Reply['integration'];
  text: string;
  sources: string[];
}

export function toAskJson(question: string, reply: Reply): AskJson {
  const json: AskJson = {
    question,
    intent: reply.intent,
    answered: reply.answered,
    entities: reply.entities,
    text: renderPlainText(reply),
    sources: reply.sources.map((s) => s.id),
  };
  const supportIntent = reply.intent === 'distro_support' || reply.intent === 'feature_support';
  if (supportIntent && reply.verdict) json.verdict = reply.verdict;
  if (reply.integration) json.integration = reply.integration;
  return json;
}
