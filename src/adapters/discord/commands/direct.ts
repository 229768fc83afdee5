import { extractEntities } from '../../../bot/entities/extract.ts';
import { HANDLERS } from '../../../bot/handlers/registry.ts';
import type { Entities, Intent, Reply } from '../../../core/reply.ts';
import type { KnowledgeBase } from '../../../knowledge/index.ts';

/**
 * Runs one intent's handler on entities the user picked from typed options, skipping free-text parsing:
 * the options were already validated, so there is nothing to guess. Pure and synchronous.
 */
export function handlerReply(kb: KnowledgeBase, intent: Intent, question: string, entities: Entities): Reply {
  const extraction = extractEntities(kb, question);
  return HANDLERS[intent].handle({ kb, question, entities, extraction, classification: { intent, confidence: 1, missing: [] } });
}
