import type { Reply, ReplyAction, ReplyField, ReplySource } from '../core/reply.ts';
import { reply } from '../core/reply.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { versionsGrew, type KbChange } from '../knowledge/diff.ts';
import { describeColumn, describeHosts } from '../knowledge/describe.ts';
import { cellStatus } from '../knowledge/query/feature.ts';
import type { IntegrationKind, ReleaseColumn } from '../knowledge/schema/index.ts';
import type { DigestFilters } from './subscription.ts';

/** The groups a digest shows, in order. */
export const DIGEST_GROUPS = ['supported', 'features', 'lis', 'dropped'] as const;
export type DigestGroup = (typeof DIGEST_GROUPS)[number];

const GROUP_LABELS: Record<DigestGroup, string> = {
  supported: 'Newly supported',
  features: 'Features newly available',
  lis: 'New LIS releases',
  dropped: 'Dropped or end of life',
};

export function groupOf(change: KbChange): DigestGroup {
  switch (change.kind) {
    case 'versions-changed':
      return versionsGrew(change.before, change.column) ? 'supported' : 'dropped';
    case 'added':
    case 'host-added':
      return 'supported';
    case 'feature-added':
      return 'features';
    case 'lis-release':
      return 'lis';
    case 'dropped':
    case 'host-removed':
    case 'feature-removed':
      return 'dropped';
  }
}

const KIND_ORDER: Record<KbChange['kind'], number> = {
  added: 0,
  dropped: 0,
  'lis-release': 0,
  'versions-changed': 1,
  'host-added': 2,
  'host-removed': 2,
  'feature-added': 3,
  'feature-removed': 3,
};

/** Lines at most this long; fields within Discord's 1,024 and Slack's 2,000 characters. */
const LINE_CHARS = 220;
const FIELD_CHARS = 1000;
/** Under Discord's 6,000 characters per embed with the title and text. */
const BODY_CHARS = 4800;
const MAX_FIELDS = 20;
export const DEFAULT_DIGEST_LIMIT = 12;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function how(kind: IntegrationKind, pkg: string | undefined): string {
  switch (kind) {
    case 'built-in':
      return 'built in to the kernel';
    case 'download':
      return `needs the Microsoft ${pkg ?? 'LIS'} download`;
    case 'ports':
      return 'FreeBSD ports';
    case 'none':
      return 'no integration services';
  }
}

function coreHosts(column: ReleaseColumn): string {
  const { status, hosts } = cellStatus(column.features.core, undefined);
  return status === 'available' && hosts.length ? ` on ${describeHosts(hosts)}` : '';
}

/** One short line per change. */
export function digestLine(kb: KnowledgeBase, change: KbChange): string {
  switch (change.kind) {
    case 'added':
      return `${describeColumn(kb, change.column)}: ${how(change.column.integration.kind, change.column.integration.package)}${coreHosts(change.column)}`;
    case 'versions-changed':
      return `${describeColumn(kb, change.before)} now reads ${change.column.header}`;
    case 'host-added':
      return `${describeColumn(kb, change.column)} now on ${describeHosts(change.hosts)}`;
    case 'feature-added':
      return `${kb.featureName(change.feature)}: ${describeColumn(kb, change.column)} on ${describeHosts(change.hosts)}`;
    case 'lis-release': {
      const { release } = change;
      return `LIS ${release.version}${release.released ? ` (${release.released})` : ''}${release.highlights[0] ? `: ${release.highlights[0]}` : ''}`;
    }
    case 'dropped':
      return `${describeColumn(kb, change.column)} no longer listed`;
    case 'host-removed':
      return `${describeColumn(kb, change.column)} no longer listed on ${describeHosts(change.hosts)}`;
    case 'feature-removed':
      return `${kb.featureName(change.feature)} no longer listed for ${describeColumn(kb, change.column)} on ${describeHosts(change.hosts)}`;
  }
}

/** "Ubuntu, RHEL; hosts 2022, 2019; features TRIM support", or undefined without filters. */
export function describeFilters(kb: KnowledgeBase, filters: DigestFilters): string | undefined {
  const parts: string[] = [];
  if (filters.families?.length) parts.push(filters.families.map((f) => kb.familyName(f)).join(', '));
  if (filters.hosts?.length) parts.push(`hosts ${describeHosts(filters.hosts)}`);
  if (filters.features?.length) parts.push(`features ${filters.features.map((f) => kb.featureName(f)).join(', ')}`);
  return parts.length ? parts.join('; ') : undefined;
}

function sourcesOf(kb: KnowledgeBase, changes: readonly KbChange[]): ReplySource[] {
  const ids = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'lis-release') {
      const first = change.release.sources[0];
      if (first) ids.add(first.source);
    } else if (change.kind === 'dropped') ids.add(change.from.source);
    else ids.add(change.to.source);
  }
  return [...ids].slice(0, 6).map((id) => {
    const source = kb.sources.get(id);
    // An id dated by the page's stale ms.date also names the era its content is from.
    const stale = source && !id.includes(source.era) && /\d{4}-\d{2}-\d{2}/.test(id);
    return {
      id,
      title: source ? `${source.title} (${source.era}${stale ? `; ${id}` : ''})` : id,
      ...(source?.url ? { url: source.url } : {}),
    };
  });
}

/** Shares `limit` lines among the non-empty groups in turn, so every group shows something. */
function allot(counts: ReadonlyMap<DigestGroup, number>, limit: number): Map<DigestGroup, number> {
  const shown = new Map<DigestGroup, number>(DIGEST_GROUPS.map((g) => [g, 0]));
  let left = limit;
  let progress = true;
  while (left > 0 && progress) {
    progress = false;
    for (const group of DIGEST_GROUPS) {
      if (left === 0) break;
      if ((shown.get(group) ?? 0) < (counts.get(group) ?? 0)) {
        shown.set(group, (shown.get(group) ?? 0) + 1);
        left -= 1;
        progress = true;
      }
    }
  }
  return shown;
}

/** Packs lines into fields of at most `max` characters, continuing a long group in a "(cont.)" field. */
function packFields(label: string, lines: readonly string[], max: number): ReplyField[] {
  const fields: ReplyField[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (current.length && size + line.length + 1 > max) {
      fields.push({ label: fields.length ? `${label} (cont.)` : label, value: current.join('\n') });
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length) fields.push({ label: fields.length ? `${label} (cont.)` : label, value: current.join('\n') });
  return fields;
}

export interface ComposeOptions {
  /** At most this many change lines; the rest is summarised with a "show all" action. Infinity shows everything the platforms allow. */
  readonly limit?: number;
  /** When nothing changed: no reply (true, the default) or one line (false). */
  readonly quietWhenEmpty?: boolean;
  /** What the digest covers, for its text: "since 2024-01-01", "since the last digest". */
  readonly since?: string;
  /** The "show all" action's value (see more.ts); without it a long digest says how to see the rest. */
  readonly more?: string;
  /** "lisbot digest" or "lisbot digest preview". */
  readonly heading?: string;
  /** No chat platform limits (for the terminal): every shown line, in as many fields as it takes. */
  readonly unbounded?: boolean;
}

function countsTitle(counts: ReadonlyMap<DigestGroup, number>): string {
  // The same words as the section titles, so the counts can be checked against them.
  const words: Record<DigestGroup, string> = {
    supported: 'newly supported',
    features: 'features newly available',
    lis: 'LIS release',
    dropped: 'dropped or end of life',
  };
  return DIGEST_GROUPS.filter((g) => (counts.get(g) ?? 0) > 0)
    .map((g) => {
      const n = counts.get(g)!;
      return g === 'lis' && n > 1 ? `${n} LIS releases` : `${n} ${words[g]}`;
    })
    .join(', ');
}

/**
 * The digest as a Reply: a title counting the changes, one short sentence, and a field per group (newly supported
 * releases and how they get integration services, features newly available per host, new LIS releases, dropped
 * releases). A long digest shows `limit` lines and a "show all" action. No changes: undefined, or one line when
 * `quietWhenEmpty` is false.
 */
export function composeDigest(
  kb: KnowledgeBase,
  changes: readonly KbChange[],
  filters: DigestFilters,
  options: ComposeOptions = {},
): Reply | undefined {
  const heading = options.heading ?? 'lisbot digest';
  const scope = describeFilters(kb, filters);
  const since = options.since ? ` ${options.since}` : '';
  if (changes.length === 0) {
    if (options.quietWhenEmpty ?? true) return undefined;
    return reply({
      intent: 'digest',
      title: `${heading}: nothing new`,
      text: `No changes to the Hyper-V support matrices${since}${scope ? ` for ${scope}` : ''}.`,
    });
  }
  const byGroup = new Map<DigestGroup, string[]>(DIGEST_GROUPS.map((g) => [g, []]));
  // Whole releases first (new, dropped), then hosts, then single features: what a summary keeps matters most.
  const ordered = [...changes].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  for (const change of ordered) byGroup.get(groupOf(change))!.push(clip(digestLine(kb, change), LINE_CHARS));
  const counts = new Map(DIGEST_GROUPS.map((g) => [g, byGroup.get(g)!.length] as const));
  const limit = Math.max(1, options.limit ?? DEFAULT_DIGEST_LIMIT);
  const shown = allot(counts, Number.isFinite(limit) ? limit : changes.length);

  const fields: ReplyField[] = [];
  let body = 0;
  let hidden = 0;
  for (const group of DIGEST_GROUPS) {
    const lines = byGroup.get(group)!;
    if (lines.length === 0) continue;
    let take = shown.get(group) ?? 0;
    // Stay within the platforms' message size whatever the limit.
    while (!options.unbounded && take > 0 && body + lines.slice(0, take).reduce((n, l) => n + l.length + 3, 0) > BODY_CHARS) take -= 1;
    const rest = lines.length - take;
    hidden += rest;
    const visible = lines.slice(0, take).map((l) => `• ${l}`);
    if (rest > 0) visible.push(`…and ${rest} more`);
    const packed = packFields(`${GROUP_LABELS[group]} (${lines.length})`, visible, options.unbounded ? Infinity : FIELD_CHARS);
    for (const field of packed) {
      if (!options.unbounded && fields.length >= MAX_FIELDS) {
        hidden += field.value.split('\n').filter((line) => line.startsWith('• ')).length;
        continue;
      }
      fields.push(field);
      body += field.value.length + field.label.length;
    }
  }
  const actions: ReplyAction[] =
    hidden > 0 && options.more ? [{ kind: 'show-more', label: `Show all ${changes.length} changes`, value: options.more }] : [];
  const summary =
    hidden > 0
      ? ` Showing ${changes.length - hidden} of ${changes.length}${options.more ? '' : '; `lisbot digest preview` lists them all'}.`
      : '';
  return reply({
    intent: 'digest',
    title: clip(`${heading}: ${countsTitle(counts)}`, 150),
    text: `What changed in the Hyper-V support matrices${since}${scope ? ` for ${scope}` : ''}.${summary}`,
    fields,
    sources: sourcesOf(kb, changes),
    actions,
  });
}
