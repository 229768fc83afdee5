import type { KnowledgeBase } from '../knowledge/index.ts';
import type { ConversationContext } from '../core/context-store.ts';
import { extractEntities } from './entities/extract.ts';
import { mergeWithContext } from './follow-up.ts';
import { CONFIDENCE_THRESHOLD, classify, type Classification } from './intent/classify.ts';
import { searchAdvice } from '../knowledge/query/search.ts';
import { HANDLERS } from './handlers/registry.ts';
import { decline } from './handlers/unknown.ts';
import type { Entities, Reply } from '../core/reply.ts';
import { cleanQuestion } from './text.ts';

/** Below this, with two shared words, a question with no other cue is read as asking for that advice. */
const STRONG_ADVICE_SCORE = 0.45;

/**
 * A question with no cue at all ("static mac for clustering?") may still name a known issue or tip
 * outright; out-of-scope questions never reach here, as they carry a cue.
 */
function adviceFallback(kb: KnowledgeBase, question: string, entities: Entities, classification: Classification): Classification {
  if (classification.intent !== 'unknown' || classification.confidence > 0) return classification;
  const best = searchAdvice(kb, question, { family: entities.distro })[0];
  if (!best || best.score > STRONG_ADVICE_SCORE || (best.overlap < 2 && !best.bySignature)) return classification;
  return { intent: best.advice.kind === 'issue' ? 'known_issue' : 'tip', confidence: 0.6, missing: [] };
}

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
  const classification = adviceFallback(kb, question, entities, classify(question, extraction, entities));
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
