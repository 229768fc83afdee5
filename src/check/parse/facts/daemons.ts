import type { DaemonState, GuestDistro, GuestFacts, Observed } from '../../guest-facts.ts';
import type * as z from 'zod';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import type { Package } from './packages.ts';
import { hasAny, linesOf, observe, sectionEvidence, type Line } from './view.ts';

type State = z.infer<typeof DaemonState>;
type Kind = 'kvp' | 'vss' | 'fcopy';

interface Names {
  /** Packages that ship this daemon on some distro. */
  packages: RegExp;
  /** Unit, init script and process names. */
  service: RegExp;
  binaries: RegExp;
}

// Package names differ per distro: hyperv-daemons/hypervkvpd (RHEL), microsoft-hyper-v (LIS),
// hyper-v (SUSE), linux-cloud-tools-* and hv-kvp-daemon-init (Ubuntu), hyperv-daemons (Debian).
// Which LIS releases ship VSS/fcopy daemons varies, so for LIS only files and processes count.
const NAMES: Record<Kind, Names> = {
  kvp: {
    packages: /^(?:hyperv-daemons|hypervkvpd|microsoft-hyper-v|hyper-v|hv-kvp-daemon-init|linux-cloud-tools-\d\S*|hyperv-is)$/,
    service: /(?:^|[\s/.])(?:hypervkvpd|hv_kvp_daemon|hv-kvp-daemon)(?:\.service)?\b/,
    binaries: /^present \S*\/(?:hv_kvp_daemon|hypervkvpd)$/,
  },
  vss: {
    packages: /^(?:hyperv-daemons|hypervvssd|hyper-v|linux-cloud-tools-\d\S*)$/,
    service: /(?:^|[\s/.])(?:hypervvssd|hv_vss_daemon|hv-vss-daemon)(?:\.service)?\b/,
    binaries: /^present \S*\/(?:hv_vss_daemon|hypervvssd)$/,
  },
  fcopy: {
    packages: /^(?:hyperv-daemons|hypervfcopyd|hyper-v|linux-cloud-tools-\d\S*)$/,
    service: /(?:^|[\s/.])(?:hypervfcopyd|hv_fcopy_daemon|hv-fcopy-daemon|hv_fcopy_uio_daemon|hv_fcopy_uio_da)(?:\.service)?\b/,
    binaries: /^present \S*\/(?:hv_fcopy_daemon|hypervfcopyd|hv_fcopy_uio_daemon)$/,
  },
};

/** hyperv-daemons units are "static": udev starts them when the host offers the channel. */
const ENABLED_STATES = /^(?:enabled|enabled-runtime|static|indirect|generated|alias)$/;

/** What one services line says about a unit: active (running) and/or enabled. */
function serviceLine(text: string, lastUnit: string | undefined): { unit?: string; active?: boolean; enabled?: boolean } {
  const t = text.trim();
  let m = /^unit-active: (\S+) (\S+)/.exec(t);
  if (m) return { unit: m[1], active: m[2] === 'active' };
  m = /^unit-file: (\S+) (\S+)/.exec(t);
  if (m) return { unit: m[1], enabled: ENABLED_STATES.test(m[2] ?? '') };
  m = /^(?:chkconfig: )?([\w.-]{1,60})\s+0:\w+\s+1:\w+\s+2:(\w+)\s+3:(\w+)/.exec(t);
  if (m) return { unit: m[1], enabled: m[2] === 'on' || m[3] === 'on' };
  m = /^(?:upstart: )?([\w-]{1,60}) (start|stop)\/(\w+)/.exec(t);
  if (m) return { unit: m[1], active: m[2] === 'start' && m[3] === 'running' };
  m = /^[●*]?\s*([\w@.-]{1,100}\.service)(?:\s+-|\s*$)/.exec(t);
  if (m) return { unit: m[1] };
  m = /^Active:\s+(\w+)/.exec(t);
  if (m && lastUnit) return { unit: lastUnit, active: m[1] === 'active' };
  m = /^([\w@.-]{1,100}\.service)\s+(?:loaded\s+(\w+)\s+(\w+)|(enabled|disabled|static|masked|indirect))/.exec(t);
  if (m) return m[4] ? { unit: m[1], enabled: ENABLED_STATES.test(m[4]) } : { unit: m[1], active: m[2] === 'active' };
  m = /^enabled: (\S+)/.exec(t);
  if (m) return { unit: m[1], enabled: true };
  m = /^init-script: (\S+)/.exec(t);
  if (m) return { unit: m[1] };
  return {};
}

function daemonState(kind: Kind, sections: SectionMap, packages: Package[] | undefined): Observed<State> | undefined {
  const names = NAMES[kind];
  const evidence: Line[] = [];
  const pkgs = (packages ?? []).filter((p) => names.packages.test(p.name));
  evidence.push(...pkgs.map((p) => p.line));
  const binaries = linesOf(sections, SECTION.lisFiles, SECTION.services).filter((l) => names.binaries.test(l.text.trim()));
  evidence.push(...binaries);

  const units = new Set<string>();
  let active: boolean | undefined;
  let enabled: boolean | undefined;
  let lastUnit: string | undefined;
  for (const line of linesOf(sections, SECTION.services)) {
    const s = serviceLine(line.text, lastUnit);
    if (s.unit && /\.service$/.test(s.unit)) lastUnit = s.unit;
    if (!s.unit || !names.service.test(` ${s.unit}`)) continue;
    units.add(s.unit.replace(/^.*\//, ''));
    if (s.active !== undefined) active = (active ?? false) || s.active;
    if (s.enabled !== undefined) enabled = (enabled ?? false) || s.enabled;
    evidence.push(line);
  }
  for (const line of linesOf(sections, SECTION.bsdRcConf)) {
    const m = new RegExp(`hv_${kind}_daemon_enable="?(\\w+)`, 'i').exec(line.text);
    if (m) {
      enabled = /^yes$/i.test(m[1] ?? '');
      evidence.push(line);
    }
  }
  const processes = linesOf(sections, SECTION.ps).filter((l) => names.service.test(` ${l.text.trim().replace(/^\d+\s+/, '')}`));
  evidence.push(...processes);

  const collectedPackages = packages !== undefined;
  const collectedProcesses = sections.has(SECTION.ps);
  const installed = pkgs.length > 0 || binaries.length > 0 || units.size > 0 ? true : collectedPackages ? false : undefined;
  const running = processes.length > 0 || active === true ? true : collectedProcesses || active === false ? false : undefined;
  if (installed === undefined && running === undefined && enabled === undefined) return undefined;
  const state: State = {
    packages: pkgs.map((p) => p.raw),
    units: [...units],
    processes: processes.map((l) => l.text.trim().replace(/^\d+\s+/, '')),
  };
  if (installed !== undefined) state.installed = installed;
  if (running !== undefined) state.running = running;
  if (enabled !== undefined) state.enabled = enabled;
  const ev = evidence.length > 0 ? evidence : [...sectionEvidence(sections, SECTION.packages), ...sectionEvidence(sections, SECTION.ps)];
  return observe(state, ev);
}

/** Ubuntu's hv_kvp_daemon is a wrapper; the real binaries come per kernel from linux-cloud-tools-<release>. */
function ubuntuTools(
  sections: SectionMap,
  distro: GuestDistro | undefined,
  kernelRelease: string | undefined,
  packages: Package[] | undefined,
): Observed<boolean> | undefined {
  if (distro !== 'ubuntu') return undefined;
  const files = linesOf(sections, SECTION.lisFiles).filter((l) => /\/usr\/lib\/linux-tools\/[^/]+\/hv_kvp_daemon$/.test(l.text.trim()));
  if (files[0]) return observe(files[0].text.startsWith('present '), files);
  const warning = linesOf(sections, SECTION.dmesg, SECTION.logs, SECTION.services).find((l) =>
    /WARNING: hv_\w+ not found for kernel/.test(l.text),
  );
  if (warning) return observe(false, [warning]);
  if (!packages || !kernelRelease) return undefined;
  const base = kernelRelease.replace(/-[a-z][\w-]*$/, '');
  const match = packages.find((p) => p.name === `linux-cloud-tools-${kernelRelease}` || p.name === `linux-cloud-tools-${base}`);
  return match ? observe(true, [match.line]) : observe(false, sectionEvidence(sections, SECTION.packages));
}

export function daemonFacts(
  sections: SectionMap,
  packages: Package[] | undefined,
  distro: GuestDistro | undefined,
  kernelRelease: string | undefined,
): Pick<GuestFacts, 'daemons'> {
  if (!hasAny(sections, SECTION.packages, SECTION.bsdPkg, SECTION.ps, SECTION.services, SECTION.lisFiles, SECTION.bsdRcConf)) return {};
  const daemons: NonNullable<GuestFacts['daemons']> = {};
  const kvp = daemonState('kvp', sections, packages);
  const vss = daemonState('vss', sections, packages);
  const fcopy = daemonState('fcopy', sections, packages);
  const tools = ubuntuTools(sections, distro, kernelRelease, packages);
  if (kvp) daemons.kvp = kvp;
  if (vss) daemons.vss = vss;
  if (fcopy) daemons.fcopy = fcopy;
  if (tools) daemons.ubuntuToolsForKernel = tools;
  return { daemons };
}
