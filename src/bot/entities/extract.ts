import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';
import { normaliseVersion } from '../../knowledge/version.ts';
import type { Entities, FeatureEntity } from '../reply.ts';
import { extractHosts } from './hosts.ts';
import { STOPWORDS, tokenize } from './tokens.ts';
import { vocabularyFor, type VocabularyEntry } from './vocabulary.ts';

/** A word we read as an entity only by fuzzy matching: worth saying back as "did you mean". */
export interface FuzzyReading {
  readonly typed: string;
  readonly phrase: string;
  readonly entry: VocabularyEntry;
  readonly score: number;
}

export interface Extraction {
  readonly entities: Entities;
  readonly hosts: readonly HostId[];
  readonly distros: readonly DistroId[];
  readonly features: readonly FeatureEntity[];
  readonly fuzzy: readonly FuzzyReading[];
  /** Words that matched nothing and are not stopwords. */
  readonly leftovers: readonly string[];
  readonly tokens: readonly string[];
  /** A version typed with no distro next to it. */
  readonly looseVersion?: string;
}

const GLUED_DISTRO = /^(rhel|centos|el|ol|oel|sles|sle|ubuntu|debian|freebsd|fbsd|oracle|suse)[-_]?(\d+(?:\.\d+)*(?:sp\d+)?)$/;
const VERSION_TOKEN = /^\d{1,2}(?:\.\d{1,2}){0,2}(?:\.x|\+)?$/;
const SERVICE_PACK = /^sp(\d{1,2})$/;
const GLUED_SERVICE_PACK = /^(\d{1,2})sp(\d{1,2})$/;
const MAX_FUZZY_LOOKUPS = 6;

function splitGlued(tokens: readonly string[]): string[] {
  return tokens.flatMap((token) => {
    const glued = GLUED_DISTRO.exec(token);
    return glued ? [glued[1]!, glued[2]!] : [token];
  });
}

/** Reads the version that follows a distro mention: "6.2", "11 sp3", "11sp3", "14.04 lts". */
function versionAt(tokens: readonly string[], start: number, distro: DistroId): { version: string; used: number } | undefined {
  let token = tokens[start];
  if (token === 'version' || token === 'v' || token === 'release') token = tokens[++start];
  if (!token) return undefined;
  const gluedSp = GLUED_SERVICE_PACK.exec(token);
  if (gluedSp) return { version: `${gluedSp[1]} SP${Number(gluedSp[2])}`, used: 1 };
  if (!VERSION_TOKEN.test(token)) return undefined;
  const bare = token.replace(/\.x$|\+$/, '');
  const sp = SERVICE_PACK.exec(tokens[start + 1] ?? '');
  if (sp) return { version: `${bare} SP${Number(sp[1])}`, used: 2 };
  // SLES releases are often written 11.3 for 11 SP3.
  const slesDotted = distro === 'sles' ? /^(1[0-5])\.(\d)$/.exec(bare) : null;
  if (slesDotted) return { version: `${slesDotted[1]} SP${slesDotted[2]}`, used: 1 };
  const version = normaliseVersion(bare);
  return version ? { version, used: 1 } : undefined;
}

function firstOf<T>(values: readonly T[]): T | undefined {
  return values[0];
}

/** A specific feature beats dynamic memory as a whole: "dynamic memory hot add" means hot-add. */
function pickFeature(features: readonly FeatureEntity[]): FeatureEntity | undefined {
  return features.find((f) => f !== 'dynamic-memory') ?? firstOf(features);
}

export function extractEntities(kb: KnowledgeBase, question: string): Extraction {
  const vocabulary = vocabularyFor(kb);
  const { hosts: hostMentions, rest } = extractHosts(question.toLowerCase());
  const tokens = splitGlued(tokenize(rest));
  const used = new Array<boolean>(tokens.length).fill(false);
  const distros: DistroId[] = [];
  const features: FeatureEntity[] = [];
  const fuzzy: FuzzyReading[] = [];
  let version: string | undefined;
  let kernel: 'rhck' | 'uek' | undefined;

  const accept = (entry: VocabularyEntry, end: number) => {
    if (entry.kind === 'distro') {
      if (!distros.includes(entry.distro)) distros.push(entry.distro);
      if (entry.version && !version) version = entry.version;
      if (!entry.version && !version && distros[0] === entry.distro) {
        const found = versionAt(tokens, end, entry.distro);
        if (found) {
          version = found.version;
          for (let k = end; k < end + found.used + (tokens[end] === 'version' ? 1 : 0); k++) used[k] = true;
        }
      }
    } else if (entry.kind === 'feature') {
      if (!features.includes(entry.feature)) features.push(entry.feature);
    } else {
      kernel ??= entry.kernel;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    for (let length = Math.min(vocabulary.longestPhrase, tokens.length - i); length >= 1; length--) {
      const entry = vocabulary.phrases.get(tokens.slice(i, i + length).join(' '));
      if (!entry) continue;
      for (let k = i; k < i + length; k++) used[k] = true;
      accept(entry, i + length);
      break;
    }
  }

  const leftovers: string[] = [];
  let lookups = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (used[i] || STOPWORDS.has(token) || token.length < 4 || /\d/.test(token)) continue;
    if (lookups++ >= MAX_FUZZY_LOOKUPS) { leftovers.push(token); continue; }
    const next = tokens[i + 1];
    const pair = next && !used[i + 1] && !STOPWORDS.has(next) && !/\d/.test(next) ? `${token} ${next}` : undefined;
    const hit = (pair ? vocabulary.fuzzy.get(2)?.search(pair, { limit: 1 })[0] : undefined) ?? vocabulary.fuzzy.get(1)?.search(token, { limit: 1 })[0];
    // Short words sit close to many others ("help" and "rhel"), so they must match more tightly.
    const limit = token.length <= 5 ? 0.15 : 0.3;
    if (hit && (hit.score ?? 1) <= limit) {
      const span = hit.item.phrase.includes(' ') && pair ? 2 : 1;
      for (let k = i; k < i + span; k++) used[k] = true;
      fuzzy.push({ typed: span === 2 ? pair! : token, phrase: hit.item.phrase, entry: hit.item, score: hit.score ?? 1 });
      accept(hit.item, i + span);
    } else {
      leftovers.push(token);
    }
  }

  const looseVersion = version ? undefined : tokens.find((t, i) => !used[i] && VERSION_TOKEN.test(t) && t.includes('.'));
  const hosts = [...new Set(hostMentions.map((m) => m.host))];
  const entities: Entities = {};
  if (distros[0]) entities.distro = distros[0];
  if (version && distros[0]) entities.version = version;
  const feature = pickFeature(features);
  if (feature) entities.feature = feature;
  if (hosts[0]) entities.host = hosts[0];
  if (kernel) entities.kernel = kernel;
  return { entities, hosts, distros, features, fuzzy, leftovers, tokens, looseVersion };
}
