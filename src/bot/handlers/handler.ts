import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Extraction } from '../entities/extract.ts';
import type { Classification } from '../intent/classify.ts';
import type { Entities, Intent, Reply } from '../../core/reply.ts';

export interface HandlerInput {
  readonly kb: KnowledgeBase;
  readonly question: string;
  readonly entities: Entities;
  readonly extraction: Extraction;
  readonly classification: Classification;
  /** Collector output pasted into the message, with its line breaks (the question has none). */
  readonly pasted?: string;
}

/** One intent's answer. Pure: everything it needs is in the input. */
export interface IntentHandler {
  readonly intent: Intent;
  handle(input: HandlerInput): Reply;
}
