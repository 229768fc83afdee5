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

export function lisFacts(sections: SectionMap, packages: Package[] | undefined, hvModules: GuestFacts['hvModules']): Pick<GuestFacts, 'lis'> {
  const lisPackages = (packages ?? []).filter(isLisPackage);
  const fromLis = (hvModules?.value.info ?? []).filter((m) => m.fromLis);
  const lisDirs = linesOf(sections, SECTION.lisFiles).filter((l) => /^present \S*\/(?:extra|weak-updates)\/microsoft-hyper-v$/.test(l.text.trim()));
  if (packages === undefined && fromLis.length === 0 && lisDirs.length === 0) return {};

  const evidence: (Line | Evidence)[] = lisPackages.map((p) => p.line);
  const version = lisPackages.map(lisVersion).find(Boolean) ?? fromLis.map((m) => m.version).find(Boolean);
  const installed = lisPackages.length > 0 || fromLis.length > 0 || lisDirs.length > 0;
  evidence.push(...lisDirs);
  if (fromLis.length > 0) evidence.push(...(hvModules?.evidence ?? []).filter((e) => e.section === SECTION.modinfo).slice(0, 2));
  const value = stripUndefined({ installed, version, packages: lisPackages.map((p) => p.raw) });
  const ev = evidence.length > 0 ? evidence : sectionEvidence(sections, SECTION.packages);
  return { lis: observe(value, ev) };
}
