import type { ConversationContext } from '../core/context-store.ts';
import type { Extraction } from './entities/extract.ts';
import { CUES, matchesAny } from './intent/cues.ts';
import type { Entities } from '../core/reply.ts';

const SHORT_FOLLOW_UP_TOKENS = 7;
const CARRIED_INTENTS = new Set(['distro_support', 'feature_support', 'feature_info']);

/**
 * Fills what a follow-up leaves out from the conversation's last question: "and on 2012?" keeps the
 * distro and feature; "what about sles 12?" keeps the feature. A question that names both stands alone.
 */
export function mergeWithContext(text: string, extraction: Extraction, context: ConversationContext | undefined): Entities {
  const own = extraction.entities;
  if (!context || !CARRIED_INTENTS.has(context.intent)) return own;
  const lower = text.toLowerCase();
  if (matchesAny(lower, CUES.featureInfo) || matchesAny(lower, CUES.outOfScope) || matchesAny(lower, CUES.help)) return own;
  const marked = matchesAny(lower, CUES.followUp);
  const short = extraction.tokens.length <= SHORT_FOLLOW_UP_TOKENS;
  if (!marked && !short) return own;
  const merged: Entities = { ...own };
  if (!own.distro && context.entities.distro) {
    merged.distro = context.entities.distro;
    // "what about 20.04?" names a new version of the same distro; only carry the old one when none is given.
    if (!own.version && context.entities.version) merged.version = context.entities.version;
    if (context.entities.kernel && !own.kernel) merged.kernel = context.entities.kernel;
  }
  if (!own.feature && context.entities.feature && (marked || extraction.tokens.length <= 4)) merged.feature = context.entities.feature;
  if (!own.host && context.entities.host && (own.distro || own.feature || own.version)) merged.host = context.entities.host;
  return merged;
}
