import type { KnowledgeBase } from '../knowledge/index.ts';
import { lookupFamily, lookupHost } from '../knowledge/lookup.ts';
import type { DistroId, FeatureId, HostId } from '../knowledge/schema/index.ts';
import { cronProblem, DEFAULT_TZ, defaultSchedule, isValidTimeZone, type Schedule } from './schedule.ts';
import type { DigestFilters } from './subscription.ts';

export type DigestCommand =
  | { readonly action: 'subscribe'; readonly schedule: Schedule; readonly filters: DigestFilters; readonly quietWhenEmpty: boolean }
  | { readonly action: 'unsubscribe' }
  | { readonly action: 'list' }
  | { readonly action: 'preview'; readonly since?: string }
  | { readonly action: 'help' };

export type ParseResult = { readonly ok: true; readonly command: DigestCommand } | { readonly ok: false; readonly error: string };

export const DIGEST_USAGE = [
  'subscribe [weekly|daily|cron "<minute hour day month weekday>"] [tz=Area/City] [families…] [hosts…] [features…] [--quiet|--always]',
  'unsubscribe',
  'list',
  'preview [since YYYY-MM-DD]',
];

const MAX_TOKENS = 40;
const FILLER = new Set([
  'and',
  'or',
  'on',
  'for',
  'with',
  'in',
  'at',
  'every',
  'host',
  'hosts',
  'family',
  'families',
  'feature',
  'features',
  'only',
  ',',
  '&',
  '+',
]);

/** Words, keeping "quoted text" together: chat clients split `cron "0 9 * * 1"` into several arguments. */
export function tokenize(args: readonly string[]): string[] {
  const text = args.join(' ').replace(/[“”„]/g, '"').replace(/[‘’]/g, "'");
  const tokens: string[] = [];
  const pattern = /"([^"]*)"?|'([^']*)'?|(\S+)/g;
  for (const match of text.matchAll(pattern)) {
    const token = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (token) tokens.push(token);
    if (tokens.length > MAX_TOKENS) break;
  }
  return tokens.map((t) => t.replace(/,$/, '')).filter(Boolean);
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Feature ids, names, matrix row names and synonyms, squashed. */
function featureNames(kb: KnowledgeBase): Map<string, FeatureId> {
  const names = new Map<string, FeatureId>();
  for (const feature of kb.features.values()) {
    for (const name of [feature.id, feature.name, ...feature.matrixNames, ...feature.synonyms]) {
      const key = squash(name);
      if (key.length >= 3 && !names.has(key)) names.set(key, feature.id);
    }
  }
  return names;
}

function isDate(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
    new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)
  );
}

const CRON_FIELD = /^[0-9*,/?A-Za-z-]+$/;

/** `cron "0 9 * * 1-5"` (one quoted token) or `cron 0 9 * * 1-5` (five tokens), starting at the `cron` token. */
function readCron(tokens: readonly string[], at: number): { pattern: string; next: number } | { error: string } {
  const quoted = tokens[at + 1];
  let pattern: string;
  let next: number;
  if (quoted?.includes(' ')) {
    pattern = quoted.trim();
    next = at + 2;
  } else {
    const fields = tokens.slice(at + 1, at + 6);
    if (fields.length < 5 || !fields.every((f) => CRON_FIELD.test(f)))
      return { error: 'cron needs a pattern in quotes, e.g. cron "0 9 * * 1-5"' };
    pattern = fields.join(' ');
    next = at + 6;
  }
  const problem = cronProblem(pattern);
  return problem ? { error: `bad cron pattern "${pattern.slice(0, 60)}": ${problem}` } : { pattern, next };
}

interface FilterSets {
  readonly families: Set<DistroId>;
  readonly hosts: Set<HostId>;
  readonly features: Set<FeatureId>;
}

/** Adds the host, family or feature the tokens at `at` name to `into`; returns how many tokens it took (0: none). */
function matchFilter(
  kb: KnowledgeBase,
  featureLookup: ReadonlyMap<string, FeatureId>,
  tokens: readonly string[],
  at: number,
  into: FilterSets,
): number {
  // Longest match first: "oracle linux", "2012 r2", "secure boot".
  for (let width = Math.min(4, tokens.length - at); width >= 1; width--) {
    const phrase = tokens.slice(at, at + width).join(' ');
    const host = lookupHost(phrase);
    if (host) {
      into.hosts.add(host);
      return width;
    }
    const family = lookupFamily(kb, phrase);
    if (family && kb.families.get(family.family)?.page !== undefined) {
      into.families.add(family.family);
      return width;
    }
    const feature = featureLookup.get(squash(phrase));
    if (feature) {
      into.features.add(feature);
      return width;
    }
  }
  return 0;
}

function parseSubscribe(kb: KnowledgeBase, tokens: readonly string[]): ParseResult {
  let kind: Schedule['kind'] | undefined;
  let pattern: string | undefined;
  let tz: string | undefined;
  let quiet: boolean | undefined;
  const families = new Set<DistroId>();
  const hosts = new Set<HostId>();
  const features = new Set<FeatureId>();
  const featureLookup = featureNames(kb);
  const setKind = (next: Schedule['kind']): string | undefined => {
    if (kind) return `give one schedule, not "${kind}" and "${next}"`;
    kind = next;
    return undefined;
  };

  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    const lower = token.toLowerCase();
    if (lower === 'weekly' || lower === 'daily') {
      const problem = setKind(lower);
      if (problem) return { ok: false, error: problem };
      i += 1;
      continue;
    }
    if (lower === 'cron') {
      const problem = setKind('cron');
      if (problem) return { ok: false, error: problem };
      const cron = readCron(tokens, i);
      if ('error' in cron) return { ok: false, error: cron.error };
      pattern = cron.pattern;
      i = cron.next;
      continue;
    }
    const tzMatch = /^(?:tz|timezone|time-zone)=(.*)$/i.exec(token);
    if (tzMatch || lower === 'tz' || lower === 'timezone') {
      const value = tzMatch ? tzMatch[1]! : (tokens[i + 1] ?? '');
      if (!isValidTimeZone(value))
        return {
          ok: false,
          error: `"${value.slice(0, 60)}" is not a time zone; use an IANA name such as Europe/Berlin or America/New_York`,
        };
      tz = value;
      i += tzMatch ? 1 : 2;
      continue;
    }
    if (lower === '--quiet' || lower === 'quiet') {
      quiet = true;
      i += 1;
      continue;
    }
    if (lower === '--always' || lower === 'always' || lower === '--notify-empty' || lower === '--verbose') {
      quiet = false;
      i += 1;
      continue;
    }
    if (FILLER.has(lower)) {
      i += 1;
      continue;
    }

    const matched = matchFilter(kb, featureLookup, tokens, i, { families, hosts, features });
    if (matched === 0) {
      return {
        ok: false,
        error: `I don't know "${token.slice(0, 40)}": expected weekly, daily, cron "<pattern>", tz=Area/City, a distribution (e.g. ubuntu, rhel), a host (e.g. 2019, 2012r2) or a feature (e.g. trim, secure-boot)`,
      };
    }
    i += matched;
  }
  const scheduleKind = kind ?? 'weekly';
  const schedule: Schedule =
    scheduleKind === 'cron' ? { kind: 'cron', pattern: pattern!, tz: tz ?? DEFAULT_TZ } : defaultSchedule(scheduleKind, tz ?? DEFAULT_TZ);
  const filters: DigestFilters = {
    ...(families.size ? { families: [...families] } : {}),
    ...(hosts.size ? { hosts: [...hosts] } : {}),
    ...(features.size ? { features: [...features] } : {}),
  };
  return { ok: true, command: { action: 'subscribe', schedule, filters, quietWhenEmpty: quiet ?? true } };
}

/** Reads `/lis digest …` arguments. The KB resolves family names and aliases, hosts and features. */
export function parseDigestArgs(kb: KnowledgeBase, args: readonly string[]): ParseResult {
  const tokens = tokenize(args);
  const [first, ...rest] = tokens;
  switch (first?.toLowerCase()) {
    case undefined:
    case 'help':
      return { ok: true, command: { action: 'help' } };
    case 'subscribe':
    case 'sub':
      return parseSubscribe(kb, rest);
    case 'unsubscribe':
    case 'unsub':
    case 'stop':
      return rest.length
        ? { ok: false, error: "unsubscribe takes no arguments: it stops this channel's digest" }
        : { ok: true, command: { action: 'unsubscribe' } };
    case 'list':
    case 'status':
      return rest.length ? { ok: false, error: 'list takes no arguments' } : { ok: true, command: { action: 'list' } };
    case 'preview': {
      const words = rest[0]?.toLowerCase() === 'since' ? rest.slice(1) : rest;
      if (words.length === 0) return { ok: true, command: { action: 'preview' } };
      if (words.length === 1 && isDate(words[0]!)) return { ok: true, command: { action: 'preview', since: words[0]! } };
      return { ok: false, error: `preview takes "since YYYY-MM-DD", not "${rest.join(' ').slice(0, 40)}"` };
    }
    default:
      return { ok: false, error: `"${(first ?? '').slice(0, 40)}" is not a digest command` };
  }
}
