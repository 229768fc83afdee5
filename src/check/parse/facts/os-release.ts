import type { GuestDistro, GuestFacts } from '../../guest-facts.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { linesOf, observe, type Line } from './view.ts';

const ID_TO_DISTRO: Record<string, GuestDistro> = {
  rhel: 'rhel',
  redhat: 'rhel',
  centos: 'centos',
  ol: 'oracle-linux',
  oracle: 'oracle-linux',
  sles: 'sles',
  sled: 'sles',
  sles_sap: 'sles',
  'opensuse-leap': 'opensuse',
  opensuse: 'opensuse',
  'opensuse-tumbleweed': 'opensuse',
  suse: 'opensuse',
  ubuntu: 'ubuntu',
  debian: 'debian',
  freebsd: 'freebsd',
};

/**
 * A distribution's name, as a release file's line or os-release's NAME starts, and the ID os-release gives it:
 * "Red Hat Enterprise Linux Server release 6.3" rhel, NAME="SLES" sles, "openSUSE Leap" opensuse-leap.
 */
const ID_OF_NAME: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Red Hat Enterprise Linux/i, 'rhel'],
  [/^CentOS/i, 'centos'],
  [/^Oracle Linux|^Enterprise Linux Enterprise Linux/i, 'ol'],
  [/^Scientific Linux/i, 'scientific'],
  [/^Rocky/i, 'rocky'],
  [/^AlmaLinux/i, 'almalinux'],
  [/^Fedora/i, 'fedora'],
  [/^(?:SLES|SUSE Linux Enterprise Server)\b/i, 'sles'],
  [/^openSUSE Leap/i, 'opensuse-leap'],
  [/^openSUSE/i, 'opensuse'],
  [/^Ubuntu\b/i, 'ubuntu'],
  [/^Debian\b/i, 'debian'],
];

function idOfName(name: string): string | undefined {
  return ID_OF_NAME.find(([pattern]) => pattern.test(name.trim()))?.[1];
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && (v.startsWith('"') || v.startsWith("'")) && v.endsWith(v[0] ?? '') ? v.slice(1, -1) : v;
}

function osReleaseFields(lines: Line[]): Map<string, { value: string; line: Line }> {
  const out = new Map<string, { value: string; line: Line }>();
  for (const line of lines) {
    const m = /^([A-Z_]{1,40})=(.*)$/.exec(line.text.trim());
    if (m?.[1] && !out.has(m[1])) out.set(m[1], { value: unquote(m[2] ?? ''), line });
  }
  return out;
}

const RELEASE_FILE_IDS: ReadonlySet<string> = new Set(['rhel', 'centos', 'ol', 'scientific', 'rocky', 'almalinux', 'fedora']);

/** "Red Hat Enterprise Linux Server release 6.3 (Santiago)" and friends. */
function fromReleaseText(line: Line): { rawId: string; version?: string; versionFull?: string } | undefined {
  const text = line.text.trim();
  const m = /\brelease (\d{1,3}(?:\.\d{1,5}){0,3})/.exec(text);
  const full = m?.[1];
  const version = full?.split('.').slice(0, 2).join('.');
  // A release file holds one line of a Red Hat family's name; another name there is no release line.
  const rawId = idOfName(text);
  if (!rawId || !RELEASE_FILE_IDS.has(rawId)) return undefined;
  return { rawId, version, versionFull: full !== version ? full : undefined };
}

function slesVersion(versionId: string): string {
  const [major, sp] = versionId.split('.');
  return sp && sp !== '0' ? `${major} SP${Number(sp)}` : (major ?? versionId);
}

function debianVersion(text: string): { version: string; full: string } | undefined {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?/.exec(text.trim());
  if (!m?.[1]) return undefined;
  // The point release is kept: the pages list Debian 10 as 10.0-10.3, so 10.13 is another answer than 10.
  return { version: m[2] === undefined ? String(Number(m[1])) : `${Number(m[1])}.${Number(m[2])}`, full: text.trim() };
}

/** FreeBSD "13.2-RELEASE-p4" → 13.2. */
export function freebsdVersion(release: string): string | undefined {
  return /^(\d{1,3}\.\d{1,3})-/.exec(release)?.[1];
}

function freebsdOs(sections: SectionMap): Pick<GuestFacts, 'os'> | undefined {
  const uname = linesOf(sections, SECTION.uname).find((l) => l.text.startsWith('FreeBSD '));
  if (!uname) {
    // A partial report (a paste of a few sections) may still say which OS the collector ran on, and a pasted
    // freebsd-version ("12.2-RELEASE-p4") names it by itself.
    const meta = linesOf(sections, SECTION.meta).find((l) => /^os_type=FreeBSD\s*$/.test(l.text.trim()));
    const fv = linesOf(sections, SECTION.bsdVersion).find((l) => freebsdVersion(l.text.trim()));
    if (!meta && !fv) return undefined;
    const release = fv?.text.trim();
    const version = release && freebsdVersion(release);
    const evidence = [fv, meta].filter((l): l is Line => l !== undefined);
    return {
      os: observe(stripUndefined({ distro: 'freebsd' as const, rawId: 'freebsd', version, versionFull: release, like: [] }), evidence),
    };
  }
  const fv = linesOf(sections, SECTION.bsdVersion).find((l) => freebsdVersion(l.text.trim()));
  const release = fv?.text.trim() ?? uname.text.split(/\s+/)[2] ?? '';
  const version = freebsdVersion(release);
  return {
    os: observe(
      stripUndefined({ distro: 'freebsd' as const, rawId: 'freebsd', version, versionFull: release || undefined, like: [] }),
      fv ? [fv, uname] : [uname],
    ),
  };
}

type ReleaseFile = { parsed: NonNullable<ReturnType<typeof fromReleaseText>>; line: Line };

/** The first line of /etc/oracle-release, centos-release or redhat-release that names a release. */
function releaseFileLine(sections: SectionMap): ReleaseFile | undefined {
  for (const name of [SECTION.oracleRelease, SECTION.centosRelease, SECTION.redhatRelease] as const) {
    for (const line of linesOf(sections, name)) {
      const parsed = fromReleaseText(line);
      if (parsed) return { parsed, line };
    }
  }
  return undefined;
}

interface LinuxSources {
  readonly osr: ReturnType<typeof osReleaseFields>;
  readonly fromFile: ReleaseFile | undefined;
  readonly suse: Line[];
  readonly lsb: Line[];
  readonly debianFile: Line | undefined;
}

/** The distribution id, from os-release first, then the release files, SuSE-release, lsb-release and debian_version. */
function linuxId(src: LinuxSources, evidence: Line[]): string | undefined {
  const id = src.osr.get('ID');
  if (id) evidence.push(id.line);
  const fromId = id?.value.toLowerCase();
  if (fromId) return fromId;
  // A paste that grepped NAME and VERSION only ("grep -E '^(NAME|VERSION)=' /etc/os-release").
  const name = src.osr.get('NAME');
  const fromName = name && idOfName(name.value);
  if (fromName) {
    evidence.push(name.line);
    return fromName;
  }
  if (src.fromFile) {
    evidence.push(src.fromFile.line);
    return src.fromFile.parsed.rawId;
  }
  if (src.suse.length > 0) return /openSUSE/i.test(src.suse[0]?.text ?? '') ? 'opensuse' : 'sles';
  const lsbId = src.lsb.find((l) => l.text.startsWith('DISTRIB_ID='));
  if (lsbId) {
    evidence.push(lsbId);
    return unquote(lsbId.text.slice(11)).toLowerCase();
  }
  if (src.debianFile) return 'debian';
  // "grep VERSION /etc/os-release" alone: only SUSE numbers its releases "15-SP5".
  const version = src.osr.get('VERSION');
  if (version && /^\d{2}-SP\d{1,2}\b/i.test(version.value)) {
    evidence.push(version.line);
    return 'sles';
  }
  return undefined;
}

/** SLES 11 and older state VERSION and PATCHLEVEL in /etc/SuSE-release instead of os-release. */
function slesVersion11(suse: Line[], evidence: Line[]): string | undefined {
  const major = suse.find((l) => /^VERSION\s*=/.test(l.text));
  const patch = suse.find((l) => /^PATCHLEVEL\s*=/.test(l.text));
  const v = major?.text.split('=')[1]?.trim();
  const p = patch?.text.split('=')[1]?.trim();
  for (const l of [major, patch]) if (l) evidence.push(l);
  if (!v || !/^\d{1,3}$/.test(v)) return undefined;
  return p && p !== '0' && /^\d{1,3}$/.test(p) ? `${v} SP${p}` : v;
}

/**
 * The release in os-release's VERSION, for a paste cut short before VERSION_ID ("cat /etc/os-release | head -3"):
 * "22.04.4 LTS (Jammy Jellyfish)" is Ubuntu 22.04, "15-SP3" SLES 15 SP3, "8.4 (Ootpa)" 8.4, "7 (Core)" 7.
 */
function versionFieldRelease(value: string, distro: GuestDistro | undefined): string | undefined {
  const sp = /^(\d{1,3})-SP(\d{1,2})\b/i.exec(value);
  if (sp) return `${sp[1]} SP${Number(sp[2])}`;
  const release = /^(\d{1,3})(?:\.(\d{1,5}))?(?:\.\d{1,5})?(?![\d.-])/.exec(value);
  if (!release) return undefined;
  // os-release's VERSION alone names Debian's major ("11 (bullseye)"); /etc/debian_version, when pasted, gives the point release.
  if (distro === 'debian' || release[2] === undefined) return release[1];
  return `${release[1]}.${release[2]}`;
}

/** The release, from the source each family keeps it in most reliably. */
function linuxVersion(
  src: LinuxSources,
  distro: GuestDistro | undefined,
  rawId: string,
  evidence: Line[],
): { version?: string; versionFull?: string } {
  const versionId = src.osr.get('VERSION_ID');
  let version: string | undefined;
  let versionFull: string | undefined;
  if ((distro === 'rhel' || distro === 'centos' || distro === 'oracle-linux' || !distro) && src.fromFile) {
    version = src.fromFile.parsed.version;
    versionFull = src.fromFile.parsed.versionFull;
    evidence.push(src.fromFile.line);
  }
  if (!version && (distro === 'sles' || rawId === 'sles')) {
    if (versionId) {
      version = slesVersion(versionId.value);
      evidence.push(versionId.line);
    } else {
      version = slesVersion11(src.suse, evidence);
    }
  }
  if (!version && distro === 'debian' && src.debianFile) {
    const d = debianVersion(src.debianFile.text);
    // os-release's VERSION_ID is Debian's major alone ("11"); /etc/debian_version has the point release ("11.6").
    version = d && (!versionId || d.version.split('.')[0] === versionId.value) ? d.version : (versionId?.value ?? d?.version);
    versionFull = d?.full;
    evidence.push(src.debianFile);
  }
  if (!version && versionId && /^\d{1,8}(?:\.\d{1,5}){0,3}$/.test(versionId.value)) {
    version = versionId.value;
    evidence.push(versionId.line);
  }
  const versionField = src.osr.get('VERSION');
  const fromVersionField = version || versionId ? undefined : versionFieldRelease(versionField?.value ?? '', distro);
  if (fromVersionField) {
    version = fromVersionField;
    evidence.push(versionField!.line);
  }
  const lsbRelease = src.lsb.find((l) => l.text.startsWith('DISTRIB_RELEASE='));
  if (!version && lsbRelease) {
    version = unquote(lsbRelease.text.slice(16));
    evidence.push(lsbRelease);
  }
  return { version, versionFull };
}

export function osFacts(sections: SectionMap): Pick<GuestFacts, 'os'> {
  const freebsd = freebsdOs(sections);
  if (freebsd) return freebsd;
  const src: LinuxSources = {
    osr: osReleaseFields(linesOf(sections, SECTION.osRelease)),
    fromFile: releaseFileLine(sections),
    suse: linesOf(sections, SECTION.suseRelease),
    lsb: linesOf(sections, SECTION.lsbRelease),
    debianFile: linesOf(sections, SECTION.debianVersion).find((l) => debianVersion(l.text)),
  };
  const evidence: Line[] = [];
  const rawId = linuxId(src, evidence);
  if (!rawId) return {};
  const distro = ID_TO_DISTRO[rawId];
  const found = linuxVersion(src, distro, rawId, evidence);
  const version = found.version && /^\d{1,8}(?:\.\d{1,5}){0,3}(?: SP\d{1,2})?$/.test(found.version) ? found.version : undefined;
  const pretty = src.osr.get('PRETTY_NAME')?.value ?? src.fromFile?.line.text.trim() ?? src.suse[0]?.text.trim();
  const like = (src.osr.get('ID_LIKE')?.value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => s.toLowerCase());
  return {
    os: observe(
      stripUndefined({ distro, rawId, version, versionFull: found.versionFull, prettyName: pretty?.slice(0, 120), like }),
      evidence.length ? evidence : src.suse.slice(0, 3),
    ),
  };
}
