import type { DiagnosticSink } from './diagnostics.ts';
import { SECTION, type SectionName } from './section-names.ts';
import type { Section, SectionStore } from './section.ts';

/**
 * sosreport-like text: files of an extracted sosreport pasted one after another, each
 * introduced by its path ("--- sos_commands/kernel/lsmod ---", "==> etc/fstab <==", or the
 * bare path on its own line). Paths map to the collector's sections, like insights'
 * SosSpecs does; some per-device files are rewritten into the collector's line format.
 */

interface SosTarget {
  section: SectionName;
  /** Rewrites one content line given the path's variable part (device, module, VMBus id). */
  rewrite?: (line: string, part: string) => string;
}

const FIXED: Record<string, SectionName> = {
  'sos_commands/kernel/uname_-a': SECTION.uname,
  uname: SECTION.uname,
  'sos_commands/kernel/lsmod': SECTION.lsmod,
  lsmod: SECTION.lsmod,
  'proc/modules': SECTION.lsmod,
  'sos_commands/kernel/dmesg': SECTION.dmesg,
  'var/log/dmesg': SECTION.dmesg,
  'etc/os-release': SECTION.osRelease,
  'usr/lib/os-release': SECTION.osRelease,
  'etc/redhat-release': SECTION.redhatRelease,
  'etc/centos-release': SECTION.centosRelease,
  'etc/oracle-release': SECTION.oracleRelease,
  'etc/SuSE-release': SECTION.suseRelease,
  'etc/lsb-release': SECTION.lsbRelease,
  'etc/debian_version': SECTION.debianVersion,
  'installed-rpms': SECTION.packages,
  'sos_commands/dpkg/dpkg_-l': SECTION.packages,
  'proc/cmdline': SECTION.cmdline,
  'proc/meminfo': SECTION.meminfo,
  'sos_commands/hyperv/lsvmbus_-vv': SECTION.lsvmbus,
  'sos_commands/systemd/systemctl_list-unit-files': SECTION.services,
  'sos_commands/systemd/systemctl_list-units': SECTION.services,
  'sos_commands/systemd/systemctl_status_--all': SECTION.services,
  'etc/fstab': SECTION.fstab,
  'proc/mounts': SECTION.mounts,
  'var/log/messages': SECTION.logs,
  'var/log/syslog': SECTION.logs,
  'sos_commands/boot/mokutil_--sb-state': SECTION.firmware,
  'sos_commands/hardware/dmidecode': SECTION.dmidecode,
  dmidecode: SECTION.dmidecode,
  'sos_commands/pci/lspci_-nnvv': SECTION.lspci,
  'sos_commands/pci/lspci_-tv': SECTION.lspci,
  'etc/udev/rules.d/70-persistent-net.rules': SECTION.persistentNet,
  'sys/devices/system/clocksource/clocksource0/current_clocksource': SECTION.clocksource,
  'sos_commands/kdump/kdumpctl_showmem': SECTION.kdump,
};

function targetFor(path: string): { target: SosTarget; part: string } | undefined {
  const fixed = FIXED[path];
  if (fixed) {
    if (fixed === SECTION.clocksource) return { target: { section: fixed, rewrite: (l) => `current=${l.trim()}` }, part: '' };
    if (fixed === SECTION.firmware) return { target: { section: fixed, rewrite: (l) => `mokutil: ${l}` }, part: '' };
    return { target: { section: fixed }, part: '' };
  }
  let m = /^sys\/block\/([^/]+)\/queue\/scheduler$/.exec(path);
  if (m?.[1])
    return { target: { section: SECTION.schedulers, rewrite: (l, dev) => `/sys/block/${dev}/queue/scheduler: ${l.trim()}` }, part: m[1] };
  m = /^sys\/block\/([^/]+)\/queue\/discard_max_bytes$/.exec(path);
  if (m?.[1])
    return {
      target: { section: SECTION.discard, rewrite: (l, dev) => `/sys/block/${dev}/queue/discard_max_bytes: ${l.trim()}` },
      part: m[1],
    };
  m = /^sys\/bus\/vmbus\/devices\/([^/]+)\/class_id$/.exec(path);
  if (m?.[1]) return { target: { section: SECTION.vmbusDevices, rewrite: (l, id) => `${id} class=${l.trim()}` }, part: m[1] };
  m = /^sos_commands\/kernel\/modinfo_(\S+)$/.exec(path);
  if (m?.[1]) return { target: { section: SECTION.modinfo }, part: m[1] };
  m = /^sos_commands\/networking\/ethtool_-i_(\S+)$/.exec(path);
  if (m?.[1]) {
    return {
      target: { section: SECTION.net, rewrite: (l, nic) => (l.startsWith('driver: ') ? `${nic} driver=${l.slice(8).trim()}` : '') },
      part: m[1],
    };
  }
  if (path.startsWith('sos_commands/rpm/')) return { target: { section: SECTION.packages }, part: '' };
  if (/^sos_commands\/logs\/journalctl_.*(?:-k|--dmesg)/.test(path)) return { target: { section: SECTION.dmesg }, part: '' };
  return undefined;
}

const SOS_ROOTS =
  /^(?:sos_commands|etc|proc|sys|var|usr|lib|boot|run)\/|^(?:installed-rpms|uname|lsmod|dmidecode|hostname|uptime|free|df|ps|date|lspci|sos_reports)$/;

/** The sosreport path a line introduces, if it is a path header. */
export function sosPathHeader(line: string): string | undefined {
  let s = line.trim();
  if (s.length === 0 || s.length > 300) return undefined;
  const wrapped = /^(?:-{2,}|={2,}|==>|#{1,3}|\*{2,})\s*(\S+)\s*(?:-{2,}|={2,}|<==|\*{2,})?$/.exec(s);
  if (wrapped?.[1]) s = wrapped[1];
  else if (/\s/.test(s)) return undefined;
  s = s
    .replace(/:$/, '')
    .replace(/^\.\//, '')
    .replace(/^\/?(?:tmp\/|var\/tmp\/)?sosreport-[^/]+\//, '')
    .replace(/^\//, '');
  return SOS_ROOTS.test(s) ? s : undefined;
}

export function looksLikeSosreport(lines: readonly string[]): boolean {
  let headers = 0;
  for (const line of lines.slice(0, 5_000)) {
    const path = sosPathHeader(line);
    if (path && (path.startsWith('sos_commands/') || targetFor(path))) headers++;
    if (headers >= 2) return true;
  }
  return false;
}

export function splitSosreport(lines: readonly string[], store: SectionStore, diagnostics: DiagnosticSink): void {
  let current: { section: Section; target: SosTarget; part: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const lineNo = i + 1;
    const path = sosPathHeader(text);
    if (path) {
      const found = targetFor(path);
      current = undefined;
      if (!found) {
        diagnostics.add('INPUT_UNKNOWN_FORMAT', 'Some sosreport files are not used by the guest check and were skipped.', { line: lineNo });
        continue;
      }
      const section = store.open(found.target.section, 'sosreport', lineNo, true);
      if (section) {
        current = { section, target: found.target, part: found.part };
        if (section.name === SECTION.modinfo && found.part) store.push(section, `module: ${found.part}`, lineNo);
      }
      continue;
    }
    if (!current || text === '') continue;
    const line = current.target.rewrite ? current.target.rewrite(text, current.part) : text;
    if (line !== '') store.push(current.section, line, lineNo);
  }
}
