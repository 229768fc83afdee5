import type { SlashCommandStringOption } from 'discord.js';
import type { FeatureEntity } from '../../../core/reply.ts';
import type { KnowledgeBase } from '../../../knowledge/index.ts';
import { lookupFamily, lookupHost } from '../../../knowledge/lookup.ts';
import { FEATURE_IDS, type DistroId, type FeatureId, type HostId, type VersionItem } from '../../../knowledge/schema/index.ts';
import { compareVersionText, normaliseVersion, parseVersion } from '../../../knowledge/version.ts';
import { truncate } from '../render/escape.ts';

/** Discord's limits for autocomplete: 25 choices, names and values of 1 to 100 characters. */
export const MAX_CHOICES = 25;

/** The required, autocompleted `name:` option of the commands that take a distribution. */
export function distroNameOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName('name')
    .setDescription('Distribution, e.g. Ubuntu, RHEL, SLES, FreeBSD')
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(100);
}
const MAX_CHOICE_TEXT = 100;

export interface Choice {
  readonly name: string;
  readonly value: string;
}

export const DYNAMIC_MEMORY_NAME = 'Dynamic Memory (hot-add and ballooning)';

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** How well typed text matches a name: 0 exact … 4 letters in order; undefined for no match. Lower is better. */
export function matchRank(typed: string, name: string): number | undefined {
  const want = squash(typed);
  const have = squash(name);
  if (!want) return 5;
  if (!have) return undefined;
  if (have === want) return 0;
  if (have.startsWith(want)) return 1;
  if (words(name).some((word) => word.startsWith(want))) return 2;
  if (have.includes(want)) return 3;
  if (want.length >= 3) {
    let at = 0;
    for (const char of have) if (char === want[at]) at++;
    if (at === want.length) return 4;
  }
  return undefined;
}

interface Candidate<T> {
  readonly item: T;
  readonly names: readonly string[];
  /** Earlier is preferred among equal matches. */
  readonly order: number;
}

function rank<T>(typed: string, candidates: readonly Candidate<T>[]): Array<{ item: T; matched: string; score: number }> {
  const hits: Array<{ item: T; matched: string; score: number; order: number }> = [];
  for (const candidate of candidates) {
    let best: { score: number; matched: string } | undefined;
    candidate.names.forEach((name, position) => {
      const score = matchRank(typed, name);
      // The primary name wins a tie with an alias.
      if (score !== undefined && (!best || score + position / 1000 < best.score)) best = { score: score + position / 1000, matched: name };
    });
    if (best) hits.push({ item: candidate.item, matched: best.matched, score: best.score, order: candidate.order });
  }
  return hits.sort((a, b) => Math.floor(a.score) - Math.floor(b.score) || a.order - b.order || a.score - b.score);
}

function choice(name: string, value: string): Choice {
  return { name: truncate(name.replace(/\s+/g, ' ').trim() || value, MAX_CHOICE_TEXT), value: value.slice(0, MAX_CHOICE_TEXT) };
}

/** Families ranked for what was typed: by name, alias or codename; Linux and BSD before the other systems. */
export function familyChoices(kb: KnowledgeBase, typed: string): Choice[] {
  const candidates = [...kb.families.values()].map((family, index) => ({
    item: family,
    names: [family.name, family.id, ...family.aliases, ...family.codenames.map((c) => c.name)],
    order: (family.kind === 'other' ? 1000 : 0) + index,
  }));
  return rank(typed.slice(0, 100), candidates)
    .slice(0, MAX_CHOICES)
    .map(({ item, matched }) => {
      const codename = item.codenames.find((c) => c.name === matched);
      if (codename) return choice(`${item.name} (${codename.name} is ${codename.version})`, item.id);
      const alias =
        matched !== item.name && matched !== item.id && squash(matched) !== squash(item.name) && squash(typed).length > 0
          ? ` (${matched})`
          : '';
      return choice(`${item.name}${alias}`, item.id);
    });
}

/** Expands "6.7-6.10" to 6.7, 6.8, 6.9, 6.10 when the parts are plain numbers; otherwise keeps the ends. */
function versionsOf(item: VersionItem): string[] {
  if (item.kind === 'exact') return [item.version];
  if (item.kind === 'series') return [item.major];
  const from = parseVersion(item.from);
  const to = parseVersion(item.to);
  const plain = (text: string) => /^\d+\.(0|[1-9]\d?)$/.test(text);
  if (from && to && plain(item.from) && plain(item.to) && from.parts[0] === to.parts[0]) {
    const low = from.parts[1]!;
    const high = to.parts[1]!;
    if (high >= low && high - low <= 30) return Array.from({ length: high - low + 1 }, (_, i) => `${from.parts[0]!}.${low + i}`);
  }
  return [item.from, item.to];
}

/** Every version a family's snapshots name, newest first, each marked when the current matrix no longer lists it. */
export function familyVersions(kb: KnowledgeBase, family: DistroId): Array<{ version: string; current: boolean; codename?: string }> {
  const current = new Set<string>();
  const all = new Set<string>();
  const newest = kb.snapshotAt(family);
  for (const snapshot of kb.history(family)) {
    for (const column of snapshot.columns) {
      if (!column.families.includes(family)) continue;
      for (const version of column.versions.flatMap(versionsOf)) {
        all.add(version);
        if (snapshot === newest) current.add(version);
      }
    }
  }
  const codenames = kb.families.get(family)?.codenames ?? [];
  return [...all]
    .sort((a, b) => compareVersionText(b, a))
    .map((version) => {
      const codename = codenames.find((c) => c.version === version)?.name;
      return { version, current: current.has(version), ...(codename ? { codename } : {}) };
    });
}

/** Versions of the chosen family for what was typed (a number prefix or a codename), newest first. */
export function versionChoices(kb: KnowledgeBase, family: DistroId | undefined, typed: string): Choice[] {
  if (!family) return [];
  const versions = familyVersions(kb, family);
  const want = typed.trim().toLowerCase().slice(0, 40);
  const scored = versions
    .map((v, order) => {
      const byNumber = want
        ? v.version.toLowerCase().startsWith(want)
          ? 0
          : v.version.toLowerCase().replace(/\s+/g, '').startsWith(want.replace(/\s+/g, ''))
            ? 1
            : undefined
        : 0;
      const byCodename = v.codename ? matchRank(want, v.codename) : undefined;
      const score = Math.min(byNumber ?? 9, byCodename === undefined ? 9 : byCodename + 1);
      return { v, order, score };
    })
    .filter((s) => s.score < 9)
    .sort((a, b) => a.score - b.score || a.order - b.order);
  return scored
    .slice(0, MAX_CHOICES)
    .map(({ v }) => choice(`${v.version}${v.codename ? ` (${v.codename})` : ''}${v.current ? '' : ' (older matrix only)'}`, v.version));
}

/** Features ranked for what was typed: by name, id, synonym or the row names the matrices used. */
export function featureChoices(kb: KnowledgeBase, typed: string): Choice[] {
  const features = FEATURE_IDS.map((id) => kb.features.get(id)).filter((f) => f !== undefined);
  const candidates: Array<Candidate<{ id: FeatureEntity; name: string }>> = features.map((feature, index) => ({
    item: { id: feature.id, name: feature.name },
    names: [feature.name, feature.id, ...feature.synonyms, ...feature.matrixNames],
    order: index,
  }));
  candidates.push({
    item: { id: 'dynamic-memory', name: DYNAMIC_MEMORY_NAME },
    names: [DYNAMIC_MEMORY_NAME, 'dynamic-memory', 'dm'],
    order: features.length,
  });
  return rank(typed.slice(0, 100), candidates)
    .slice(0, MAX_CHOICES)
    .map(({ item, matched }) => {
      const via = squash(typed).length > 0 && squash(matched) !== squash(item.name) && matched !== item.id ? ` (${matched})` : '';
      return choice(`${item.name}${via}`, item.id);
    });
}

/** Server-side check of a distro option: an id from autocomplete, or a name, alias or codename typed freely. */
export function resolveFamily(kb: KnowledgeBase, value: string): { family: DistroId; version?: string } | undefined {
  const text = value.trim().slice(0, 100);
  if (kb.families.has(text as DistroId)) return { family: text as DistroId };
  return lookupFamily(kb, text);
}

/** Server-side check of a version option: "11 SP3", "11sp3", "22.04", or a codename of the family. */
export function resolveVersion(kb: KnowledgeBase, family: DistroId, value: string): string | undefined {
  const text = value
    .trim()
    .replace(/\s*\((?:[^)]*)\)\s*$/, '')
    .slice(0, 40);
  if (!text) return undefined;
  const codename = kb.families.get(family)?.codenames.find((c) => squash(c.name) === squash(text));
  if (codename) return codename.version;
  const slesDotted = family === 'sles' ? /^(1[0-5])\.([1-9])$/.exec(text) : null;
  if (slesDotted) return `${slesDotted[1]!} SP${slesDotted[2]!}`;
  return normaliseVersion(text);
}

/** Server-side check of a feature option: an id from autocomplete, or a name or synonym typed freely. */
export function resolveFeature(kb: KnowledgeBase, value: string): FeatureEntity | undefined {
  const text = value.trim().slice(0, 100);
  if (text === 'dynamic-memory' || squash(text) === 'dynamicmemory' || text === DYNAMIC_MEMORY_NAME) return 'dynamic-memory';
  if (kb.features.has(text as FeatureId)) return text as FeatureId;
  const want = squash(text);
  if (!want) return undefined;
  for (const id of FEATURE_IDS) {
    const feature = kb.features.get(id);
    if (feature && [feature.name, feature.id, ...feature.synonyms, ...feature.matrixNames].some((name) => squash(name) === want)) return id;
  }
  return undefined;
}

export function resolveHost(value: string): HostId | undefined {
  return lookupHost(value.slice(0, 40));
}

/** The private answer when a typed distribution matches none the KB knows. */
export function unknownFamilyText(typed: string): string {
  return `I don't know the distribution "${typed.slice(0, 60)}". Pick one from the list, e.g. Ubuntu, RHEL, SLES or FreeBSD.`;
}
