import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge-base.ts';
import type { Applicability, DistroId, FeatureId, KnownIssue, Tip } from '../schema/index.ts';

export type AdviceRecord = { kind: 'issue'; record: KnownIssue } | { kind: 'tip'; record: Tip };

export interface AdviceHit {
  readonly advice: AdviceRecord;
  /** 0 is a perfect match, 1 no match; a log-line signature match scores 0. */
  readonly score: number;
  readonly bySignature: boolean;
}

export interface AdviceFilter {
  readonly kind?: 'issue' | 'tip';
  readonly family?: DistroId;
  readonly feature?: FeatureId;
}

interface SearchDoc {
  readonly advice: AdviceRecord;
  readonly title: string;
  readonly keywords: readonly string[];
  readonly summary: string;
  readonly signatures: readonly RegExp[];
}

const indexes = new WeakMap<KnowledgeBase, SearchDoc[]>();

function docsOf(kb: KnowledgeBase): SearchDoc[] {
  let docs = indexes.get(kb);
  if (!docs) {
    docs = [
      ...kb.knownIssues.map((record) => ({
        advice: { kind: 'issue' as const, record },
        title: record.title,
        keywords: record.keywords,
        summary: record.symptoms.join(' ').slice(0, 200),
        signatures: record.signatures.map((s) => new RegExp(s, 'i')),
      })),
      ...kb.tips.map((record) => ({
        advice: { kind: 'tip' as const, record },
        title: record.title,
        keywords: record.keywords,
        summary: record.advice.slice(0, 200),
        signatures: [],
      })),
    ];
    indexes.set(kb, docs);
  }
  return docs;
}

function applies(scope: Applicability, filter: AdviceFilter): boolean {
  if (filter.family && scope.families && !scope.families.includes(filter.family)) return false;
  if (filter.feature && scope.features && !scope.features.includes(filter.feature)) return false;
  return true;
}

function scopeOf(advice: AdviceRecord): Applicability {
  return advice.kind === 'issue' ? advice.record.affects : advice.record.appliesTo;
}

/**
 * Finds known issues and tips for a symptom or topic. Log-line signatures match first; the rest is
 * fuzzy-ranked over short fields only, after filtering by the entities already parsed from the question.
 */
export function searchAdvice(kb: KnowledgeBase, text: string, filter: AdviceFilter = {}, limit = 5): AdviceHit[] {
  const candidates = docsOf(kb).filter((doc) => (!filter.kind || doc.advice.kind === filter.kind) && applies(scopeOf(doc.advice), filter));
  const query = text.slice(0, 500);
  const bySignature = candidates
    .filter((doc) => doc.signatures.some((signature) => signature.test(query)))
    .map((doc) => ({ advice: doc.advice, score: 0, bySignature: true }));
  const words = query.toLowerCase().replace(/[^a-z0-9_.\-/ ]+/g, ' ').split(/\s+/).filter((w) => w.length >= 3).slice(0, 12);
  if (words.length === 0) return bySignature.slice(0, limit);
  const fuse = new Fuse(candidates, {
    keys: [{ name: 'title', weight: 3 }, { name: 'keywords', weight: 3 }, { name: 'summary', weight: 1 }],
    includeScore: true,
    threshold: 0.4,
    ignoreLocation: true,
    useTokenSearch: true,
  });
  const fuzzy = fuse.search(words.join(' '), { limit: limit * 2 })
    .filter((hit) => !bySignature.some((s) => s.advice.record.id === hit.item.advice.record.id))
    .map((hit) => ({ advice: hit.item.advice, score: hit.score ?? 1, bySignature: false }));
  return [...bySignature, ...fuzzy].slice(0, limit);
}
