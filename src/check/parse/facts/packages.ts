import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { linesOf, type Line } from './view.ts';

export interface Package {
  name: string;
  version?: string;
  release?: string;
  /** The package as listed (NEVRA or "name version"). */
  raw: string;
  line: Line;
}

const RPM_ARCH = /\.(?:x86_64|i[3-6]86|noarch|aarch64|ppc64le|ppc64|s390x|src)$/;

/** name-version-release.arch, split at the last two dashes. */
export function splitNevra(nevra: string): Pick<Package, 'name' | 'version' | 'release'> | undefined {
  const noArch = nevra.replace(RPM_ARCH, '');
  const r = noArch.lastIndexOf('-');
  if (r <= 0) return undefined;
  const v = noArch.lastIndexOf('-', r - 1);
  if (v <= 0) return undefined;
  return { name: noArch.slice(0, v), version: noArch.slice(v + 1, r), release: noArch.slice(r + 1) };
}

function parseLine(line: Line): Package | undefined {
  const text = line.text.trim();
  if (text === '' || text.length > 300) return undefined;
  const deb = /^(?:ii|hi)\s+(\S{1,120})\s+(\S{1,80})/.exec(text) ?? /^install ok installed (\S{1,120}) (\S{1,80})/.exec(text);
  if (deb?.[1]) return { name: deb[1].replace(/:\w+$/, ''), version: deb[2], raw: `${deb[1]} ${deb[2] ?? ''}`.trim(), line };
  if (/^(?:rc|un|pn)\s/.test(text)) return undefined;
  // yum/dnf list: "hyperv-daemons.x86_64   0-0.29.20160216git.el7   @base"
  const yum = /^(\S{1,120})\.(?:x86_64|i[3-6]86|noarch|aarch64)\s+(\S{1,80})\s+\S+$/.exec(text);
  if (yum?.[1]) {
    const [version, release] = (yum[2] ?? '').replace(/^\d+:/, '').split('-');
    return { name: yum[1], version, release, raw: `${yum[1]}-${yum[2] ?? ''}`, line };
  }
  const first = text.split(/\s+/, 1)[0] ?? '';
  const nevra = splitNevra(first);
  if (nevra && /^[A-Za-z0-9]/.test(nevra.name) && /\d/.test(nevra.version ?? '')) return { ...nevra, raw: first, line };
  // FreeBSD pkg: "hyperv-is-4.1.0   Hyper-V integration services"
  const pkg = /^([A-Za-z][\w.+-]{0,80})-(\d[\w.,_]{0,40})(?:\s|$)/.exec(text);
  if (pkg?.[1]) return { name: pkg[1], version: pkg[2], raw: first, line };
  return undefined;
}

/** Installed packages listed in the packages section (filtered rpm, dpkg or pkg output). */
export function installedPackages(sections: SectionMap): Package[] | undefined {
  const section = sections.get(SECTION.packages) ?? sections.get(SECTION.bsdPkg);
  if (!section) return undefined;
  const out: Package[] = [];
  for (const line of linesOf(sections, SECTION.packages, SECTION.bsdPkg)) {
    const p = parseLine(line);
    if (p) out.push(p);
  }
  return out;
}
