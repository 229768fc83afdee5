import type { Evidence, GuestFacts } from '../../guest-facts.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import type { Package } from './packages.ts';
import { linesOf, observe, sectionEvidence, type Line } from './view.ts';

/**
 * Microsoft's downloadable LIS: rpm microsoft-hyper-v + kmod-microsoft-hyper-v. Older
 * releases put the distro in the version ("microsoft-hyper-v-rhel63.3.4-1.20120727"); the
 * exact LIS 3.5 file names are not confirmed, so both spellings are accepted.
 */
const LIS_NAME = /^(?:kmod-)?microsoft-hyper-v(?:-(?:debug|rhel\d{1,3}|centos\d{1,3}))?$/i;
const LIS_VERSION = /^(?:kmod-)?microsoft-hyper-v(?:-debug)?-(?:(?:rhel|centos|el)\d{1,3}[.-])?(\d{1,2}(?:\.\d{1,3}){1,3})-/i;

export function isLisPackage(p: Package): boolean {
  return LIS_NAME.test(p.name) || LIS_VERSION.test(p.raw);
}

export function lisVersion(p: Package): string | undefined {
  return LIS_VERSION.exec(p.raw)?.[1];
}

/** A kernel release without its architecture suffix, as rpm and vermagic both write it. */
export function kernelWithoutArch(release: string): string {
  return release.replace(/\.(?:x86_64|i[3-6]86|amd64|noarch)$/, '');
}

/**
 * The kernels the LIS kmods were built for: the vermagic of LIS modules (a weak-updates link
 * shows the running kernel in its path but the build kernel in vermagic), and the kernels that
 * have a real extra/microsoft-hyper-v directory.
 */
function lisBuildTargets(sections: SectionMap, hvModules: GuestFacts['hvModules']): Pick<GuestFacts, 'lisBuildTargets'> {
  const targets = new Set<string>();
  const ev: (Line | Evidence)[] = [];
  for (const m of hvModules?.value.info ?? []) {
    if (m.fromLis && m.vermagic && /^\d/.test(m.vermagic)) targets.add(kernelWithoutArch(m.vermagic));
  }
  if (targets.size > 0)
    ev.push(...(hvModules?.evidence ?? []).filter((e) => e.section === SECTION.modinfo && /vermagic/.test(e.text)).slice(0, 2));
  for (const line of linesOf(sections, SECTION.lisFiles)) {
    const m = /^present \/lib\/modules\/([\w.+-]{1,80})\/extra\/microsoft-hyper-v$/.exec(line.text.trim());
    if (m?.[1]) {
      targets.add(kernelWithoutArch(m[1]));
      ev.push(line);
    }
  }
  if (targets.size === 0 && (hvModules?.value.info ?? []).some((m) => m.fromLis && m.filename)) {
    for (const m of hvModules?.value.info ?? []) {
      const k = m.fromLis ? /^\/lib\/modules\/([\w.+-]{1,80})\/extra\//.exec(m.filename ?? '')?.[1] : undefined;
      if (k) targets.add(kernelWithoutArch(k));
    }
  }
  return targets.size > 0
    ? { lisBuildTargets: observe([...targets].sort(), ev.length > 0 ? ev : (hvModules?.evidence ?? []).slice(0, 2)) }
    : {};
}

export function lisFacts(
  sections: SectionMap,
  packages: Package[] | undefined,
  hvModules: GuestFacts['hvModules'],
): Pick<GuestFacts, 'lis' | 'lisBuildTargets'> {
  const lisPackages = (packages ?? []).filter(isLisPackage);
  const fromLis = (hvModules?.value.info ?? []).filter((m) => m.fromLis);
  const lisDirs = linesOf(sections, SECTION.lisFiles).filter((l) =>
    /^present \S*\/(?:extra|weak-updates)\/microsoft-hyper-v$/.test(l.text.trim()),
  );
  if (packages === undefined && fromLis.length === 0 && lisDirs.length === 0) return {};

  const evidence: (Line | Evidence)[] = lisPackages.map((p) => p.line);
  const version = lisPackages.map(lisVersion).find(Boolean) ?? fromLis.map((m) => m.version).find(Boolean);
  const installed = lisPackages.length > 0 || fromLis.length > 0 || lisDirs.length > 0;
  evidence.push(...lisDirs);
  if (fromLis.length > 0) evidence.push(...(hvModules?.evidence ?? []).filter((e) => e.section === SECTION.modinfo).slice(0, 2));
  const value = stripUndefined({ installed, version, packages: lisPackages.map((p) => p.raw) });
  const ev = evidence.length > 0 ? evidence : sectionEvidence(sections, SECTION.packages);
  return { lis: observe(value, ev), ...(installed ? lisBuildTargets(sections, hvModules) : {}) };
}
