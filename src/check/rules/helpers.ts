import type { Evidence, Observed } from '../guest-facts.ts';
import type { Applicability, FeatureId, KnownIssue, Tip } from '../../knowledge/schema/index.ts';
import { compareNumberParts, compareVersions, matchVersionItems, parseVersion, versionBounds } from '../../knowledge/version.ts';
import type { Finding } from '../report/check-report.ts';
import { cached } from './kb-cache.ts';
import type { CheckContext, RuleContext } from './types.ts';

const MAX_EVIDENCE = 5;
const MAX_EVIDENCE_CHARS = 200;

type EvidenceSource = Observed<unknown> | readonly Evidence[] | undefined | null | false;

/** Upload lines that back a finding, as short plain strings: "section:line: text". Untrusted text; adapters escape it. */
export function evidenceOf(...sources: EvidenceSource[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    if (!source) continue;
    const list: readonly Evidence[] = 'evidence' in source ? source.evidence : source;
    for (const e of list) {
      const key = `${e.section}:${e.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(plain(`${e.section}:${e.line}: ${e.text}`, MAX_EVIDENCE_CHARS));
      if (out.length >= MAX_EVIDENCE) return out;
    }
  }
  return out;
}

/** Upload-derived text placed in our own sentences: printable word characters only, short. */
export function token(text: string | number | undefined, max = 60): string {
  if (text === undefined) return '?';
  const clean = String(text)
    .replace(/[^\w.+:~/@-]/g, '')
    .slice(0, max);
  return clean || '?';
}

function score(ctx: CheckContext, scope: Applicability): number {
  const { distro, version } = ctx.guest;
  if (scope.families && scope.families.length > 0) {
    if (distro !== undefined && !scope.families.includes(distro)) return 0;
  }
  if (scope.versions && scope.versions.length > 0) {
    const parsed = version ? parseVersion(version) : undefined;
    if (!parsed || matchVersionItems(parsed, scope.versions) === 'none') return 0;
  }
  const kind = ctx.guest.integration?.kind;
  if (scope.integration && scope.integration.length > 0 && kind !== undefined && !scope.integration.includes(kind)) return 0;
  return 1 + (scope.families?.length ? 1 : 0) + (scope.versions?.length ? 1 : 0);
}

/** The KB tip and known issue that name this rule id in their keywords and fit the guest (family, release, integration). */
export function kbAdvice(ctx: CheckContext, id: string): Advice {
  // Rule ids are upper case, so they never meet the lower-case namespaces of other lookups.
  return cached(ctx.kb, id, ctx.guest.key, () => findAdvice(ctx, id));
}

interface Advice {
  tip?: Tip;
  issue?: KnownIssue;
  /** The citations a finding carries for them, worked out once. */
  cites?: readonly string[];
}

function findAdvice(ctx: CheckContext, id: string): { tip?: Tip; issue?: KnownIssue } {
  const best = <T extends { keywords: readonly string[] }>(items: readonly T[], scopeOf: (item: T) => Applicability): T | undefined => {
    let found: T | undefined;
    let top = 0;
    for (const item of items) {
      if (!item.keywords.includes(id)) continue;
      const s = score(ctx, scopeOf(item));
      if (s > top) {
        found = item;
        top = s;
      }
    }
    return found;
  };
  const tip = best(ctx.kb.tips, (t) => t.appliesTo);
  const issue = best(ctx.kb.knownIssues, (k) => k.affects);
  const cites = [...(tip ? [cite('tip', tip)] : []), ...(issue ? [cite('issue', issue)] : [])];
  return { ...(tip ? { tip } : {}), ...(issue ? { issue } : {}), ...(cites.length ? { cites } : {}) };
}

function cite(kind: 'tip' | 'issue', record: Tip | KnownIssue): string {
  const upstream = record.sources
    .slice(0, 3)
    .map((s) => s.source)
    .join(', ');
  return `KB ${kind} ${record.id} (${upstream})`;
}

export interface FindingParts {
  readonly detail: string;
  /** Our own fix; the KB tip's advice is used when absent and `kbFix` is not false. */
  readonly fix?: string;
  readonly evidence?: readonly string[];
  /** Extra sources (KB record ids, snapshot ids, "vendor lifecycle…"). */
  readonly source?: string | readonly string[];
  readonly severity?: Finding['severity'];
  readonly title?: string;
  /** Use the KB tip's advice as the fix when the rule gives none (default true). */
  readonly kbFix?: boolean;
}

const MAX_FIX_CHARS = 600;

/** A finding of the rule that is running: its id, title and severity, and the KB tip or known issue that backs it. */
export function finding(ctx: RuleContext, parts: FindingParts): Finding {
  const entry = ctx.rule;
  const id = entry.id;
  const { tip, issue, cites } = kbAdvice(ctx, id);
  const severity: Finding['severity'] = parts.severity ?? entry.severity;
  let fix = parts.fix;
  if (fix === undefined && parts.kbFix !== false) fix = tip?.advice ?? issue?.workaround;
  if (fix && fix.length > MAX_FIX_CHARS) fix = `${fix.slice(0, MAX_FIX_CHARS - 1)}…`;
  const own = typeof parts.source === 'string' ? [parts.source] : (parts.source ?? []);
  const sources = cites ? [...own, ...cites] : own;
  const title = parts.title ?? entry.title;
  const evidence = parts.evidence ?? [];
  const out: { -readonly [K in keyof Finding]: Finding[K] } = fix
    ? { id, severity, title, detail: parts.detail, fix, evidence }
    : { id, severity, title, detail: parts.detail, evidence };
  if (sources.length > 0) out.source = sources.join('; ');
  return out;
}

/** Kernel and protocol number sequences, ordered as the KB orders versions. */
export const compareTuples = compareNumberParts;

/** Within [from, to] inclusive, comparing major.minor. */
export function versionBetween(version: string | undefined, from: string, to: string): boolean {
  const v = version === undefined ? undefined : parseVersion(version);
  const low = parseVersion(from);
  const high = parseVersion(to);
  if (!v || !low || !high) return false;
  return compareVersions(v, low) >= 0 && compareVersions({ ...v, parts: v.parts.slice(0, 2) }, high) <= 0;
}

export function familyLabel(ctx: CheckContext): string {
  const d = ctx.guest.distro;
  const name = d ? ctx.kb.familyName(d) : 'This guest';
  return ctx.guest.version ? `${name} ${ctx.guest.version}` : name;
}

export function logSignature(ctx: CheckContext, ...ids: string[]) {
  return (ctx.facts.logSignatures ?? []).filter((s) => ids.includes(s.id));
}

// Control characters, C1 controls and bidirectional overrides: none of them belong in a report line.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Untrusted text made safe to print as plain text: no control or bidi characters, one line, capped. */
export function plain(text: string, max = 200): string {
  const flat = NEEDS_CLEANING.test(text) ? text.replace(/[\r\n\t]+/g, ' ').replace(UNPRINTABLE, '') : text;
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The guest's host is newer than every host the pages listing its release name: they neither include nor exclude it
 * (Debian 11 on 2022, where the pages stop at 2019).
 */
export function hostBeyondListedHosts(ctx: CheckContext): boolean {
  const verdict = ctx.support?.verdict;
  return ctx.guest.host?.family !== undefined && verdict?.verdict === 'not-in-matrix' && verdict.reason === 'host-newer-than-pages';
}

/** The guest release is newer than every release the family's current matrix page lists. */
export function newerThanListed(ctx: CheckContext): boolean {
  const { distro, version } = ctx.guest;
  return cached(ctx.kb, 'newer-than-listed', ctx.guest.key, () => newerThanColumns(ctx, distro, version));
}

function newerThanColumns(ctx: CheckContext, distro: CheckContext['guest']['distro'], version: string | undefined): boolean {
  const parsed = version ? parseVersion(version) : undefined;
  if (!distro || !parsed || !ctx.support?.current) return false;
  const highs = ctx.support.current.columns
    .filter((c) => c.families.includes(distro))
    .map((c) => versionBounds(c.versions)?.high)
    .filter((v) => v !== undefined);
  return highs.length > 0 && highs.every((h) => compareVersions(parsed, h) > 0);
}

/** The VMBus device lines of one class, as evidence. */
export function deviceEvidence(ctx: CheckContext, classId: string): Evidence[] {
  return (ctx.facts.vmbusDevices?.evidence ?? []).filter((e) => e.text.toLowerCase().includes(classId));
}

/**
 * The matrix rules a feature out for this guest and host. A host missing from the whole column
 * (core itself "not on host") is SUPPORT_NOT_IN_MATRIX's business, not each feature's.
 */
export function featureRuledOut(ctx: CheckContext, feature: FeatureId): boolean {
  const status = ctx.guest.features.get(feature)?.kbStatus;
  if (status === 'not-available') return true;
  return status === 'not-on-host' && ctx.guest.features.get('core')?.kbStatus !== 'not-on-host';
}
