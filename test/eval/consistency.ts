import { answerQuestion } from '../../src/bot/answer.ts';
import type { KnowledgeBase } from '../../src/knowledge/index.ts';
import { readColumn } from '../../src/knowledge/query/column-reading.ts';
import { eraLabel } from '../../src/knowledge/query/eras.ts';
import { decideVerdict } from '../../src/knowledge/query/verdict.ts';
import { matchColumns } from '../../src/knowledge/query/support.ts';
import { uekKey, uekRelease } from '../../src/knowledge/query/uek.ts';
import type { FeatureId, HostId, MatrixSnapshot, ReleaseColumn } from '../../src/knowledge/schema/index.ts';
import { parseVersion, versionBounds } from '../../src/knowledge/version.ts';
import { jsonVerdict } from '../../src/bot/handlers/verdict-reply.ts';

export interface CellCheck {
  readonly question: string;
  readonly snapshot: string;
  readonly column: string;
  readonly feature: FeatureId;
  readonly host: HostId;
  readonly expected: string;
  readonly actual: string | undefined;
  readonly outcome: 'agree' | 'not-understood' | 'newer-era-decides' | 'newer-era-reported' | 'ambiguous' | 'disagree';
}

const FAMILY_WORDS: Record<string, string> = {
  rhel: 'rhel',
  centos: 'centos',
  'oracle-linux': 'oracle linux',
  sles: 'sles',
  opensuse: 'opensuse',
  ubuntu: 'ubuntu',
  debian: 'debian',
  freebsd: 'freebsd',
};

function featureWords(kb: KnowledgeBase, feature: FeatureId): string {
  const record = kb.features.get(feature)!;
  return (record.synonyms[0] ?? record.matrixNames[0] ?? record.name).toLowerCase();
}

const TEMPLATES: ReadonlyArray<(guest: string, feature: string, host: string) => string> = [
  (g, f, h) => `does ${g} support ${f} on ${h}?`,
  (g, f, h) => `${g} ${f} on hyper-v ${h}`,
  (g, f, h) => `is ${f} available for ${g} on server ${h}?`,
];
const CORE_TEMPLATES: ReadonlyArray<(guest: string, host: string) => string> = [
  (g, h) => `is ${g} supported on ${h}?`,
  (g, h) => `${g} on hyper-v ${h}`,
  (g, h) => `can i run ${g} on windows server ${h}`,
];

/** Versions that stand for a column: both ends of each range, each exact version, a point release of a series. */
function representatives(column: ReleaseColumn): string[] {
  const out = new Set<string>();
  for (const item of column.versions) {
    if (item.kind === 'exact') out.add(item.version);
    else if (item.kind === 'range') {
      out.add(item.from);
      out.add(item.to);
    } else out.add(`${item.major}.0`);
  }
  return [...out].filter((v) => parseVersion(v) !== undefined);
}

function guestWords(column: ReleaseColumn, family: string, version: string): string {
  const kernel =
    column.kernel?.flavor === 'uek' && column.kernel.label
      ? ` uek ${uekRelease(uekKey(column.kernel.label) ?? '').toLowerCase()}`
      : column.kernel?.flavor === 'rhck'
        ? ' rhck'
        : '';
  const how =
    column.integration.kind === 'download'
      ? ` with ${column.integration.package?.toLowerCase() ?? 'lis'}`
      : column.integration.kind === 'built-in'
        ? ' with the built-in lis'
        : '';
  const v = family === 'sles' ? version.toLowerCase() : version;
  return `${FAMILY_WORDS[family] ?? family} ${v}${kernel}${how}`;
}

/**
 * Asks, through the ask path, about every cell of every snapshot for every host its row names, at versions standing
 * for the column (both ends, so note scopes such as "6.4-6.8" are crossed), and compares the verdict with the cell
 * read with its notes. A newer page deciding differently counts only when the answer reports the older page.
 */
export function checkAllCells(kb: KnowledgeBase): CellCheck[] {
  const checks: CellCheck[] = [];
  let n = 0;
  for (const snapshot of kb.snapshots.values()) {
    for (const column of snapshot.columns) {
      const family = column.families[0]!;
      if (!FAMILY_WORDS[family]) continue;
      const bounds = versionBounds(column.versions);
      if (!bounds) continue;
      const versions = representatives(column);
      for (const [feature, cell] of Object.entries(column.features) as Array<
        [FeatureId, NonNullable<ReleaseColumn['features'][FeatureId]>]
      >) {
        const scoped = cell.some((e) => e.scope || e.notes.some((r) => r.scope || scopedNote(kb, snapshot, r.position)));
        const hosts = [...new Set(cell.flatMap((e) => e.hosts))];
        for (const [i, host] of hosts.entries()) {
          // Every cell and host once, at one of the column's versions in turn; a cell a scope can cut at every version.
          for (const version of scoped ? versions : [versions[(n + i) % versions.length]!])
            checks.push(checkCell(kb, snapshot, column, family, version, feature, host, n++));
        }
      }
    }
  }
  return checks;
}

/** A note whose effect names versions: asking at each end of the column crosses its scope. */
function scopedNote(kb: KnowledgeBase, snapshot: MatrixSnapshot, position: number): boolean {
  const note = snapshot.notes.find((x) => x.position === position);
  return note !== undefined && (kb.paraphrase(note.fingerprint)?.effects.some((e) => e.versions !== undefined) ?? false);
}

function checkCell(
  kb: KnowledgeBase,
  snapshot: MatrixSnapshot,
  column: ReleaseColumn,
  family: string,
  version: string,
  feature: FeatureId,
  host: HostId,
  n: number,
): CellCheck {
  const guest = guestWords(column, family, version);
  const question =
    feature === 'core'
      ? CORE_TEMPLATES[n % CORE_TEMPLATES.length]!(guest, host)
      : TEMPLATES[n % TEMPLATES.length]!(guest, featureWords(kb, feature), host);
  const parsed = parseVersion(version)!;
  const match = matchColumns(snapshot, column.families[0]!, parsed).find((m) => m.column === column)?.match ?? 'within';
  const reading = readColumn(kb, snapshot, column, match, { family: column.families[0]!, version, host, feature });
  const expected = jsonVerdict(reading.verdict);
  const base = { question, snapshot: snapshot.id, column: column.key, feature, host, expected };
  const { reply } = answerQuestion(kb, question);
  const actual = reply.verdict;
  if (actual === expected) return { ...base, actual, outcome: 'agree' };
  // A phrasing the intent parser does not take as a support question is its concern, not the verdict's.
  if (reply.intent !== 'feature_support' && reply.intent !== 'distro_support') return { ...base, actual, outcome: 'not-understood' };
  const e = reply.entities;
  if (!e.distro) return { ...base, actual, outcome: 'disagree' };
  const answer = decideVerdict(kb, {
    family: e.distro,
    ...(e.version ? { version: e.version } : {}),
    ...(e.kernel ? { kernel: e.kernel } : {}),
    ...(e.uek ? { uek: e.uek } : {}),
    ...(e.lis ? { lis: e.lis } : column.integration.kind === 'built-in' ? { integration: 'built-in' as const } : {}),
    ...(e.host ? { host: e.host } : {}),
    ...(e.feature && e.feature !== 'dynamic-memory' ? { feature: e.feature } : {}),
  });
  if (answer.decidingEra && answer.decidingEra !== snapshot) {
    const reported = reply.text.includes(eraLabel(snapshot)) || reply.fields.some((f) => f.value.includes(eraLabel(snapshot)));
    return { ...base, actual, outcome: reported ? 'newer-era-reported' : 'newer-era-decides' };
  }
  if (answer.deciding.length > 1) return { ...base, actual, outcome: 'ambiguous' };
  return { ...base, actual, outcome: 'disagree' };
}
