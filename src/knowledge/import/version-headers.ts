// Reads a free-text guest column header ("8.1-8.6+", "SLES 12 SP3/SP4", "6.8-6.10 (UEK4)", "R3 QU3") into versions.
import type { DistroId } from '../schema/ids.ts';
import type { KernelFlavor } from '../schema/matrix.ts';
import { VersionText, type VersionItem } from '../schema/versions.ts';
import { compareVersions, parseVersion } from '../version.ts';
import { cleanInline, normaliseDashes } from './text.ts';

export interface ParsedVersionHeader {
  readonly versions: VersionItem[];
  readonly kernel?: KernelFlavor;
  /** Distributions the header itself names ("SLES", "openSUSE", "OL with RHCK"). */
  readonly families: DistroId[];
  /** The header names a kernel release only ("R3 QU3"), so the versions come from the Oracle Linux majors that kernel ships for. */
  readonly versionsInferred: boolean;
  /** Sorted, lower-case and spaceless, for column keys: "6.8,6.9,6.10", "12sp3-12sp5", "8.1-8.6+", "9.x". */
  readonly key: string;
}

export type VersionHeaderResult =
  { readonly ok: true; readonly header: ParsedVersionHeader } | { readonly ok: false; readonly reason: string };

/** Oracle Linux majors each Unbreakable Enterprise Kernel release ships for (Oracle's UEK release notes). */
const UEK_RELEASE_MAJORS: Readonly<Record<number, readonly string[]>> = {
  2: ['5', '6'],
  3: ['6', '7'],
  4: ['6', '7'],
  5: ['7'],
  6: ['7', '8'],
  7: ['8', '9'],
  8: ['9', '10'],
};

const FAMILY_WORDS: ReadonlyArray<[RegExp, DistroId]> = [
  [/\bopen\s*SUSE\b/gi, 'opensuse'],
  [/\bSUSE\s+Linux\s+Enterprise\s+Server\b|\bSLES\b|\bSUSE\b/gi, 'sles'],
  [/\bOracle\s+Linux\b|\bOL\b/g, 'oracle-linux'],
  [/\bRed\s+Hat\s+Enterprise\s+Linux\b|\bRHEL\b/gi, 'rhel'],
  [/\bCentOS\b/gi, 'centos'],
  [/\bUbuntu\b/gi, 'ubuntu'],
  [/\bDebian\b/gi, 'debian'],
  [/\bFreeBSD\b/gi, 'freebsd'],
];

function takeKernel(text: string): { kernel?: KernelFlavor; rest: string; labelOnly: boolean; release?: number } {
  const uek = /\bUEK\s*-?\s*(R)?\s*(\d+)(?:\s*(?:U|QU)\s*(\d+))?/i.exec(text);
  if (uek) {
    const release = Number(uek[2]);
    const label = uek[1] ? `UEK R${release}${uek[3] ? ` QU${uek[3]}` : ''}` : `UEK${release}${uek[3] ? ` QU${uek[3]}` : ''}`;
    return { kernel: { flavor: 'uek', label }, rest: text.replace(uek[0], ' '), labelOnly: false, release };
  }
  const bare = /^\s*R(\d+)(?:\s*QU?\s*(\d+))?\s*$/i.exec(text);
  if (bare) {
    const release = Number(bare[1]);
    return { kernel: { flavor: 'uek', label: `UEK R${release}${bare[2] ? ` QU${bare[2]}` : ''}` }, rest: '', labelOnly: true, release };
  }
  if (/\bUEK\b/i.test(text)) return { kernel: { flavor: 'uek' }, rest: text.replace(/\bUEK\b/gi, ' '), labelOnly: false };
  if (/RHCK/i.test(text)) return { kernel: { flavor: 'rhck' }, rest: text.replace(/RHCK/gi, ' '), labelOnly: false };
  return { rest: text, labelOnly: false };
}

/** "12 sp3" → "12 SP3"; undefined when it is no version. */
function versionText(text: string): string | undefined {
  const match = /^(\d+(?:\.\d+)*)\s*(?:SP\s*(\d+))?$/i.exec(text.trim());
  if (!match) return undefined;
  const version = match[2] === undefined ? match[1]! : `${match[1]} SP${Number(match[2])}`;
  return VersionText.safeParse(version).success ? version : undefined;
}

function majorOf(version: string): string {
  return /^\d+/.exec(version)?.[0] ?? '';
}

function parsePiece(piece: string, base: string | undefined): VersionItem | string {
  const series = /^(\d+)\.x$/i.exec(piece);
  if (series) return { kind: 'series', major: series[1]! };
  const withBase = (text: string) => (/^SP\s*\d+$/i.test(text.trim()) && base !== undefined ? `${base} ${text.trim()}` : text);
  const range = /^(.+?)\s*-\s*(.+?)(\+)?$/.exec(piece);
  if (range) {
    const from = versionText(withBase(range[1]!));
    const toRaw = range[2]!.trim();
    const to = versionText(/^SP\s*\d+$/i.test(toRaw) && from ? `${majorOf(from)} ${toRaw}` : withBase(toRaw));
    if (!from || !to) return `cannot read the range "${piece}"`;
    return { kind: 'range', from, to, openEnded: range[3] === '+' };
  }
  const openEnded = /^(.+?)\s*\+$/.exec(piece);
  if (openEnded) {
    const version = versionText(withBase(openEnded[1]!));
    return version ? { kind: 'range', from: version, to: version, openEnded: true } : `cannot read the version "${piece}"`;
  }
  const version = versionText(withBase(piece));
  return version ? { kind: 'exact', version } : `cannot read the version "${piece}"`;
}

function lowBound(item: VersionItem): string {
  return item.kind === 'exact' ? item.version : item.kind === 'range' ? item.from : item.major;
}

/** The column-key form of a set of versions: sorted by lower bound, lower case, no spaces. */
export function versionKey(items: readonly VersionItem[]): string {
  // "10 - 10.1" and "10.0 - 10.1" are the same column: a bare major opening a range reads as x.0.
  const from = (item: { from: string; to: string }) => (/^\d+$/.test(item.from) && /^\d+\./.test(item.to) ? `${item.from}.0` : item.from);
  return [...items]
    .sort((a, b) => compareVersions(parseVersion(lowBound(a)) ?? { parts: [] }, parseVersion(lowBound(b)) ?? { parts: [] }))
    .map((item) =>
      item.kind === 'exact'
        ? item.version
        : item.kind === 'series'
          ? `${item.major}.x`
          : `${from(item)}-${item.to}${item.openEnded ? '+' : ''}`,
    )
    .join(',')
    .toLowerCase()
    .replace(/\s+/g, '');
}

export function parseVersionHeader(raw: string): VersionHeaderResult {
  let text = normaliseDashes(cleanInline(raw));
  const families: DistroId[] = [];
  for (const [pattern, family] of FAMILY_WORDS) {
    text = text.replace(pattern, () => {
      if (!families.includes(family)) families.push(family);
      return ' ';
    });
  }
  const taken = takeKernel(text);
  text = taken.rest
    .replace(/\(\s*[A-Za-z][A-Za-z .'-]*\)/g, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\b(?:LTS|with|series|release|releases|versions?)\b/gi, ' ')
    .replace(/[()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

  if (text === '') {
    const majors = taken.release === undefined ? undefined : UEK_RELEASE_MAJORS[taken.release];
    if (taken.kernel && majors) {
      const versions: VersionItem[] = majors.map((major) => ({ kind: 'series', major }));
      return { ok: true, header: { versions, kernel: taken.kernel, families, versionsInferred: true, key: '' } };
    }
    return { ok: false, reason: `no guest version in the column header "${cleanInline(raw)}"` };
  }

  const versions: VersionItem[] = [];
  let base: string | undefined;
  for (const piece of text.split(/\s*(?:,|\/|&|\band\b)\s*/i)) {
    if (piece.trim() === '') continue;
    const item = parsePiece(piece.trim(), base);
    if (typeof item === 'string') return { ok: false, reason: `${item} in the column header "${cleanInline(raw)}"` };
    versions.push(item);
    base = majorOf(lowBound(item)) || base;
  }
  if (versions.length === 0) return { ok: false, reason: `no guest version in the column header "${cleanInline(raw)}"` };
  const header: ParsedVersionHeader = taken.kernel
    ? { versions, kernel: taken.kernel, families, versionsInferred: false, key: versionKey(versions) }
    : { versions, families, versionsInferred: false, key: versionKey(versions) };
  return { ok: true, header };
}
