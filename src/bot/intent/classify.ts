import type { Entities, Intent } from '../../core/reply.ts';
import type { Extraction } from '../entities/extract.ts';
import { allowedTypos, editDistance } from '../../knowledge/edit-distance.ts';
import { CUES, OUT_OF_SCOPE_WORDS, matchesAny } from './cues.ts';

function namesOtherProduct(tokens: readonly string[]): boolean {
  return tokens.some((t) => t.length >= 5 && OUT_OF_SCOPE_WORDS.some((w) => editDistance(t, w, 2) <= allowedTypos(w.length)));
}

export interface Classification {
  readonly intent: Intent;
  /** 0..1: how sure we are of the intent and the entities it needs. */
  readonly confidence: number;
  /** What the handler needs but the question (and context) did not give. */
  readonly missing: ReadonlyArray<'distro' | 'feature'>;
}

export const CONFIDENCE_THRESHOLD = 0.5;

function entityConfidence(extraction: Extraction, kinds: ReadonlyArray<'distro' | 'feature'>): number {
  const fuzzy = extraction.fuzzy.filter((f) => kinds.includes(f.entry.kind as 'distro' | 'feature'));
  if (fuzzy.length === 0) return 0.95;
  return Math.max(0.55, 0.9 - Math.max(...fuzzy.map((f) => f.score)));
}

/**
 * Decides the intent from cue phrases and the entities found. Order matters: explicit requests
 * (help, digest, check, LIS version) first, then problems, advice, and finally support questions.
 */
export function classify(text: string, extraction: Extraction, entities: Entities): Classification {
  const lower = text.toLowerCase();
  const { distro, feature } = entities;
  const named = (extraction.distros.length > 0 ? 1 : 0) + (extraction.features.length > 0 ? 1 : 0) + (extraction.hosts.length > 0 ? 1 : 0);

  if (lower.trim().length === 0) return { intent: 'unknown', confidence: 0, missing: [] };
  if (matchesAny(lower, CUES.help) && named === 0) return { intent: 'help', confidence: 0.95, missing: [] };
  if (matchesAny(lower, CUES.digest)) return { intent: 'digest', confidence: 0.9, missing: [] };
  if (matchesAny(lower, CUES.guestCheck)) return { intent: 'guest_check', confidence: 0.9, missing: [] };
  if (matchesAny(lower, CUES.lisVersion)) return { intent: 'lis_version', confidence: 0.9, missing: [] };

  const outOfScope = matchesAny(lower, CUES.outOfScope) || namesOtherProduct(extraction.tokens);
  if (outOfScope && !matchesAny(lower, CUES.logLine)) return { intent: 'unknown', confidence: 0.9, missing: [] };

  if (matchesAny(text, CUES.logLine) && !matchesAny(lower, CUES.tip)) return { intent: 'known_issue', confidence: 0.9, missing: [] };
  const problem = matchesAny(lower, CUES.problem);
  const tip = matchesAny(lower, CUES.tip);
  if (problem && !(tip && !/\b(fail|error|crash|hang|stuck|panic)/.test(lower))) {
    return { intent: 'known_issue', confidence: named > 0 ? 0.85 : 0.7, missing: [] };
  }
  if (tip) return { intent: 'tip', confidence: named > 0 ? 0.85 : 0.75, missing: [] };

  const howTo = matchesAny(lower, CUES.howTo);
  if (howTo && !(feature && distro && matchesAny(lower, CUES.supportQuestion)) && !matchesAny(lower, CUES.featureInfo)) {
    return { intent: 'tip', confidence: 0.7, missing: [] };
  }
  if (feature && distro) return { intent: 'feature_support', confidence: entityConfidence(extraction, ['distro', 'feature']), missing: [] };
  if (feature) {
    if (matchesAny(lower, CUES.featureInfo)) return { intent: 'feature_info', confidence: 0.9, missing: [] };
    // "does it support trim?" is about some guest we were not told; "trim?" asks what TRIM is and who has it.
    if (matchesAny(lower, CUES.supportQuestion) || extraction.hosts.length > 0 || extraction.looseVersion) {
      return { intent: 'feature_support', confidence: 0.3, missing: ['distro'] };
    }
    return { intent: 'feature_info', confidence: entityConfidence(extraction, ['feature']) * 0.9, missing: [] };
  }
  if (distro) return { intent: 'distro_support', confidence: entityConfidence(extraction, ['distro']), missing: [] };
  const asksSupport = matchesAny(lower, CUES.supportWords) || matchesAny(lower, CUES.supportQuestion);
  if (asksSupport && (extraction.hosts.length > 0 || extraction.looseVersion || extraction.tokens.length <= 6)) {
    return { intent: 'distro_support', confidence: 0.3, missing: ['distro'] };
  }
  return { intent: 'unknown', confidence: 0, missing: [] };
}
