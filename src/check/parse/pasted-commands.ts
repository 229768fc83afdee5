import { SECTION, type SectionName } from './section-names.ts';

/**
 * A command's output as the collector would have printed it in its section, line by line (undefined drops a line):
 * "acpi_pm" from cat …/current_clocksource is the collector's "current=acpi_pm".
 */
export type LineRewrite = (text: string) => string | undefined;

/**
 * A command admins paste by hand whose output the collector prints differently, or in a section the command's name
 * alone does not tell: which section it goes to, and how its lines are rewritten. The first entry that matches wins.
 */
interface PastedCommand {
  readonly matches: RegExp;
  readonly section: SectionName;
  /** Makes the rewrite for one command line (some read the command: the units it names, the state grep looks for). */
  readonly rewrite?: (command: string) => LineRewrite;
}

/** One state per unit named, as the collector's "unit-active: <unit> <state>" or "unit-file: <unit> <state>". */
function unitStates(command: string): LineRewrite {
  const [, kind, named] = /^systemctl\s+is-(active|enabled)((?:\s+[\w@.-]{1,80}){1,8})\s*$/.exec(command) ?? [];
  const units = (named ?? '')
    .trim()
    .split(/\s+/)
    .map((unit) => (/\.\w+$/.test(unit) ? unit : `${unit}.service`));
  const key = kind === 'active' ? 'unit-active' : 'unit-file';
  let next = 0;
  return (text) => {
    const unit = units[next];
    if (!unit || !/^[a-z-]{1,20}$/.test(text.trim())) return undefined;
    next++;
    return `${key}: ${unit} ${text.trim()}`;
  };
}

const SIZE_UNIT: Record<string, number> = { B: 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** "sda  0  2M  4G  0" under lsblk --discard's header: a whole disk's DISC-MAX, as the collector prints discard_max_bytes. */
function lsblkDiscardLine(text: string): string | undefined {
  const row = /^([a-z][\w-]{0,30})\s+\d+\s+\S+\s+(\d+(?:\.\d+)?)([BKMGT]?)\s+\d+\s*$/.exec(text);
  if (!row) return undefined;
  const bytes = Math.round(Number(row[2]) * (SIZE_UNIT[row[3] || 'B'] ?? 1));
  return `/sys/block/${row[1]}/queue/discard_max_bytes: ${bytes}`;
}

/** "40 offline" from "… | uniq -c", or the bare count of "grep -l offline …/state | wc -l", as the collector's states line. */
function memoryBlockStates(command: string): LineRewrite {
  const grepped = /\bgrep\b[^|]*\b(online|offline)\b/.exec(command)?.[1];
  return (text) => {
    const counted = /^\s*(\d{1,6})\s+(online|offline)\s*$/.exec(text);
    if (counted) return `states: ${counted[2]}=${counted[1]}`;
    return grepped && /^\d{1,6}$/.test(text.trim()) ? `states: ${grepped}=${text.trim()}` : undefined;
  };
}

/** One node directory a word, on one line or several: the count so far, as the collector's "nodes=N" (the last one counts). */
function nodeCount(): LineRewrite {
  let nodes = 0;
  return (text) => {
    nodes += (text.match(/\bnode\d{1,4}\b/g) ?? []).length;
    return nodes > 0 ? `nodes=${nodes}` : undefined;
  };
}

/** Host-side PowerShell, which admins paste beside the guest's output; PowerShell ignores case. */
export const HOST_COMMANDS = /^get-vm(?:integrationservice|firmware|networkadapter|memory)?\b/i;

const HOST_SECTION_FOR: Record<string, SectionName> = {
  'get-vmintegrationservice': SECTION.hostIntegrationServices,
  'get-vmfirmware': SECTION.hostFirmware,
  'get-vmnetworkadapter': SECTION.hostNetworkAdapter,
  'get-vmmemory': SECTION.hostMemory,
  'get-vm': SECTION.hostVm,
};
/** Sections of PowerShell tables and lists: their rows and fields follow the header without indentation. */
export const HOST_SECTIONS: ReadonlySet<SectionName> = new Set(Object.values(HOST_SECTION_FOR));

const PASTED_COMMANDS: readonly PastedCommand[] = [
  {
    // uname -r prints the release alone; uname -a's line puts it third, after the OS and the host name.
    matches: /^uname\s+-r\s*$/,
    section: SECTION.uname,
    rewrite: () => (text) => {
      const release = text.trim();
      if (!/^\d{1,3}\.\d{1,3}\S*$/.test(release)) return undefined;
      return `${/-(?:RELEASE|STABLE|CURRENT|BETA|RC)/.test(release) ? 'FreeBSD' : 'Linux'} - ${release}`;
    },
  },
  {
    matches: /clocksource0\/(?:current|available)_clocksource\b/,
    section: SECTION.clocksource,
    rewrite: (command) => {
      const which = /clocksource0\/(current|available)_clocksource\b/.exec(command)?.[1];
      return (text) => `${which}=${text.trim()}`;
    },
  },
  {
    matches: /\/sys\/block\/[^/\s]+\/queue\/discard_max_bytes\b/,
    section: SECTION.discard,
    rewrite: (command) => {
      const file = /\/sys\/block\/[^/\s]+\/queue\/discard_max_bytes\b/.exec(command)?.[0];
      return (text) => (/^\d{1,20}$/.test(text.trim()) ? `${file}: ${text.trim()}` : undefined);
    },
  },
  {
    matches: /\/sys\/block\/[^/\s]+\/queue\/scheduler/,
    section: SECTION.schedulers,
    rewrite: (command) => {
      const device = /\/sys\/block\/([^/\s]+)\/queue\/scheduler/.exec(command)?.[1];
      return (text) => (text.startsWith('/sys/') ? text : `/sys/block/${device}/queue/scheduler: ${text.trim()}`);
    },
  },
  {
    matches: /^systemctl\s+is-enabled\s+fstrim\.timer\b/,
    section: SECTION.discard,
    rewrite: () => (text) => `fstrim.timer enabled=${text.trim()}`,
  },
  { matches: /^systemctl\s+is-(?:active|enabled)(?:\s+[\w@.-]{1,80}){1,8}\s*$/, section: SECTION.services, rewrite: unitStates },
  {
    matches: /^sysctl\b.*\bkern\.timecounter\.hardware\b/,
    section: SECTION.bsdTimecounter,
    rewrite: () => (text) => /^(?:kern\.timecounter\.hardware:\s*)?([\w-]{1,40})\s*$/.exec(text.trim())?.[1],
  },
  {
    matches: /^ls\b.*\s\/sys\/firmware\/efi\/?(?:\s|$)/,
    section: SECTION.firmware,
    rewrite: () => (text) => (/No such file/.test(text) ? 'boot=bios' : 'boot=uefi'),
  },
  { matches: /^ls\b.*\s\/sys\/devices\/system\/node\b/, section: SECTION.numa, rewrite: nodeCount },
  {
    matches: /^lscpu\b/,
    section: SECTION.cpuinfo,
    rewrite: () => (text) => {
      const cpus = /^CPU\(s\):\s+(\d{1,6})\s*$/.exec(text.trim())?.[1];
      if (cpus) return `processors=${cpus}`;
      return /^NUMA node\(s\):\s+\d{1,4}\s*$/.test(text.trim()) ? text.trim() : undefined;
    },
  },
  {
    // Linux's ifconfig names eth0 or ens33; only FreeBSD's hn0 and de0 tell the check anything.
    matches: /^ifconfig\b/,
    section: SECTION.bsdIfconfig,
    rewrite: () => (text) => (/^(?:eth|en[ops]|wl|lo|docker|br|virbr|veth)\w*: flags=/.test(text) ? undefined : text),
  },
  { matches: /^lsblk\b.*\s(?:-D|--discard)\b/, section: SECTION.discard, rewrite: () => lsblkDiscardLine },
  { matches: /^virt-what\b/, section: SECTION.virtWhat },
  { matches: /^systemd-detect-virt\b/, section: SECTION.detectVirt },
  {
    matches: /^dmidecode\s+-s\s+system-(?:product-name|manufacturer)\b/,
    section: SECTION.dmidecode,
    rewrite: (command) => {
      const label = /system-manufacturer/.test(command) ? 'Manufacturer' : 'Product Name';
      return (text) => `${label}: ${text.trim()}`;
    },
  },
  { matches: /^dmidecode\b/, section: SECTION.dmidecode },
  {
    // "lsinitrd … | grep -c hv": a count, not names; none means none, some means some the check cannot name.
    matches: /^lsinitr(?:d|amfs)\b.*\|\s*grep\s+-\w*c/,
    section: SECTION.initramfs,
    rewrite: () => (text) => (/^\d{1,5}$/.test(text.trim()) ? `hv modules counted: ${text.trim()}` : undefined),
  },
  { matches: /^lsinitr(?:d|amfs)\b/, section: SECTION.initramfs },
  {
    matches: /\/sys\/devices\/system\/memory\/auto_online_blocks\b/,
    section: SECTION.memHotplug,
    rewrite: () => (text) => `auto_online_blocks=${text.trim()}`,
  },
  { matches: /\/sys\/devices\/system\/memory\/memory\*\/state\b/, section: SECTION.memHotplug, rewrite: memoryBlockStates },
  { matches: /\/sys\/devices\/system\/memory\b/, section: SECTION.memHotplug },
];

/** The section and line rewrite of a command typed at a prompt ("sudo" already taken off), when this table knows it. */
export function pastedCommand(command: string): { section: SectionName; rewrite?: LineRewrite } | undefined {
  const host = HOST_COMMANDS.exec(command)?.[0].toLowerCase();
  if (host) return { section: HOST_SECTION_FOR[host]! };
  const entry = PASTED_COMMANDS.find((candidate) => candidate.matches.test(command));
  if (!entry) return undefined;
  return entry.rewrite ? { section: entry.section, rewrite: entry.rewrite(command) } : { section: entry.section };
}
