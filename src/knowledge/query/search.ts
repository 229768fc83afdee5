import Fuse from 'fuse.js';
import { editDistance } from '../edit-distance.ts';
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
  readonly keywords: readonly string[];
  readonly summary: string;
  readonly signatures: readonly RegExp[];
  /** Every content word of the short fields, for the overlap check. */
  readonly words: ReadonlySet<string>;
}

/** Families that share drivers and advice: a CentOS question may use a RHEL record. */
const FAMILY_GROUPS: readonly (readonly DistroId[])[] = [['rhel', 'centos', 'oracle-linux'], ['sles', 'opensuse']];
const NOISE = new Set('the and for with from that this have has not are was were but can cant wont does doesnt did after before when what which how why into onto over under about its linux guest guests host vm vms hyper server windows my our your on in of to a an is it be at or by as no yes do i we you'.split(' '));

function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/[^a-z0-9_.]+/g, ' ').split(' ').map((w) => w.replace(/^\.+|\.+$/g, '')).filter((w) => w.length >= 3 && !NOISE.has(w));
}

/** A light stem so "fails", "failed" and "failing" meet. */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '') || word;
}

const indexes = new WeakMap<KnowledgeBase, SearchDoc[]>();

function docsOf(kb: KnowledgeBase): SearchDoc[] {
  let docs = indexes.get(kb);
  if (!docs) {
    const doc = (advice: AdviceRecord, title: string, keywords: readonly string[], summary: string, signatures: readonly string[]): SearchDoc => ({
      advice, title, keywords, summary, signatures: signatures.map((s) => new RegExp(s, 'i')),
      words: new Set(wordsOf(`${title} ${keywords.join(' ')} ${summary}`).map(stem)),
    });
    docs = [
      ...kb.knownIssues.map((record) => doc({ kind: 'issue', record }, record.title, record.keywords, record.symptoms.join(' ').slice(0, 300), record.signatures)),
      ...kb.tips.map((record) => doc({ kind: 'tip', record }, record.title, record.keywords, record.advice.slice(0, 200), [])),
    ];
    indexes.set(kb, docs);
  }
  return docs;
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
  const query = text.slice(0, 500);
  const queryWords = [...new Set(wordsOf(query).map(stem))].slice(0, 16);
  const candidates = docsOf(kb).filter((doc) => (!filter.kind || doc.advice.kind === filter.kind) && familyFit(scopeOf(doc.advice), filter.family) >= 0);
  // A long word with one typo still counts ("schedular" meets "scheduler").
  const overlapOf = (doc: SearchDoc) => queryWords.filter((w) => doc.words.has(w) || (w.length >= 6 && [...doc.words].some((d) => Math.abs(d.length - w.length) <= 1 && editDistance(w, d, 1) <= 1))).length;
  const bySignature = candidates
    .filter((doc) => doc.signatures.some((signature) => signature.test(query)))
    .map((doc) => ({ advice: doc.advice, score: 0, bySignature: true, overlap: overlapOf(doc) }));
  if (queryWords.length === 0) return bySignature.slice(0, limit);
  const fuse = new Fuse(candidates, {
    keys: [{ name: 'title', weight: 3 }, { name: 'keywords', weight: 3 }, { name: 'summary', weight: 1 }],
    includeScore: true,
    threshold: 0.5,
    ignoreLocation: true,
    useTokenSearch: true,
  });
  const fuzzy = fuse.search(queryWords.join(' '), { limit: 25 })
    .filter((hit) => !bySignature.some((s) => s.advice.record.id === hit.item.advice.record.id))
    .map((hit) => {
      const scope = scopeOf(hit.item.advice);
      const overlap = overlapOf(hit.item);
      const featureFit = filter.feature && scope.features?.includes(filter.feature) ? 1 : 0;
      const adjusted = (hit.score ?? 1) - 0.08 * familyFit(scope, filter.family) - 0.08 * featureFit - 0.06 * Math.min(overlap, 4);
      return { advice: hit.item.advice, score: Math.max(0.01, adjusted), bySignature: false, overlap };
    })
    .filter((hit) => hit.overlap > 0)
    .sort((a, b) => a.score - b.score);
  return [...bySignature, ...fuzzy].slice(0, limit);
}
