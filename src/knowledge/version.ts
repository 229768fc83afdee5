import type { VersionItem } from './schema/versions.ts';

/** A parsed version: numeric parts, with a SLES service pack as one more part ("11 SP3" is [11, 3]). */
export interface ParsedVersion {
  readonly parts: readonly number[];
  readonly servicePack?: number;
}

const VERSION_PATTERN = /^(\d+(?:\.\d+)*)(?:\s*SP\s*(\d+))?$/i;

// Guest checks parse the same few release strings for every inventory row: remember them (bounded).
const PARSED = new Map<string, ParsedVersion | undefined>();
const MAX_PARSED = 2048;

export function parseVersion(text: string): ParsedVersion | undefined {
  const known = PARSED.get(text);
  if (known !== undefined || PARSED.has(text)) return known;
  const parsed = parseFresh(text);
  if (PARSED.size >= MAX_PARSED) PARSED.clear();
  PARSED.set(text, parsed);
  return parsed;
}

function parseFresh(text: string): ParsedVersion | undefined {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match?.[1]) return undefined;
  const parts = Object.freeze(match[1].split('.').map(Number));
  return Object.freeze(match[2] === undefined ? { parts } : { parts, servicePack: Number(match[2]) });
}

/** Normalises what a user typed ("11sp3", "14.04", " 6.4 ") or returns undefined when it is no version. */
export function normaliseVersion(text: string): string | undefined {
  const compact = text.trim().replace(/\s*sp\s*(\d+)$/i, ' SP$1');
  const parsed = parseVersion(compact);
  if (!parsed) return undefined;
  return compact.replace(/ SP(\d+)$/, (_m, sp: string) => ` SP${Number(sp)}`);
}

/** Compares numerically part by part, so 6.4 < 6.10 and 6.4 ≠ 6.40; missing parts count as 0. */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  const length = Math.max(keyLength(a), keyLength(b));
  for (let i = 0; i < length; i++) {
    const diff = keyPart(a, i) - keyPart(b, i);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The parts, then the service pack as one more part, read in place. */
function keyLength(version: ParsedVersion): number {
  return version.parts.length + (version.servicePack === undefined ? 0 : 1);
}

function keyPart(version: ParsedVersion, i: number): number {
  if (i < version.parts.length) return version.parts[i]!;
  return i === version.parts.length ? (version.servicePack ?? 0) : 0;
}

export function compareVersionText(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return a.localeCompare(b);
  return compareVersions(left, right);
}

/** A user's "6" or "15" names a whole major release rather than one point release. */
export function isMajorOnly(version: ParsedVersion): boolean {
  return version.parts.length === 1 && version.servicePack === undefined;
}

export type VersionMatch = 'exact' | 'within' | 'series' | 'none';

/** How a version relates to one version item of a column: named exactly, inside a range or series, or not at all. */
export function matchVersionItem(version: ParsedVersion, item: VersionItem): VersionMatch {
  const major = version.parts[0];
  switch (item.kind) {
    case 'exact': {
      const exact = parseVersion(item.version);
      if (!exact) return 'none';
      if (isMajorOnly(version) && !isMajorOnly(exact)) return exact.parts[0] === major ? 'series' : 'none';
      if (compareVersions(version, exact) === 0) return 'exact';
      // A release listed by its major alone ("11 (Bullseye)") holds its point releases (11.6), not its service packs.
      return isMajorOnly(exact) && exact.parts[0] === major && version.parts.length === 2 && version.servicePack === undefined
        ? 'within'
        : 'none';
    }
    case 'range': {
      const from = parseVersion(item.from);
      const to = parseVersion(item.to);
      if (!from || !to) return 'none';
      if (isMajorOnly(version)) return from.parts[0] === major || to.parts[0] === major ? 'series' : 'none';
      const aboveFrom = compareVersions(version, from) >= 0;
      const belowTo = compareVersions(version, to) <= 0 || (item.openEnded && version.parts[0] === to.parts[0]);
      return aboveFrom && belowTo ? 'within' : 'none';
    }
    case 'series':
      if (String(major) !== item.major) return 'none';
      return isMajorOnly(version) ? 'exact' : 'within';
  }
}

const MATCH_RANK: Record<VersionMatch, number> = { exact: 3, within: 2, series: 1, none: 0 };

/** The best match of a version against a column's items. */
export function matchVersionItems(version: ParsedVersion, items: readonly VersionItem[]): VersionMatch {
  let best: VersionMatch = 'none';
  for (const item of items) {
    const match = matchVersionItem(version, item);
    if (MATCH_RANK[match] > MATCH_RANK[best]) best = match;
  }
  return best;
}

export function matchRank(match: VersionMatch): number {
  return MATCH_RANK[match];
}

/** The lowest and highest versions a column names, for sorting and for "nearest known" answers. */
export function versionBounds(items: readonly VersionItem[]): { low: ParsedVersion; high: ParsedVersion } | undefined {
  const points: ParsedVersion[] = [];
  for (const item of items) {
    if (item.kind === 'exact') points.push(...optional(parseVersion(item.version)));
    else if (item.kind === 'range') points.push(...optional(parseVersion(item.from)), ...optional(parseVersion(item.to)));
    else points.push({ parts: [Number(item.major)] }, { parts: [Number(item.major), Number.MAX_SAFE_INTEGER] });
  }
  if (points.length === 0) return undefined;
  points.sort(compareVersions);
  return { low: points[0]!, high: points[points.length - 1]! };
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** Writes version items as a header would: "6.4-6.6", "8.1-8.6+", "9.x", "12 SP3". */
export function describeVersionItems(items: readonly VersionItem[]): string {
  return items
    .map((item) => {
      if (item.kind === 'exact') return item.version;
      if (item.kind === 'series') return `${item.major}.x`;
      return `${item.from}-${item.to}${item.openEnded ? '+' : ''}`;
    })
    .join(', ');
}

/** Orders plain number sequences (kernel "2.6.32", protocol "5.3") the same way versions are ordered. */
export function compareNumberParts(a: readonly number[], b: readonly number[]): number {
  return compareVersions({ parts: a }, { parts: b });
}

/** Orders LIS release numbers, where a hotfix suffix counts as one more part: 4.1.2 < 4.1.2-2 < 4.1.3. */
export function compareLisVersions(a: string, b: string): number {
  return compareVersions(lisParts(a), lisParts(b));
}

// Handlers sort the KB's releases for every LIS question: each release number is split once (bounded).
const LIS_PARTS = new Map<string, ParsedVersion>();

function lisParts(version: string): ParsedVersion {
  let parsed = LIS_PARTS.get(version);
  if (!parsed) {
    parsed = { parts: version.split(/[.-]/).map((p) => (/^\d{1,6}$/.test(p) ? Number(p) : 0)) };
    if (LIS_PARTS.size >= MAX_PARSED) LIS_PARTS.clear();
    LIS_PARTS.set(version, parsed);
  }
  return parsed;
}
