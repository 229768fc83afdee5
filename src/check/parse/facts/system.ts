import type { GuestFacts, NicConfig } from '../../guest-facts.ts';
import type * as z from 'zod';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined, yesNo } from './meta.ts';
import { normaliseModule } from './modules.ts';
import type { Package } from './packages.ts';
import { linesOf, observe, safeInt, sectionEvidence, unique, type Line } from './view.ts';

type SystemFacts = Pick<
  GuestFacts,
  'initramfs' | 'kvpPools' | 'kernelPackages' | 'mounts' | 'loaderConf' | 'nicConfig' | 'autoUpdates' | 'grubTimeout' | 'iscsi'
>;

/** Hyper-V module names the collector found inside the initramfs (it greps the decompressed stream). */
function initramfsFacts(sections: SectionMap): SystemFacts {
  const section = sections.get(SECTION.initramfs);
  if (!section) return {};
  const lines = linesOf(sections, SECTION.initramfs);
  const found: Line[] = [];
  const modules = new Set<string>();
  for (const line of lines) {
    const m = /(?:^|\/)((?:hv|hyperv|hid)[\w-]{0,40})\.ko(?:\.xz|\.gz|\.zst)?$/.exec(line.text.trim());
    if (!m?.[1]) continue;
    modules.add(normaliseModule(m[1]));
    found.push(line);
  }
  const failure = lines.find((l) => /^(?:no initramfs found|unknown compression|early cpio without skipcpio)/.test(l.text.trim()));
  // A pasted "lsinitrd … | grep -c hv" counts the drivers without naming them.
  const counted = lines.find((l) => /^hv modules counted: [1-9]/.test(l.text));
  const unreadable =
    modules.size === 0 &&
    (failure !== undefined || counted !== undefined || (section.rc !== undefined && section.rc !== 0) || section.truncated);
  const image = lines.find((l) => l.text.startsWith('image='));
  const ev = [image, failure, ...found].filter((l): l is Line => l !== undefined);
  return {
    initramfs: observe({ modules: [...modules].sort(), unreadable }, ev.length > 0 ? ev : sectionEvidence(sections, SECTION.initramfs)),
  };
}

/** "-rw-r--r--." → "644" (set-id and sticky bits ignored). */
function octalMode(perms: string): string {
  let out = '';
  for (let i = 1; i < 10; i += 3) {
    const r = perms[i] === 'r' ? 4 : 0;
    const w = perms[i + 1] === 'w' ? 2 : 0;
    const x = /[xst]/.test(perms[i + 2] ?? '-') ? 1 : 0;
    out += String(r + w + x);
  }
  return out;
}

function kvpPoolFacts(sections: SectionMap): SystemFacts {
  const lines = linesOf(sections, SECTION.hypervDir, SECTION.bsdKvpDir);
  if (lines.length === 0) return {};
  const files: { name: string; mode: string; size?: number }[] = [];
  const ev: Line[] = [];
  let missing = false;
  for (const line of lines) {
    const text = line.text.trim();
    if (/No such file or directory/.test(text)) {
      missing = true;
      ev.push(line);
      continue;
    }
    const m = /^(-[-rwxsStT]{9})[.+@]?\s+\d{1,6}\s+\S{1,32}\s+\S{1,32}\s+(\d{1,15})\s.*\s(\.kvp_pool_\d{1,2})$/.exec(text);
    if (!m?.[1] || !m[3]) continue;
    files.push(stripUndefined({ name: m[3], mode: octalMode(m[1]), size: safeInt(m[2]) }));
    ev.push(line);
  }
  if (files.length === 0 && !missing) return {};
  return { kvpPools: observe({ files, missing: missing && files.length === 0 }, ev) };
}

const KERNEL_RPM = /^kernel(?:-(?:PAE|uek|default|azure|core|xen))?$/;
const KERNEL_META =
  /^linux-(?:image-)?(?:generic|virtual|azure|aws|gcp|oracle|lowlatency|kvm)(?:-hwe-[\d.]+|-lts-[a-z]+)?(?:-edge)?$|^linux-(?:cloud-)?tools-(?:generic|virtual|azure)(?:-hwe-[\d.]+|-lts-[a-z]+)?$/;

/** Installed kernels and kernel meta packages. An rpm kernel is written VERSION-RELEASE (uname -r without the arch). */
function kernelPackageFacts(packages: Package[] | undefined, sections: SectionMap): SystemFacts {
  if (!packages) return {};
  const installed: string[] = [];
  const meta: string[] = [];
  const ev: Line[] = [];
  for (const p of packages) {
    if (KERNEL_RPM.test(p.name) && p.version && p.release && /^\d/.test(p.version)) {
      const flavour = /^kernel-(default|azure|PAE|xen)$/.exec(p.name)?.[1];
      installed.push(
        flavour === 'default' || flavour === 'azure'
          ? `${p.version}-${p.release.replace(/\.\d{1,4}$/, '')}-${flavour}`
          : `${p.version}-${p.release}`,
      );
      ev.push(p.line);
      continue;
    }
    const deb = /^linux-image-(?:unsigned-)?(\d{1,3}\.\d{1,3}\.\d{1,3}-\d{1,6}-[a-z][\w-]{0,30})$/.exec(p.name);
    if (deb?.[1]) {
      installed.push(deb[1]);
      ev.push(p.line);
      continue;
    }
    if (KERNEL_META.test(p.name)) {
      meta.push(p.name);
      ev.push(p.line);
    }
  }
  if (installed.length === 0 && meta.length === 0) return {};
  return {
    kernelPackages: observe(
      { installed: unique(installed), meta: unique(meta).sort() },
      ev.length > 0 ? ev : sectionEvidence(sections, SECTION.packages),
    ),
  };
}

const MAX_MOUNTS = 100;

function mountFacts(sections: SectionMap): SystemFacts {
  const lines = linesOf(sections, SECTION.mounts, SECTION.bsdMount);
  if (lines.length === 0) return {};
  const filesystems: { device: string; mountPoint: string; fsType: string }[] = [];
  const byDevice = new Map<string, Line[]>();
  const ev: Line[] = [];
  for (const line of lines) {
    const [device, mountPoint, fsType] = line.text.trim().split(/\s+/);
    if (!device || !mountPoint || !fsType || !/^[\w.-]{1,20}$/.test(fsType) || device.length > 120 || mountPoint.length > 200) continue;
    if (filesystems.length < MAX_MOUNTS) filesystems.push({ device, mountPoint, fsType });
    // btrfs mounts one partition once per subvolume by design; that is not the double mount backups trip over.
    if (device.startsWith('/dev/') && fsType !== 'btrfs' && fsType !== 'swap') {
      const list = byDevice.get(device) ?? [];
      list.push(line);
      byDevice.set(device, list);
    }
  }
  const duplicateDevices = [...byDevice.entries()].filter(([, l]) => l.length > 1).map(([d]) => d);
  for (const d of duplicateDevices) ev.push(...(byDevice.get(d) ?? []).slice(0, 2));
  if (filesystems.length === 0) return {};
  return { mounts: observe({ filesystems, duplicateDevices }, ev.length > 0 ? ev : lines.slice(0, 3)) };
}

function loaderConfFacts(sections: SectionMap): SystemFacts {
  const lines = linesOf(sections, SECTION.bsdLoaderConf);
  if (!sections.has(SECTION.bsdLoaderConf)) return {};
  const values: Record<string, string> = {};
  const ev: Line[] = [];
  for (const line of lines) {
    const m = /^(?:loader\.conf:\s*)?([A-Za-z_][\w.]{0,60})\s*=\s*"?([^"#]{0,60})"?/.exec(line.text.trim());
    if (!m?.[1] || m[1] in values) continue;
    values[m[1]] = (m[2] ?? '').trim();
    if (/^(?:hw\.ata|hv_|hw\.hn|hw\.vmbus)/.test(m[1])) ev.push(line);
  }
  return { loaderConf: observe(values, ev.length > 0 ? ev : sectionEvidence(sections, SECTION.bsdLoaderConf)) };
}

function nicConfigFacts(sections: SectionMap): SystemFacts {
  const lines = linesOf(sections, SECTION.ifcfg);
  if (lines.length === 0) return {};
  const byFile = new Map<string, { config: z.infer<typeof NicConfig>; lines: Line[] }>();
  for (const line of lines) {
    const m = /^(ifcfg-[\w.:@-]{1,40}):\s*([A-Z_]{1,20}[0-9]{0,2})=(.{0,80})$/.exec(line.text.trim());
    if (!m?.[1] || !m[2]) continue;
    const entry = byFile.get(m[1]) ?? { config: { device: m[1].slice(6) }, lines: [] };
    const value = (m[3] ?? '').trim().replace(/^["']|["']$/g, '');
    if (m[2] === 'DEVICE' && /^[\w.:@-]{1,40}$/.test(value)) entry.config.device = value;
    if (m[2] === 'BOOTPROTO') entry.config.bootproto = value.toLowerCase().slice(0, 20);
    if (m[2] === 'NM_CONTROLLED') {
      const yes = yesNo(value);
      if (yes !== undefined) entry.config.nmControlled = yes;
    }
    entry.lines.push(line);
    byFile.set(m[1], entry);
  }
  const configs = [...byFile.values()].filter((e) => e.config.device !== 'lo');
  if (configs.length === 0) return {};
  return {
    nicConfig: observe(
      configs.map((e) => e.config),
      configs.flatMap((e) => e.lines.filter((l) => /BOOTPROTO|NM_CONTROLLED/.test(l.text))),
    ),
  };
}

const AUTO_UPDATE = /\b(yum-cron|dnf-automatic(?:-install)?|unattended-upgrades|apt-daily-upgrade)(?:\.service|\.timer)?\b/;

/** Config lines that switch automatic installs on or off: yum-cron/dnf-automatic apply_updates, APT's Unattended-Upgrade period. */
const UPDATE_CONFIG = /(?:apply_updates\s*=\s*(yes|no|true|false|1|0))|(?:Unattended-Upgrade\s+"(\d+)")/i;

function autoUpdateFacts(sections: SectionMap): SystemFacts {
  const enabled: string[] = [];
  const ev: Line[] = [];
  let configOff = false;
  for (const line of linesOf(sections, SECTION.services, SECTION.updateServices)) {
    const t = line.text.trim();
    const config = UPDATE_CONFIG.exec(t);
    if (config) {
      ev.push(line);
      if (/^(?:no|false|0)$/i.test(config[1] ?? '') || config[2] === '0') configOff = true;
      continue;
    }
    const name = AUTO_UPDATE.exec(line.text)?.[1];
    if (!name) continue;
    ev.push(line);
    const on =
      /^unit-file: \S+ (?:enabled|enabled-runtime|static)$/.test(t) ||
      /^unit-active: \S+ active$/.test(t) ||
      /\b[35]:on\b/.test(t) ||
      /start\/running/.test(t) ||
      /^[\w.@-]+\.(?:service|timer)\s+(?:enabled|loaded\s+active)/.test(t);
    if (on) enabled.push(name);
  }
  if (ev.length === 0 && !sections.has(SECTION.updateServices)) return {};
  return { autoUpdates: observe(configOff ? [] : unique(enabled), ev.length > 0 ? ev : sectionEvidence(sections, SECTION.updateServices)) };
}

/** GRUB_TIMEOUT in /etc/default/grub, "timeout=" in grub.conf or "set timeout=" in grub.cfg; the smallest wins (it is the one in effect on some path). */
function grubTimeoutFacts(sections: SectionMap): SystemFacts {
  let best: number | undefined;
  const ev: Line[] = [];
  for (const line of linesOf(sections, SECTION.grubTimeout)) {
    const m = /(?:^|[\s:])(?:GRUB_TIMEOUT|set timeout|timeout)\s*=\s*"?(-?\d{1,5})"?\s*$/.exec(line.text.trim());
    if (!m?.[1]) continue;
    const n = Number(m[1]);
    if (n < 0) continue;
    if (best === undefined || n < best) best = n;
    ev.push(line);
  }
  return best === undefined ? {} : { grubTimeout: observe(best, ev) };
}

/** `ls /sys/class/iscsi_session/ /sys/class/fc_host/` as the collector prints it. */
function iscsiFacts(sections: SectionMap): SystemFacts {
  if (!sections.has(SECTION.iscsiSessions)) return {};
  let dir: 'iscsi' | 'fc' | undefined;
  let sessions = 0;
  let fcHosts = 0;
  const ev: Line[] = [];
  for (const line of linesOf(sections, SECTION.iscsiSessions)) {
    const t = line.text.trim();
    if (/iscsi_session\/?:$/.test(t)) {
      dir = 'iscsi';
      continue;
    }
    if (/fc_host\/?:$/.test(t)) {
      dir = 'fc';
      continue;
    }
    if (/cannot access|No such file/.test(t)) {
      dir = undefined;
      continue;
    }
    for (const name of t.split(/\s+/)) {
      if (/^session\d{1,5}$/.test(name) && dir !== 'fc') {
        sessions++;
        ev.push(line);
      } else if (/^host\d{1,5}$/.test(name) && dir === 'fc') {
        fcHosts++;
        ev.push(line);
      }
    }
  }
  return { iscsi: observe({ sessions, fcHosts }, ev.length > 0 ? ev : sectionEvidence(sections, SECTION.iscsiSessions)) };
}

/** Boot image, KVP pool files, kernel packages, mounts, loader.conf, ifcfg and update services. */
export function systemFacts(sections: SectionMap, packages: Package[] | undefined): SystemFacts {
  return {
    ...initramfsFacts(sections),
    ...kvpPoolFacts(sections),
    ...kernelPackageFacts(packages, sections),
    ...mountFacts(sections),
    ...loaderConfFacts(sections),
    ...nicConfigFacts(sections),
    ...autoUpdateFacts(sections),
    ...grubTimeoutFacts(sections),
    ...iscsiFacts(sections),
  };
}
