import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge-base.ts';
import type { Applicability, DistroId, FeatureId, KnownIssue, Tip } from '../schema/index.ts';
import { versionFit } from './note-effects.ts';

export type AdviceRecord = { kind: 'issue'; record: KnownIssue } | { kind: 'tip'; record: Tip };

export interface AdviceHit {
  readonly advice: AdviceRecord;
  /** 0 is a perfect match, 1 no match; a log-line signature match scores 0. */
  readonly score: number;
  readonly bySignature: boolean;
  /** Distinct content words of the question found in the record. */
  readonly overlap: number;
  /** The raw BM25 relevance (0 for a signature-only match). */
  readonly relevance: number;
  /** The share of the query's content words found in the record. */
  readonly coverage: number;
}

export interface AdviceFilter {
  readonly kind?: 'issue' | 'tip';
  readonly family?: DistroId;
  readonly feature?: FeatureId;
  /** The guest's release: a record scoped to other releases ranks lower, one scoped to it higher. */
  readonly version?: string;
  /** The guest's architecture, when the question says it: a record about other guests' architecture ranks far lower. */
  readonly arch?: '32-bit' | '64-bit';
  /** The words to rank by, when not the whole text: the question without its distro, version and host names. */
  readonly words?: string;
  /** How admins have asked for each record (record id → questions), searched beside the record's own words. */
  readonly phrasings?: AdvicePhrasings;
}

export type AdvicePhrasings = ReadonlyMap<string, readonly string[]>;

interface SearchDoc {
  readonly id: number;
  readonly title: string;
  readonly symptoms: string;
  readonly keywords: string;
  readonly signatures: string;
  readonly body: string;
  readonly asked: string;
}

/** Families that share drivers and advice: a CentOS question may use a RHEL record. */
const FAMILY_GROUPS: readonly (readonly DistroId[])[] = [
  ['rhel', 'centos', 'oracle-linux'],
  ['sles', 'opensuse'],
];
const STOPWORDS = new Set(
  'the and for with from that this have has not are was were but can does did after before when what which how why into onto over under about its linux guest guests host vm vms hyper server windows my our your on in of to a an is it be at or by as no yes do i we you me there any some still just get got gets getting im its they them then than so too very out up all also only even ever again much more most other such own same each every both few will would should could may might must shall been being make makes made want wants really please thanks help lisbot'.split(
    ' ',
  ),
);
/** BM25 relevance at which a hit counts as a full match; scores are relative to it. */
const FULL_RELEVANCE = 100;

/** A light stem so "fails", "failed" and "failing" meet. */
export function stemWord(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(ing|ed|es|s)$/, '') || word;
}

const MAX_TERM = 30;
const MAX_QUERY_TERMS = 24;

/** Words admins use for what the records call otherwise: both sides of the index meet on the record's word. */
const SAME_AS: ReadonlyMap<string, string> = new Map([
  ['ram', 'memory'],
  ['mem', 'memory'],
  ['nic', 'adapter'],
  ['nics', 'adapter'],
  ['vnic', 'adapter'],
  ['vnics', 'adapter'],
  ['clock', 'time'],
  ['restart', 'reboot'],
  ['rebooting', 'reboot'],
  ['hung', 'hang'],
  ['hangs', 'hang'],
  ['grows', 'grow'],
  ['growing', 'grow'],
  ['increase', 'grow'],
  ['shrinks', 'shrink'],
  ['shrinking', 'shrink'],
  ['vhd', 'vhdx'],
  ['i386', '32'],
  ['i586', '32'],
  ['i686', '32'],
]);

function processTerm(term: string): string | null {
  const word = term.toLowerCase().replace(/^[._-]+|[._-]+$/g, '');
  if (word.length < 2 || word.length > MAX_TERM || STOPWORDS.has(word)) return null;
  return stemWord(SAME_AS.get(word) ?? word);
}

/** A log-line signature as the words it matches, for the full-text index. */
function signatureWords(signature: string): string {
  return signature.replace(/\\[dswbS]/g, ' ').replace(/[()|\\^$.*+?{}[\]]/g, ' ');
}

interface AdviceIndex {
  readonly records: readonly AdviceRecord[];
  readonly signatures: readonly (readonly RegExp[])[];
  readonly search: MiniSearch<SearchDoc>;
}

const NO_PHRASINGS: AdvicePhrasings = new Map();
/** One index per KB and set of phrasings. */
const indexes = new WeakMap<KnowledgeBase, WeakMap<AdvicePhrasings, AdviceIndex>>();

function indexOf(kb: KnowledgeBase, phrasings: AdvicePhrasings = NO_PHRASINGS): AdviceIndex {
  let byPhrasings = indexes.get(kb);
  if (!byPhrasings) indexes.set(kb, (byPhrasings = new WeakMap()));
  let index = byPhrasings.get(phrasings);
  if (index) return index;
  const records: AdviceRecord[] = [
    ...kb.knownIssues.map((record) => ({ kind: 'issue' as const, record })),
    ...kb.tips.map((record) => ({ kind: 'tip' as const, record })),
  ];
  const search = new MiniSearch<SearchDoc>({
    fields: ['title', 'symptoms', 'keywords', 'signatures', 'body', 'asked'],
    tokenize: (text) => text.split(/[^a-zA-Z0-9_.]+/),
    processTerm,
    searchOptions: {
      boost: { title: 3, keywords: 3, symptoms: 2, signatures: 1.5, body: 0.5, asked: 1 },
      fuzzy: (term) => (term.length >= 6 && term.length <= MAX_TERM ? 0.15 : false),
      maxFuzzy: 2,
      combineWith: 'OR',
    },
  });
  search.addAll(
    records.map((advice, id) =>
      advice.kind === 'issue'
        ? {
            id,
            title: advice.record.title,
            symptoms: advice.record.symptoms.join(' '),
            keywords: advice.record.keywords.join(' '),
            signatures: advice.record.signatures.map(signatureWords).join(' '),
            body: advice.record.cause,
            asked: (phrasings.get(advice.record.id) ?? []).join(' '),
          }
        : {
            id,
            title: advice.record.title,
            symptoms: '',
            keywords: advice.record.keywords.join(' '),
            signatures: '',
            body: advice.record.advice,
            asked: (phrasings.get(advice.record.id) ?? []).join(' '),
          },
    ),
  );
  index = {
    records,
    signatures: records.map((r) => (r.kind === 'issue' ? r.record.signatures.map((s) => new RegExp(s, 'i')) : [])),
    search,
  };
  byPhrasings.set(phrasings, index);
  return index;
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

/** +1 when the record is scoped to releases the asked one falls in, -1 when to others only, 0 when either is unsaid. */
function releaseFit(scope: Applicability, version: string | undefined): number {
  if (!version || !scope.versions?.length) return 0;
  const fit = versionFit(version, scope.versions);
  return fit === 'in' ? 1 : fit === 'out' ? -1 : 0;
}

/**
 * "memory never grows on our oracle linux 8.2 vm": a record only about 32-bit guests fits a question that does not say
 * its guest is one far worse than the words it shares suggest.
 */
function archFit(scope: Applicability, arch: '32-bit' | '64-bit' | undefined): number {
  if (!scope.arch) return 1;
  if (arch === scope.arch) return 1.5;
  return arch === undefined ? UNSAID_ARCH_FIT : OTHER_ARCH_FIT;
}
const UNSAID_ARCH_FIT = 0.5;
const OTHER_ARCH_FIT = 0.2;
/** The feature fit of a record about other features than the one named: below one that says nothing of features. */
const OTHER_FEATURE_FIT = -1;

/**
 * Finds known issues and tips for a symptom or topic: log-line signatures first, then a BM25 ranking over
 * titles, symptoms, keywords, signatures and causes, and the phrasings admins have used for each record. A symptom
 * told in plain words reaches its issue without "error" or "fails". The distro and feature already parsed nudge the
 * ranking.
 */
export function searchAdvice(kb: KnowledgeBase, text: string, filter: AdviceFilter = {}, limit = 5): AdviceHit[] {
  const index = indexOf(kb, filter.phrasings);
  const query = text.slice(0, 500);
  // Only the first words are searched: a pasted wall of text costs no more than a question.
  const words = queryWords(filter.words ?? query);
  const contentTerms = Math.max(1, distinctContentTerms(words));
  const hits: AdviceHit[] = [];
  for (let id = 0; id < index.records.length; id++) {
    const advice = index.records[id]!;
    const signatures = index.signatures[id]!;
    if (signatures.length > 0 && eligible(advice, filter) && matchesAnySignature(signatures, query))
      hits.push({ advice, score: 0, bySignature: true, overlap: 0, relevance: 0, coverage: 1 });
  }
  const bySignature = hits.length;
  const ranked: AdviceHit[] = [];
  const signatureRelevance = new Map<AdviceRecord, number>();
  for (const result of index.search.search(words)) {
    const advice = index.records[result.id as number]!;
    if (!eligible(advice, filter)) continue;
    const scope = scopeOf(advice);
    const featureFit = !filter.feature || !scope.features?.length ? 0 : scope.features.includes(filter.feature) ? 1 : OTHER_FEATURE_FIT;
    const relevance =
      result.score *
      (1 + 0.15 * familyFit(scope, filter.family) + 0.15 * featureFit + 0.3 * releaseFit(scope, filter.version)) *
      archFit(scope, filter.arch);
    if (foundBySignature(hits, bySignature, advice)) {
      signatureRelevance.set(advice, relevance);
      continue;
    }
    const overlap = distinctCount(result.queryTerms);
    ranked.push({
      advice,
      score: Math.max(0.01, 1 - relevance / (relevance + FULL_RELEVANCE)),
      bySignature: false,
      overlap,
      relevance,
      coverage: Math.min(1, overlap / contentTerms),
    });
  }
  // Several records whose signatures match: the one whose words fit best leads ("disagrees about version of symbol"
  // after kernel 3.10.0-514.10.2 is the LIS 4.1.3 build issue before the general one).
  if (bySignature > 1) hits.sort((a, b) => (signatureRelevance.get(b.advice) ?? 0) - (signatureRelevance.get(a.advice) ?? 0));
  ranked.sort((a, b) => a.score - b.score);
  for (let i = 0; i < ranked.length && hits.length < limit; i++) hits.push(ranked[i]!);
  if (hits.length > limit) hits.length = limit;
  return hits;
}

function eligible(advice: AdviceRecord, filter: AdviceFilter): boolean {
  return (!filter.kind || advice.kind === filter.kind) && familyFit(scopeOf(advice), filter.family) >= 0;
}

function matchesAnySignature(signatures: readonly RegExp[], query: string): boolean {
  for (const signature of signatures) if (signature.test(query)) return true;
  return false;
}

function foundBySignature(hits: readonly AdviceHit[], count: number, advice: AdviceRecord): boolean {
  for (let i = 0; i < count; i++) if (hits[i]!.advice === advice) return true;
  return false;
}

/** The words to search for: at most MAX_QUERY_TERMS of them, each of 2 to MAX_TERM characters, joined by spaces. */
function queryWords(text: string): string {
  let words = '';
  let count = 0;
  for (const word of text.split(/[^a-zA-Z0-9_.]+/)) {
    if (word.length < 2 || word.length > MAX_TERM) continue;
    words = count === 0 ? word : `${words} ${word}`;
    if (++count === MAX_QUERY_TERMS) break;
  }
  return words;
}

function distinctContentTerms(words: string): number {
  const terms: string[] = [];
  for (const word of words.split(' ')) {
    const term = processTerm(word);
    if (term !== null && !terms.includes(term)) terms.push(term);
  }
  return terms.length;
}

function distinctCount(values: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values.indexOf(values[i]!) === i) count++;
  return count;
}
