import type { KnowledgeBase } from '../knowledge/index.ts';
import type { ConversationContext } from './context.ts';
import { extractEntities } from './entities/extract.ts';
import { mergeWithContext } from './follow-up.ts';
import { CONFIDENCE_THRESHOLD, classify } from './intent/classify.ts';
import { HANDLERS } from './handlers/registry.ts';
import { decline } from './handlers/unknown.ts';
import type { Reply } from './reply.ts';
import { cleanQuestion } from './text.ts';

export interface Answer {
  readonly reply: Reply;
  readonly confidence: number;
  /** What to remember for the next message in this conversation, if anything. */
  readonly context?: ConversationContext;
}

/** Parses a question, routes it to its intent's handler, and answers from the KB. Pure and synchronous. */
export function answerQuestion(kb: KnowledgeBase, rawQuestion: string, context?: ConversationContext, now = Date.now()): Answer {
  const question = cleanQuestion(rawQuestion);
  const extraction = extractEntities(kb, question);
  const entities = mergeWithContext(question, extraction, context);
  const classification = classify(question, extraction, entities);
  const input = { kb, question, entities, extraction, classification };
  const reply = classification.intent !== 'unknown' && classification.confidence >= CONFIDENCE_THRESHOLD
    ? HANDLERS[classification.intent].handle(input)
    : classification.missing.includes('distro')
      ? HANDLERS[classification.intent].handle(input)
      : decline(input);
  const remember = reply.entities.distro !== undefined || reply.entities.feature !== undefined;
  return {
    reply,
    confidence: classification.confidence,
    context: remember ? { intent: reply.intent, entities: reply.entities, question: question.slice(0, 200), at: now } : undefined,
  };
}
