import type { ConversationContext } from '../core/context-store.ts';
import { STOPWORDS } from './entities/tokens.ts';
import type { Extraction } from './entities/extract.ts';
import { CUES, matchesAny } from './intent/cues.ts';
import type { Label } from './intent/labels.ts';
import type { Entities } from '../core/reply.ts';

const SHORT_FOLLOW_UP_TOKENS = 7;
const CARRIED_INTENTS = new Set(['distro_support', 'feature_support', 'feature_info']);
const VERSION_TOKEN = /^\d{1,4}(?:\.\d{1,2}){0,2}$/;
const OS_WORDS = new Set(['linux', 'os', 'bsd', 'distro', 'distribution']);

/** "is arch linux supported?", "what about mint 20?": a name we do not know stands where a distribution would. */
export function namesUnknownDistro(extraction: Extraction): boolean {
  if (extraction.entities.distro) return false;
  const leftovers = new Set(extraction.leftovers);
  return extraction.tokens.some((token, i) => {
    const next = extraction.tokens[i + 1];
    return leftovers.has(token) && !STOPWORDS.has(token) && next !== undefined && (OS_WORDS.has(next) || VERSION_TOKEN.test(next));
  });
}

/** "7.9" after "which CentOS release do you mean?": a bare release completes the question that asked for it. */
export function answersAwaitedRelease(extraction: Extraction, context: ConversationContext | undefined): boolean {
  const own = extraction.entities;
  return (
    context?.awaiting === 'release' &&
    own.version !== undefined &&
    // "18.04" reads as Ubuntu 18.04 by itself: the same distribution still answers the question.
    (!own.distro || own.distro === context.entities.distro) &&
    extraction.tokens.length <= SHORT_FOLLOW_UP_TOKENS
  );
}

/**
 * Fills what a follow-up leaves out from the conversation's last question. A follow-up ("and on 2016?",
 * "what about sles 12?") keeps whatever it does not replace, its as-of date too. A question naming its own distribution starts
 * afresh: the old feature and host go. A name we do not know never falls back to the previous distribution.
 * The answer to "which distribution?" completes the question that asked it.
 */
export function mergeWithContext(text: string, extraction: Extraction, context: ConversationContext | undefined, label: Label): Entities {
  const own = extraction.entities;
  if (!context || namesUnknownDistro(extraction)) return own;
  if (answersAwaitedRelease(extraction, context)) return { ...context.entities, ...own };
  if (context.awaiting === 'distro' && own.distro) {
    const { distro: _d, version: _v, kernel: _k, ...kept } = context.entities;
    return { ...kept, ...own };
  }
  if (!CARRIED_INTENTS.has(context.intent) || (label !== 'support' && label !== 'feature_info')) return own;
  const marked = matchesAny(text, CUES.followUp);
  if (label === 'feature_info' && !marked) return own;
  if (own.distro && !marked) return own;
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
  if (!own.host && context.entities.host) merged.host = context.entities.host;
  // "as of 2019?" then "and on 2016?": the follow-up is asked of the same date.
  if (!own.asOf && context.entities.asOf) merged.asOf = context.entities.asOf;
  if (marked && merged.distro === context.entities.distro) {
    if (!own.lis && context.entities.lis) merged.lis = context.entities.lis;
    if (!own.uek && context.entities.uek) merged.uek = context.entities.uek;
    if (!own.arch && context.entities.arch) merged.arch = context.entities.arch;
  }
  return merged;
}
