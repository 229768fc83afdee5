import type { KnowledgeBase } from '../knowledge/index.ts';
import type { ConversationContext } from '../core/context-store.ts';
import { extractEntities } from './entities/extract.ts';
import { mergeWithContext, namesUnknownDistro } from './follow-up.ts';
import { CONFIDENCE_THRESHOLD, classify, readQuestion } from './intent/classify.ts';
import { HANDLERS } from './handlers/registry.ts';
import { decline } from './handlers/unknown.ts';
import { unknownDistroReply } from './handlers/unknown-distro.ts';
import type { Reply } from '../core/reply.ts';
import { cleanQuestion, withoutChatMarkup } from './text.ts';
import { knowledgeAsOf } from '../knowledge/as-of.ts';
import { withAsOfHeadline } from './as-of-answer.ts';
import { withoutDecoration } from './decoration.ts';
import { pastedCollectorOutput } from './pasted-output.ts';
import { CUES, matchesAny } from './intent/cues.ts';
import { domainTermIn, paddedKey } from './intent/scope.ts';

export interface Answer {
  readonly reply: Reply;
  readonly confidence: number;
  /** What to remember for the next message in this conversation: always set, so a new question replaces the old. */
  readonly context?: ConversationContext;
}

/** Whether a piece of a message names anything of lisbot's domain: a KB name, a host, a domain term or a log line. */
function namesSomething(kb: KnowledgeBase, text: string): boolean {
  const plain = withoutChatMarkup(text) || text;
  const extraction = extractEntities(kb, plain, { fuzzy: false });
  return (
    extraction.distros.length + extraction.features.length + extraction.hosts.length + extraction.lisReleases.length > 0 ||
    extraction.entities.kernel !== undefined ||
    matchesAny(plain, CUES.logLine) ||
    domainTermIn(paddedKey(plain)) !== undefined
  );
}

/** Parses a question, routes it to its intent's handler, and answers from the KB (as of a date, when asked). Pure and synchronous. */
export function answerQuestion(
  kb: KnowledgeBase,
  rawQuestion: string,
  context?: ConversationContext,
  now = Date.now(),
  options: { asOf?: string } = {},
): Answer {
  const cleaned = withoutDecoration(cleanQuestion(rawQuestion), (text) => namesSomething(kb, text));
  const question = withoutChatMarkup(cleaned) || cleaned;
  const extraction = extractEntities(kb, question);
  const reading = readQuestion(kb, question, extraction);
  const entities = mergeWithContext(question, extraction, context, reading.label);
  const classification = classify(reading, extraction, entities);
  const asOf = options.asOf ?? entities.asOf;
  const view = asOf ? knowledgeAsOf(kb, asOf) : kb;
  const pasted = classification.intent === 'guest_check' ? pastedCollectorOutput(rawQuestion) : undefined;
  const input = {
    kb: view,
    question,
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
  const awaiting = !reply.answered && classification.missing.includes('distro') && !unknownDistro ? { awaiting: 'distro' as const } : {};
  return {
    reply,
    confidence: classification.confidence,
    context: { intent: reply.intent, entities: reply.entities, question: question.slice(0, 200), at: now, ...awaiting },
  };
}
