import type { KnowledgeBase } from '../knowledge/index.ts';
import type { ConversationContext } from '../core/context-store.ts';
import { extractEntities } from './entities/extract.ts';
import { readAskedSentence, withAskedEntities } from './entities/asked-entities.ts';
import { answersAwaitedRelease, mergeWithContext, namesUnknownDistro } from './follow-up.ts';
import { CONFIDENCE_THRESHOLD, classify, readQuestion } from './intent/classify.ts';
import { HANDLERS } from './handlers/registry.ts';
import { decline } from './handlers/unknown.ts';
import { unknownDistroReply } from './handlers/unknown-distro.ts';
import type { Reply } from '../core/reply.ts';
import { knowledgeAsOf } from '../knowledge/as-of.ts';
import { withAsOfHeadline } from './as-of-answer.ts';
import { pastedOutputToCheck } from './pasted-output.ts';
import { questionLines, questionText } from './question-text.ts';
import { withCommonTyposFixed } from './typos.ts';
import { adviceFeature } from './entities/feature-choice.ts';
import type { Intent } from '../core/reply.ts';

const ADVICE_INTENTS: ReadonlySet<Intent> = new Set(['known_issue', 'tip']);

/** What a reply to lisbot's own question is worth: the user answered what was asked. */
const AWAITED_ANSWER_PROBABILITY = 0.9;

export interface Answer {
  readonly reply: Reply;
  readonly confidence: number;
  /** What to remember for the next message in this conversation: always set, so a new question replaces the old. */
  readonly context?: ConversationContext;
}

/** Parses a question, routes it to its intent's handler, and answers from the KB (as of a date, when asked). Pure and synchronous. */
export function answerQuestion(
  kb: KnowledgeBase,
  rawQuestion: string,
  context?: ConversationContext,
  now = Date.now(),
  options: { asOf?: string } = {},
): Answer {
  const question = questionText(kb, rawQuestion);
  // The asking sentence is read once: the classifier hears it, and its names decide the entities of a long message.
  const asked = readAskedSentence(kb, questionLines(question, rawQuestion));
  const extraction = withAskedEntities(
    question,
    extractEntities(kb, question),
    asked,
    (clause) => extractEntities(kb, clause, { fuzzy: false }).entities,
  );
  const heard = readQuestion(kb, question, extraction, asked, rawQuestion);
  // The release asked for completes a support question, whatever the classifier makes of a bare number.
  const reading = answersAwaitedRelease(extraction, context)
    ? { ...heard, label: 'support' as const, probability: AWAITED_ANSWER_PROBABILITY, scope: { inScope: true, reason: 'entity' as const } }
    : heard;
  const merged = mergeWithContext(question, extraction, context, reading.label);
  const classification = classify(reading, extraction, merged);
  const advised = ADVICE_INTENTS.has(classification.intent) ? adviceFeature(merged.feature, extraction.features) : merged.feature;
  const entities = advised === merged.feature ? merged : { ...merged, feature: advised! };
  const asOf = options.asOf ?? entities.asOf;
  const view = asOf ? knowledgeAsOf(kb, asOf) : kb;
  const pasted = classification.intent === 'guest_check' ? pastedOutputToCheck(rawQuestion) : undefined;
  const input = {
    kb: view,
    // Handlers match topic words ("download", "install"); the classifier has learnt from the words as typed.
    question: withCommonTyposFixed(question),
    entities: asOf ? { ...entities, asOf } : entities,
    extraction,
    classification,
    ...(pasted ? { pasted } : {}),
  };
  const unknownDistro = reading.label === 'support' && !entities.distro && namesUnknownDistro(extraction);
  const confident = classification.intent !== 'unknown' && classification.confidence >= CONFIDENCE_THRESHOLD;
  const handled = unknownDistro
    ? unknownDistroReply(input)
    : confident || (classification.intent !== 'unknown' && classification.missing.includes('distro'))
      ? HANDLERS[classification.intent].handle(input)
      : decline(input);
  const reply = asOf && handled.answered ? withAsOfHeadline(handled, view, asOf) : handled;
  const awaiting =
    !reply.answered && classification.missing.includes('distro') && !unknownDistro
      ? { awaiting: 'distro' as const }
      : !reply.answered && reply.intent === 'feature_support' && reply.entities.distro && !reply.entities.version
        ? { awaiting: 'release' as const }
        : {};
  return {
    reply,
    confidence: classification.confidence,
    context: { intent: reply.intent, entities: reply.entities, question: question.slice(0, 200), at: now, ...awaiting },
  };
}
