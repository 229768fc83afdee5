import { reply, type Reply } from '../../core/reply.ts';
import type { HandlerInput, IntentHandler } from './handler.ts';
import { HELP_EXAMPLES } from './help.ts';

/** Declines plainly, says what it can answer, and offers the close readings it found. */
export function decline(input: HandlerInput): Reply {
  const choices = input.extraction.fuzzy
    .slice(0, 5)
    .map((f) => ({ kind: 'choose' as const, label: `Did you mean "${f.phrase}"?`, value: f.phrase }));
  return reply({
    intent: input.classification.intent === 'unknown' ? 'unknown' : input.classification.intent,
    entities: input.entities,
    answered: false,
    title: 'Outside what I know',
    text: `I can't answer that. I know about Linux and FreeBSD guests on Hyper-V: supported distributions, integration services, features per host, known issues and tips. Try for example "${HELP_EXAMPLES[0]}" or "${HELP_EXAMPLES[2]}".`,
    actions: choices,
  });
}

export const unknownHandler: IntentHandler = { intent: 'unknown', handle: decline };
