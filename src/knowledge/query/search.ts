import Fuse from 'fuse.js';
import { withinOneEdit } from '../edit-distance.ts';
import type { KnowledgeBase } from '../knowledge-base.ts';
import type { Applicability, DistroId, FeatureId, KnownIssue, Tip } from '../schema/index.ts';

export type AdviceRecord = { kind: 'issue'; record: KnownIssue } | { kind: 'tip'; record: Tip };

export interface AdviceHit {
  readonly advice: AdviceRecord;
  /** 0 is a perfect match, 1 no match; a log-line signature match scores 0. */
  readonly score: number;
  readonly bySignature: boolean;
  /** Content words of the question found in the record's title, keywords or symptoms. */
  readonly overlap: number;
}

export interface AdviceFilter {
  readonly kind?: 'issue' | 'tip';
  readonly family?: DistroId;
  readonly feature?: FeatureId;
}

interface SearchDoc {
  readonly advice: AdviceRecord;
  readonly title: string;
  /** Keywords joined into one short field: one fuzzy match per word instead of one per keyword. */
  readonly keywords: string;
  readonly summary: string;
  readonly signatures: readonly RegExp[];
  /** Every content word of the short fields, for the overlap check. */
  readonly words: ReadonlySet<string>;
}

/** Families that share drivers and advice: a CentOS question may use a RHEL record. */
const FAMILY_GROUPS: readonly (readonly DistroId[])[] = [['rhel', 'centos', 'oracle-linux'], ['sles', 'opensuse']];
/** How many word-matched candidates fuse.js ranks per question. */
const MAX_RANKED = 12;
const NOISE = new Set('the and for with from that this have has not are was were but can cant wont does doesnt did after before when what which how why into onto over under about its linux guest guests host vm vms hyper server windows my our your on in of to a an is it be at or by as no yes do i we you'.split(' '));

function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9_.]+/g, ' ').split(' ').map((w) => w.replace(/^\.+|\.+$/g, '')).filter((w) => w.length >= 3 && !NOISE.has(w));
}

/** A light stem so "fails", "failed" and "failing" meet. */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '') || word;
}

interface AdviceIndex {
  readonly docs: readonly SearchDoc[];
  /** Stemmed content word → the documents that contain it. */
  readonly byWord: ReadonlyMap<string, readonly SearchDoc[]>;
  /** The same words bucketed by length, for the one-typo lookup. */
  readonly wordsByLength: ReadonlyMap<number, readonly string[]>;
}

const indexes = new WeakMap<KnowledgeBase, AdviceIndex>();

function indexOf(kb: KnowledgeBase): AdviceIndex {
  let index = indexes.get(kb);
  if (!index) {
    const doc = (advice: AdviceRecord, title: string, keywords: readonly string[], summary: string, signatures: readonly string[]): SearchDoc => ({
      advice, title, keywords: keywords.join(' ').slice(0, 160), summary, signatures: signatures.map((s) => new RegExp(s, 'i')),
      words: new Set(wordsOf(`${title} ${keywords.join(' ')} ${summary}`).map(stem)),
    });
    const docs = [
      ...kb.knownIssues.map((record) => doc({ kind: 'issue', record }, record.title, record.keywords, record.symptoms.join(' ').slice(0, 160), record.signatures)),
      ...kb.tips.map((record) => doc({ kind: 'tip', record }, record.title, record.keywords, record.advice.slice(0, 160), [])),
    ];
    const byWord = new Map<string, SearchDoc[]>();
    for (const d of docs) for (const word of d.words) byWord.set(word, [...(byWord.get(word) ?? []), d]);
    const wordsByLength = new Map<number, string[]>();
    for (const word of byWord.keys()) wordsByLength.set(word.length, [...(wordsByLength.get(word.length) ?? []), word]);
    index = { docs, byWord, wordsByLength };
    indexes.set(kb, index);
  }
  return index;
}

/** The index words a query word stands for: itself, or for long words anything one typo away. */
function matchingWords(index: AdviceIndex, word: string): string[] {
  if (index.byWord.has(word)) return [word];
  if (word.length < 6) return [];
  return [word.length - 1, word.length, word.length + 1].flatMap((n) => index.wordsByLength.get(n) ?? []).filter((w) => withinOneEdit(word, w));
}

function scopeOf(advice: AdviceRecord): Applicability {
  return advice.kind === 'issue' ? advice.record.affects : advice.record.appliesTo;
}

/** +1 when the record names the asked family (or its group), -1 when it names only other families, 0 when it says nothing. */
function familyFit(scope: Applicability, family: DistroId | undefined): number {
  if (!family || !scope.families?.length) return 0;
  if (scope.families.includes(family)) return 1;
  const group = FAMILY_GROUPS.find((g) => g.includes(family));
  return group && scope.families.some((f) => group.includes(f)) ? 0.5 : -1;
}

/**
 * Finds known issues and tips for a symptom or topic. Log-line signatures match first. fuse.js ranks
 * the rest over short fields only; the ranking is then adjusted by the distro and feature already parsed
 * from the question, and a hit must share at least one content word with the question.
 */
export function searchAdvice(kb: KnowledgeBase, text: string, filter: AdviceFilter = {}, limit = 5): AdviceHit[] {
  const index = indexOf(kb);
  const query = text.slice(0, 500);
  const queryWords = [...new Set(wordsOf(query).map(stem))].slice(0, 16);
  const eligible = (doc: SearchDoc) => (!filter.kind || doc.advice.kind === filter.kind) && familyFit(scopeOf(doc.advice), filter.family) >= 0;
  const overlap = new Map<SearchDoc, number>();
  const weight = new Map<SearchDoc, number>();
  const informative: string[] = [];
  for (const word of queryWords) {
    const docs = new Set(matchingWords(index, word).flatMap((w) => index.byWord.get(w) ?? []));
    if (docs.size > 0) informative.push(word);
    // Rare words say more than "fail" or "error": weight each shared word by its inverse document frequency.
    const idf = Math.log(1 + index.docs.length / Math.max(1, docs.size));
    for (const doc of docs) {
      if (!eligible(doc)) continue;
      overlap.set(doc, (overlap.get(doc) ?? 0) + 1);
      weight.set(doc, (weight.get(doc) ?? 0) + idf);
    }
  }
  const bySignature = index.docs
    .filter((doc) => eligible(doc) && doc.signatures.some((signature) => signature.test(query)))
    .map((doc) => ({ advice: doc.advice, score: 0, bySignature: true, overlap: overlap.get(doc) ?? 0 }));
  const candidates = [...overlap.keys()]
    .filter((doc) => !bySignature.some((s) => s.advice === doc.advice))
    .sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0))
    .slice(0, MAX_RANKED);
  if (candidates.length === 0) return bySignature.slice(0, limit);
  // fuse.js ranks only the documents that share a word with the question, never the whole KB.
  const fuse = new Fuse(candidates, {
    keys: [{ name: 'title', weight: 3 }, { name: 'keywords', weight: 3 }, { name: 'summary', weight: 1 }],
    includeScore: true,
    threshold: 0.6,
    ignoreLocation: true,
    useTokenSearch: true,
  });
  const fuzzy = fuse.search(informative.slice(0, 6).join(' '), { limit: 25 }).map((hit) => {
    const scope = scopeOf(hit.item.advice);
    const shared = overlap.get(hit.item) ?? 0;
    const featureFit = filter.feature && scope.features?.includes(filter.feature) ? 1 : 0;
    const adjusted = (hit.score ?? 1) - 0.08 * familyFit(scope, filter.family) - 0.08 * featureFit - 0.06 * Math.min(shared, 4);
    return { advice: hit.item.advice, score: Math.max(0.01, adjusted), bySignature: false, overlap: shared };
  }).sort((a, b) => a.score - b.score);
  return [...bySignature, ...fuzzy].slice(0, limit);
}
