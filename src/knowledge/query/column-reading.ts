import type { KnowledgeBase, ResolvedNote } from '../knowledge-base.ts';
import type { FeatureId, HostId, MatrixSnapshot, NoteRef, ReleaseColumn } from '../schema/index.ts';
import type { VersionMatch } from '../version.ts';
import { cellStatus, type OptionStatus } from './feature.ts';
import { applyEffect, effectFit, parseScope, versionFit, type AppliedEffect, type Configuration } from './note-effects.ts';
import { describeHosts } from '../describe.ts';
import { describeVersionItems } from '../version.ts';
import { isTalk } from './eras.ts';

export type VerdictKind = 'yes' | 'no' | 'conditional' | 'not-in-matrix';

/** What one column of one page says for the asked feature, host and guest, after its notes. */
export interface ColumnReading {
  readonly snapshot: MatrixSnapshot;
  readonly column: ReleaseColumn;
  readonly match: VersionMatch;
  readonly status: OptionStatus;
  /** Hosts on which the cell marks the feature available. */
  readonly hosts: readonly HostId[];
  /** Hosts on which the column's guest is supported at all. */
  readonly coreHosts: readonly HostId[];
  /** Whether the page says anything about the asked host for this column (always true when no host is asked). */
  readonly explicit: boolean;
  readonly verdict: VerdictKind;
  readonly conditions: readonly string[];
  /** Why the verdict is no, in our words. */
  readonly reason?: string;
  readonly effects: readonly AppliedEffect[];
  /** Every note the cell cites, for display. */
  readonly notes: readonly ResolvedNote[];
}

function resolveAll(kb: KnowledgeBase, snapshot: MatrixSnapshot, refs: readonly NoteRef[]): ResolvedNote[] {
  const seen = new Set<string>();
  const notes: ResolvedNote[] = [];
  for (const ref of refs) {
    const note = kb.resolveNote(snapshot, ref);
    if (!note || seen.has(`${note.fingerprint}|${note.scope ?? ''}`)) continue;
    seen.add(`${note.fingerprint}|${note.scope ?? ''}`);
    notes.push(note);
  }
  return notes;
}

const PAGE_LEVEL_KINDS = new Set(['min-host', 'not-available']);

const pageLevelCache = new WeakMap<MatrixSnapshot, ResolvedNote[]>();

/** Notes on the page that no cell of this column cites but whose effect names versions the guest falls in (RHEL 8.5 needs 2019+). */
function pageLevelNotes(kb: KnowledgeBase, snapshot: MatrixSnapshot, cited: ReadonlySet<string>): ResolvedNote[] {
  let candidates = pageLevelCache.get(snapshot);
  if (!candidates) {
    candidates = snapshot.notes
      .filter((n) => !n.placeholder && kb.paraphrase(n.fingerprint)?.effects.some((e) => e.versions && PAGE_LEVEL_KINDS.has(e.kind)))
      .map((n) => kb.resolveNote(snapshot, { position: n.position }))
      .filter((n): n is ResolvedNote => n !== undefined);
    pageLevelCache.set(snapshot, candidates);
  }
  return candidates.filter((n) => !cited.has(n.fingerprint));
}

const carriedCache = new WeakMap<MatrixSnapshot, ResolvedNote[]>();

/**
 * The talk's cells carry no notes. A requirement the family's newest page states for a feature whatever the release
 * (LUN 0 for virtual Fibre Channel on 2012 R2) held in the talk's time too, so its readings take those notes on.
 */
function carriedNotes(kb: KnowledgeBase, family: Configuration['family']): ResolvedNote[] {
  const page = kb.history(family).find((s) => !isTalk(s));
  if (!page) return [];
  let carried = carriedCache.get(page);
  if (!carried) {
    carried = page.notes
      .filter((n) => {
        const paraphrase = n.placeholder ? undefined : kb.paraphrase(n.fingerprint);
        return (
          paraphrase !== undefined &&
          paraphrase.features.length > 0 &&
          paraphrase.effects.length > 0 &&
          paraphrase.effects.every((e) => e.kind === 'requires' && !e.versions && !e.lis && !e.uek && !e.kernels && !e.integration)
        );
      })
      .map((n) => kb.resolveNote(page, { position: n.position }))
      .filter((n): n is ResolvedNote => n !== undefined);
    carriedCache.set(page, carried);
  }
  return carried;
}

function statusVerdict(status: OptionStatus): VerdictKind {
  if (status === 'available') return 'yes';
  if (status === 'no-data') return 'not-in-matrix';
  return 'no';
}

const coreHostsCache = new WeakMap<ReleaseColumn, readonly HostId[]>();

/** Hosts on which the column's guest is supported at all: a property of the column, worked out once. */
function coreHostsOf(column: ReleaseColumn): readonly HostId[] {
  let hosts = coreHostsCache.get(column);
  if (!hosts) {
    const coreCell = column.features.core;
    hosts = coreCell
      ? cellStatus(coreCell, undefined).hosts
      : [...new Set(Object.values(column.features).flatMap((c) => c.flatMap((e) => e.hosts)))];
    coreHostsCache.set(column, hosts);
  }
  return hosts;
}

function hostsNamedIn(columns: readonly ReleaseColumn[]): HostId[] {
  return [...new Set(columns.flatMap((column) => Object.values(column.features).flatMap((c) => c.flatMap((e) => e.hosts))))];
}

export function readColumn(
  kb: KnowledgeBase,
  snapshot: MatrixSnapshot,
  column: ReleaseColumn,
  match: VersionMatch,
  config: Configuration,
): ColumnReading {
  const { feature, host } = config;
  const coreCell = column.features.core;
  const coreHosts = coreHostsOf(column);
  const cell = column.features[feature];
  const base = { snapshot, column, match, coreHosts };
  if (!cell && feature === 'core') {
    // A column without a core row (the 2014 talk's) still lists the guest: on every host any of its rows names, or,
    // when it names none, on the hosts its source names anywhere (the hosts of the source's time).
    const ownHosts = hostsNamedIn([column]);
    const named = ownHosts.length > 0 ? ownHosts : hostsNamedIn(snapshot.columns);
    const known = host === undefined || named.includes(host);
    return {
      ...base,
      status: 'available',
      hosts: named,
      explicit: known,
      verdict: known ? 'yes' : 'not-in-matrix',
      conditions: [],
      effects: [],
      notes: [],
      ...(known
        ? {}
        : { reason: named.length ? `the source names only ${describeHosts(named)}` : 'the source lists the release without naming hosts' }),
    };
  }
  if (!cell) {
    return {
      ...base,
      status: 'no-data',
      hosts: [],
      explicit: false,
      verdict: 'not-in-matrix',
      conditions: [],
      effects: [],
      notes: [],
      reason: `this source has no ${kb.featureName(feature)} row for it`,
    };
  }
  let { status } = cellStatus(cell, host);
  const { hosts } = cellStatus(cell, host);
  const entries = host === undefined ? cell : cell.filter((e) => e.hosts.includes(host) || e.hosts.length === 0);
  let explicit = host === undefined || entries.length > 0;
  let reason: string | undefined;
  const conditions: string[] = [];
  if (status === 'not-on-host') reason = hosts.length ? `listed only on ${describeHosts(hosts)}` : `not listed on ${host}`;
  if (status === 'not-available') reason = 'the page marks it not available';
  if (status === 'not-applicable') {
    const because = kb.features.get(feature)?.notApplicableBecause;
    reason = `the page marks it not applicable${because ? `: ${because}` : ''}`;
  }
  if (feature !== 'core' && host !== undefined && coreCell && status === 'available') {
    const core = cellStatus(coreCell, host);
    if (core.status !== 'available') {
      status = 'not-on-host';
      explicit = core.status === 'not-available';
      reason = `the guest itself is not listed on ${host}${core.hosts.length ? ` (only ${describeHosts(core.hosts)})` : ''}`;
    }
  }
  for (const entry of entries) {
    if (!entry.scope || entry.status !== 'available' || status !== 'available') continue;
    const items = parseScope(entry.scope);
    const fit = versionFit(config.version, items);
    if (fit === 'out') {
      status = 'not-available';
      reason = `the page marks it available only for ${entry.scope}`;
    }
    if (fit === 'partly') conditions.push(`only on ${items ? describeVersionItems(items) : entry.scope}`);
  }
  const notes = [
    ...resolveAll(kb, snapshot, [...entries.flatMap((e) => e.notes), ...column.integration.notes]),
    // Only the notes about the asked feature: the talk's live-backup cell takes no Fibre Channel or NetworkManager note.
    ...(isTalk(snapshot) && status === 'available'
      ? carriedNotes(kb, config.family).filter((n) => kb.paraphrase(n.fingerprint)?.features.includes(feature))
      : []),
  ];
  const cited = new Set(notes.map((n) => n.fingerprint));
  const effects: AppliedEffect[] = [];
  for (const [list, pageLevel] of [
    [notes, false],
    [pageLevelNotes(kb, snapshot, cited), true],
  ] as const) {
    for (const note of list) {
      const paraphrase = kb.paraphrase(note.fingerprint);
      for (const effect of paraphrase?.effects ?? []) {
        if (pageLevel && !(effect.versions && PAGE_LEVEL_KINDS.has(effect.kind))) continue;
        if (pageLevel && effect.families && !effect.families.includes(config.family)) continue;
        const fit = effectFit(effect, note, column, config, pageLevel ? [] : (paraphrase?.features ?? []));
        if (fit === 'out') continue;
        effects.push(applyEffect(effect, note, fit, config, pageLevel));
      }
    }
  }
  let verdict = statusVerdict(status);
  if (verdict === 'yes') {
    const blocking = effects.find((e) => e.outcome === 'no');
    if (blocking) {
      verdict = 'no';
      reason = blocking.why;
    } else {
      conditions.push(...effects.filter((e) => e.outcome === 'condition').map((e) => e.condition!));
      if (conditions.length) verdict = 'conditional';
    }
  }
  return {
    ...base,
    status,
    hosts,
    explicit,
    verdict,
    conditions: [...new Set(conditions)],
    ...(reason ? { reason } : {}),
    effects,
    notes: [...notes, ...effects.filter((e) => e.pageLevel).map((e) => e.note)],
  };
}

/** The verdict of several columns read together, when the question pins none of them. */
export function combineReadings(readings: readonly ColumnReading[]): {
  verdict: VerdictKind;
  conditions: string[];
  yesColumns: ColumnReading[];
  mixed?: boolean;
} {
  const decisive = readings.filter((r) => r.verdict !== 'not-in-matrix');
  if (decisive.length === 0) return { verdict: 'not-in-matrix', conditions: [], yesColumns: [] };
  const yes = decisive.filter((r) => r.verdict === 'yes' || r.verdict === 'conditional');
  if (yes.length === 0) return { verdict: 'no', conditions: [], yesColumns: [] };
  const plain = yes.filter((r) => r.verdict === 'yes');
  if (yes.length === decisive.length) {
    if (plain.length > 0) return { verdict: 'yes', conditions: [], yesColumns: yes };
    return { verdict: 'conditional', conditions: [...new Set(yes[0]!.conditions)], yesColumns: yes };
  }
  return { verdict: 'conditional', conditions: [...new Set(yes.flatMap((r) => r.conditions))], yesColumns: yes, mixed: true };
}

export type { FeatureId };
