import type { DiagnosticSink } from './diagnostics.ts';
import { SECTION, type SectionName } from './section-names.ts';
import type { Section, SectionStore } from './section.ts';

/**
 * Headerless pastes: command output copied from a terminal. A shell prompt naming a known
 * command routes the following lines to that command's section; without one, each line is
 * classified by its shape. Indented lines continue the previous block (systemctl status).
 */

const KNOWN_COMMANDS =
  /^(?:sudo\s+)?(?:uname|lsmod|rpm|dpkg|dpkg-query|yum|dnf|zypper|apt|dmesg|journalctl|cat|systemctl|service|chkconfig|initctl|modinfo|ps|pgrep|kldstat|sysctl|pkg|lspci|grep|mokutil|freebsd-version|lsb_release|hostnamectl|tail|head|less|ls|ethtool|ifconfig|lsblk|virt-what|systemd-detect-virt|dmidecode|lsinitrd|lsinitramfs|lscpu)\b/;
// Host-side PowerShell, which admins paste beside the guest's output; PowerShell ignores case.
const HOST_COMMANDS = /^get-vm(?:integrationservice|firmware|networkadapter|memory)?\b/i;
// SUSE's and FreeBSD's prompts put a space before the mark: "sles15:~ # ", "root@fw01:~ # "; PowerShell's is "PS C:\> ".
const PROMPT =
  /^(?:\[[^\]\n]{1,80}\]\s?[#$]|[\w.@~:/-]{1,80}[#$%>]|[\w.@-]{1,64}:[\w.~/-]{0,80} [#>]|PS(?: [^>\n]{1,200})?>|[#$%>])\s+(.{1,400})$/;

function isKnownCommand(command: string): boolean {
  return KNOWN_COMMANDS.test(command) || HOST_COMMANDS.test(command);
}

/** Where the first line typed at a prompt with a command the check reads starts ("$ uname -a"), or undefined. */
export function firstPromptedCommandAt(text: string): number | undefined {
  let at = 0;
  for (const line of text.split('\n')) {
    const prompt = PROMPT.exec(line);
    if (prompt?.[1] && isKnownCommand(prompt[1])) return at;
    at += line.length + 1;
  }
  return undefined;
}

/** The command before the first pipe outside quotes ("grep -E '^(de0|hn0):' /var/run/dmesg.boot | head" keeps its pattern). */
function firstStage(command: string): string {
  let quote: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '|') return command.slice(0, i).trim();
  }
  return command.trim();
}

/** Section for a command line typed at a prompt; sub-commands decide (cat of which file, dmesg or rpm). */
export function sectionForCommand(command: string): SectionName | undefined {
  const cmd = command.replace(/^sudo\s+/, '').trim();
  const first = cmd.split(/\s+/, 1)[0] ?? '';
  const piped = firstStage(cmd);
  if (first === 'uname') return SECTION.uname;
  if (/^systemctl\s+is-enabled\s+fstrim\.timer\b/.test(cmd)) return SECTION.discard;
  if (first === 'sysctl' && /\bkern\.timecounter\.hardware\b/.test(cmd)) return SECTION.bsdTimecounter;
  if (first === 'ls' && /\s\/sys\/firmware\/efi\/?(?:\s|$)/.test(cmd)) return SECTION.firmware;
  if (first === 'ls' && /\s\/sys\/devices\/system\/node\b/.test(cmd)) return SECTION.numa;
  if (first === 'lscpu') return SECTION.cpuinfo;
  if (first === 'ifconfig') return SECTION.bsdIfconfig;
  if (first === 'lsblk' && /\s(?:-D|--discard)\b/.test(cmd)) return SECTION.discard;
  if (first === 'virt-what') return SECTION.virtWhat;
  if (first === 'systemd-detect-virt') return SECTION.detectVirt;
  if (first === 'dmidecode') return SECTION.dmidecode;
  if (first === 'lsinitrd' || first === 'lsinitramfs') return SECTION.initramfs;
  if (/\/sys\/devices\/system\/memory\b/.test(cmd)) return SECTION.memHotplug;
  const host = HOST_COMMANDS.exec(first)?.[0].toLowerCase();
  if (host) return HOST_SECTION_FOR[host];
  if (first === 'ethtool' && /\s-i\b/.test(cmd)) return SECTION.ethtoolInfo;
  if (first === 'lsmod' || piped === 'cat /proc/modules') return SECTION.lsmod;
  if (['rpm', 'dpkg', 'dpkg-query', 'yum', 'dnf', 'zypper', 'apt', 'pkg'].includes(first)) return SECTION.packages;
  if (first === 'dmesg' || (first === 'journalctl' && /\s-k\b|--dmesg/.test(cmd))) return SECTION.dmesg;
  if (first === 'journalctl' || /\/var\/log\/(?:messages|syslog)/.test(cmd)) return SECTION.logs;
  if (['systemctl', 'service', 'chkconfig', 'initctl'].includes(first)) return SECTION.services;
  if (first === 'modinfo') return SECTION.modinfo;
  if (first === 'ps' || first === 'pgrep') return SECTION.ps;
  if (first === 'kldstat') return SECTION.bsdKldstat;
  if (first === 'freebsd-version') return SECTION.bsdVersion;
  if (first === 'lspci') return SECTION.lspci;
  if (first === 'mokutil') return SECTION.firmware;
  const file = /(?:cat|head|tail|less|grep\s.*)\s(\/\S+)/.exec(piped)?.[1];
  if (file) return sectionForFile(file);
  return undefined;
}

/**
 * A command's output as the collector would have printed it in its section, line by line (undefined drops a line):
 * "acpi_pm" from cat …/current_clocksource is the collector's "current=acpi_pm".
 */
type LineRewrite = (text: string) => string | undefined;

function rewriteFor(command: string): LineRewrite | undefined {
  // uname -r prints the release alone; uname -a's line puts it third, after the OS and the host name.
  if (/^(?:sudo\s+)?uname\s+-r\s*$/.test(command))
    return (text) => {
      const release = text.trim();
      if (!/^\d{1,3}\.\d{1,3}\S*$/.test(release)) return undefined;
      return `${/-(?:RELEASE|STABLE|CURRENT|BETA|RC)/.test(release) ? 'FreeBSD' : 'Linux'} - ${release}`;
    };
  const clock = /clocksource0\/(current|available)_clocksource\b/.exec(command)?.[1];
  if (clock) return (text) => `${clock}=${text.trim()}`;
  const discard = /(\/sys\/block\/[^/\s]+\/queue\/discard_max_bytes)\b/.exec(command)?.[1];
  if (discard) return (text) => (/^\d{1,20}$/.test(text.trim()) ? `${discard}: ${text.trim()}` : undefined);
  const scheduler = /\/sys\/block\/([^/\s]+)\/queue\/scheduler/.exec(command)?.[1];
  if (scheduler) return (text) => (text.startsWith('/sys/') ? text : `/sys/block/${scheduler}/queue/scheduler: ${text.trim()}`);
  if (/^(?:sudo\s+)?lsblk\b/.test(command)) return lsblkDiscardLine;
  // systemctl is-active/is-enabled print one state per unit named; the collector prints "unit-active: <unit> <state>".
  const unitState = /^(?:sudo\s+)?systemctl\s+is-(active|enabled)((?:\s+[\w@.-]{1,80}){1,8})\s*$/.exec(command);
  if (unitState && !/\bfstrim\.timer\b/.test(unitState[2]!)) {
    const units = unitState[2]!
      .trim()
      .split(/\s+/)
      .map((unit) => (/\.\w+$/.test(unit) ? unit : `${unit}.service`));
    const key = unitState[1] === 'active' ? 'unit-active' : 'unit-file';
    let next = 0;
    return (text) => {
      const unit = units[next];
      if (!unit || !/^[a-z-]{1,20}$/.test(text.trim())) return undefined;
      next++;
      return `${key}: ${unit} ${text.trim()}`;
    };
  }
  const dmiString = /^(?:sudo\s+)?dmidecode\s+-s\s+system-(product-name|manufacturer)\b/.exec(command)?.[1];
  if (dmiString) return (text) => `${dmiString === 'manufacturer' ? 'Manufacturer' : 'Product Name'}: ${text.trim()}`;
  // "lsinitrd … | grep -c hv": a count, not names; none means none, some means some the check cannot name.
  if (/^(?:sudo\s+)?lsinitr(?:d|amfs)\b.*\|\s*grep\s+-\w*c/.test(command))
    return (text) => (/^\d{1,5}$/.test(text.trim()) ? `hv modules counted: ${text.trim()}` : undefined);
  if (/\/sys\/devices\/system\/memory\/auto_online_blocks\b/.test(command)) return (text) => `auto_online_blocks=${text.trim()}`;
  if (/\/sys\/devices\/system\/memory\/memory\*\/state\b/.test(command))
    return (text) => {
      const counted = /^\s*(\d{1,6})\s+(online|offline)\s*$/.exec(text);
      if (counted) return `states: ${counted[2]}=${counted[1]}`;
      // "grep -l offline …/state | wc -l": the number of blocks in the state grep looked for.
      const state = /\bgrep\b[^|]*\b(online|offline)\b/.exec(command)?.[1];
      return state && /^\d{1,6}$/.test(text.trim()) ? `states: ${state}=${text.trim()}` : undefined;
    };
  if (/^(?:sudo\s+)?systemctl\s+is-enabled\s+fstrim\.timer\b/.test(command)) return (text) => `fstrim.timer enabled=${text.trim()}`;
  if (/^(?:sudo\s+)?sysctl\b/.test(command))
    return (text) => /^(?:kern\.timecounter\.hardware:\s*)?([\w-]{1,40})\s*$/.exec(text.trim())?.[1];
  if (/^(?:sudo\s+)?ls\b.*\/sys\/devices\/system\/node\b/.test(command)) {
    // One node directory a word, on one line or several: the count so far, as the collector's "nodes=N".
    let nodes = 0;
    return (text) => {
      nodes += (text.match(/\bnode\d{1,4}\b/g) ?? []).length;
      return nodes > 0 ? `nodes=${nodes}` : undefined;
    };
  }
  if (/^(?:sudo\s+)?ls\b/.test(command)) return (text) => (/No such file/.test(text) ? 'boot=bios' : 'boot=uefi');
  if (/^(?:sudo\s+)?lscpu\b/.test(command))
    return (text) => {
      const cpus = /^CPU\(s\):\s+(\d{1,6})\s*$/.exec(text.trim())?.[1];
      if (cpus) return `processors=${cpus}`;
      return /^NUMA node\(s\):\s+\d{1,4}\s*$/.test(text.trim()) ? text.trim() : undefined;
    };
  // Linux's ifconfig names eth0 or ens33; only FreeBSD's hn0 and de0 tell the check anything.
  if (/^(?:sudo\s+)?ifconfig\b/.test(command))
    return (text) => (/^(?:eth|en[ops]|wl|lo|docker|br|virbr|veth)\w*: flags=/.test(text) ? undefined : text);
  return undefined;
}

const SIZE_UNIT: Record<string, number> = { B: 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** "sda  0  2M  4G  0" under lsblk --discard's header: a whole disk's DISC-MAX, as the collector prints discard_max_bytes. */
function lsblkDiscardLine(text: string): string | undefined {
  const row = /^([a-z][\w-]{0,30})\s+\d+\s+\S+\s+(\d+(?:\.\d+)?)([BKMGT]?)\s+\d+\s*$/.exec(text);
  if (!row) return undefined;
  const bytes = Math.round(Number(row[2]) * (SIZE_UNIT[row[3] || 'B'] ?? 1));
  return `/sys/block/${row[1]}/queue/discard_max_bytes: ${bytes}`;
}

const HOST_SECTION_FOR: Record<string, SectionName> = {
  'get-vmintegrationservice': SECTION.hostIntegrationServices,
  'get-vmfirmware': SECTION.hostFirmware,
  'get-vmnetworkadapter': SECTION.hostNetworkAdapter,
  'get-vmmemory': SECTION.hostMemory,
  'get-vm': SECTION.hostVm,
};
const HOST_SECTIONS = new Set<SectionName>(Object.values(HOST_SECTION_FOR));

/** The integration services' names as Get-VMIntegrationService lists them (English; 2012 R2 and later). */
export const INTEGRATION_SERVICE_NAMES = /Guest Service Interface|Heartbeat|Key-Value Pair Exchange|Shutdown|Time Synchronization|VSS/;
const SERVICE = INTEGRATION_SERVICE_NAMES.source;

function sectionForFile(path: string): SectionName | undefined {
  const byFile: Record<string, SectionName> = {
    '/etc/os-release': SECTION.osRelease,
    '/usr/lib/os-release': SECTION.osRelease,
    '/etc/redhat-release': SECTION.redhatRelease,
    '/etc/centos-release': SECTION.centosRelease,
    '/etc/oracle-release': SECTION.oracleRelease,
    '/etc/SuSE-release': SECTION.suseRelease,
    '/etc/lsb-release': SECTION.lsbRelease,
    '/etc/debian_version': SECTION.debianVersion,
    '/proc/cmdline': SECTION.cmdline,
    '/etc/fstab': SECTION.fstab,
    '/proc/mounts': SECTION.mounts,
    '/var/log/dmesg': SECTION.dmesg,
    '/var/run/dmesg.boot': SECTION.dmesg,
    '/proc/modules': SECTION.lsmod,
  };
  if (byFile[path]) return byFile[path];
  if (/^\/sys\/block\/[^/]+\/queue\/scheduler$/.test(path)) return SECTION.schedulers;
  if (/^\/sys\/devices\/system\/clocksource\//.test(path)) return SECTION.clocksource;
  if (/^\/sys\/block\/[^/]+\/queue\/discard_max_bytes$/.test(path)) return SECTION.discard;
  if (path === '/etc/default/grub' || /^\/boot\/(?:efi\/EFI\/\w+|grub2?)\/grub\.(?:cfg|conf)$/.test(path)) return SECTION.grubTimeout;
  return undefined;
}

const SHAPES: readonly (readonly [RegExp, SectionName])[] = [
  [/^(?:Linux|FreeBSD) \S+ \d+\.\d+\S* /, SECTION.uname],
  [/^(?:NAME|ID|ID_LIKE|VERSION|VERSION_ID|PRETTY_NAME|VERSION_CODENAME|CPE_NAME|ANSI_COLOR|PLATFORM_ID)=/, SECTION.osRelease],
  [/^DISTRIB_(?:ID|RELEASE|CODENAME|DESCRIPTION)=/, SECTION.lsbRelease],
  [/^(?:Red Hat Enterprise Linux|CentOS|Oracle Linux|Scientific Linux|Enterprise Linux)\b.* release \d/, SECTION.redhatRelease],
  [/^(?:SUSE Linux Enterprise|SUSE LINUX Enterprise)|^(?:VERSION|PATCHLEVEL) = \d/, SECTION.suseRelease],
  [/^Module\s+Size\s+Used by/, SECTION.lsmod],
  [/^[a-z][a-z0-9_]{1,60}\s+\d{1,12}\s+\d{1,6}(?:\s+[\w,-]{1,400})?\s*$/, SECTION.lsmod],
  [/^Id Refs Address\s/, SECTION.bsdKldstat],
  [/^\s*\d{1,4}\s+\d{1,4}\s+0x[0-9a-f]{4,16}\s+[0-9a-f]{1,12}\s+\S+\.ko\b/, SECTION.bsdKldstat],
  [/^\[\s{0,12}\d{1,9}\.\d{1,9}\]/, SECTION.dmesg],
  [/^(?:hv_\w{1,30}|hyperv_\w{1,30}|hid[-_]hyperv|Hyper-V|storvsc\d{0,3}|hn\d{1,3}|vmbus\d{0,3}|netvsc):? /, SECTION.dmesg],
  // FreeBSD's emulated 21140 as its boot messages name it.
  [/^de\d{1,3}: <Digital 2114\w{0,4} /, SECTION.dmesg],
  [/^[A-Z][a-z]{2}\s{1,2}\d{1,2} \d\d:\d\d:\d\d \S+ /, SECTION.logs],
  [
    /^(?:kmod-)?[A-Za-z0-9][\w.+-]{0,120}-\d[\w.+~]{0,60}-[\w.+~]{1,80}\.(?:x86_64|i[3-6]86|noarch|aarch64|ppc64le|s390x)$/,
    SECTION.packages,
  ],
  [/^[A-Za-z0-9][\w.+-]{0,120}\.(?:x86_64|i[3-6]86|noarch|aarch64)\s+\S+\s+\S+$/, SECTION.packages],
  [/^(?:ii|rc|hi)\s+\S+\s+\S+/, SECTION.packages],
  [/^\s*[●*]?\s*[\w@.-]{1,120}\.(?:service|timer)\b/, SECTION.services],
  [/^[\w.-]{1,60}\s+0:(?:on|off)\s+1:/, SECTION.services],
  [/^[\w-]{1,60} (?:start|stop)\/(?:running|waiting|post-stop|pre-start)/, SECTION.services],
  [/^\/sys\/block\/\S+\/queue\/scheduler:/, SECTION.schedulers],
  [/^(?:[\w-]+\s+)*\[(?:noop|deadline|cfq|none|mq-deadline|kyber|bfq)\](?:\s+[\w-]+)*\s*$/, SECTION.schedulers],
  [/^(?:BOOT_IMAGE=|ro root=|root=)/, SECTION.cmdline],
  [
    /^(?:filename|version|vermagic|srcversion|rhelversion|description|author|license|alias|depends|intree|retpoline|signer|sig_key|sig_hashalgo|parm):\s/,
    SECTION.modinfo,
  ],
  [/^(?:UUID=|LABEL=|PARTUUID=|\/dev\/)\S+\s+(?:\/\S*|swap|none)\s+\w+\s+\S+/, SECTION.fstab],
  [/^[0-9a-f]{2,4}:[0-9a-f]{2}[.:][0-9a-f]{1,2}(?:\.\d)?\s/, SECTION.lspci],
  [/^SecureBoot (?:enabled|disabled)/, SECTION.firmware],
  [/^VMName\s+Name\s+Enabled\s+PrimaryStatusDescription/, SECTION.hostIntegrationServices],
  [new RegExp(`^\\s*(?:[\\w.-]{1,64}\\s+)?(?:${SERVICE})\\s+(?:True|False)\\b`), SECTION.hostIntegrationServices],
  [new RegExp(`^Name\\s*:\\s*(?:${SERVICE})\\s*$`), SECTION.hostIntegrationServices],
  [/^VMName\s+SecureBoot\s+SecureBootTemplate|^SecureBoot(?:Template)?\s*:\s*\w/, SECTION.hostFirmware],
  [/^Name\s+IsManagementOs\s+VMName\s+SwitchName|^IsLegacy\s*:\s*(?:True|False)/, SECTION.hostNetworkAdapter],
  [/^VMName\s+DynamicMemoryEnabled\s+Minimum|^DynamicMemoryEnabled\s*:\s*(?:True|False)/, SECTION.hostMemory],
  [/^Generation\s*:\s*[12]\s*$/, SECTION.hostVm],
];

/** Where the first line shaped like command output the check reads starts ("VMName Name Enabled …"), or undefined. */
export function firstOutputLineAt(text: string): number | undefined {
  let at = 0;
  for (const line of text.split('\n')) {
    if (classify(line)) return at;
    at += line.length + 1;
  }
  return undefined;
}

function classify(line: string): SectionName | undefined {
  for (const [shape, name] of SHAPES) if (shape.test(line)) return name;
  return undefined;
}

export function splitPaste(lines: readonly string[], store: SectionStore, diagnostics: DiagnosticSink): number {
  let block: Section | undefined;
  let fromPrompt = false;
  let rewrite: LineRewrite | undefined;
  let classified = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const lineNo = i + 1;
    if (text.trim() === '') continue;
    nonEmpty++;
    const prompt = PROMPT.exec(text);
    if (prompt?.[1] && isKnownCommand(prompt[1])) {
      const name = sectionForCommand(prompt[1]);
      block = name ? store.open(name, 'paste', lineNo, true) : undefined;
      fromPrompt = block !== undefined;
      rewrite = rewriteFor(prompt[1]);
      classified++;
      continue;
    }
    if (fromPrompt && block) {
      const line = rewrite ? rewrite(text) : text;
      if (line !== undefined) store.push(block, line, lineNo);
      classified++;
      continue;
    }
    const name = classify(text);
    if (name) {
      block = store.open(name, 'paste', lineNo, true);
      if (block) store.push(block, text, lineNo);
      classified++;
    } else if (block && (/^\s/.test(text) || HOST_SECTIONS.has(block.name))) {
      // Indented lines continue a block (systemctl status); so do a PowerShell table's rows and a list's other fields.
      store.push(block, text, lineNo);
      classified++;
    } else {
      block = undefined;
    }
  }
  if (nonEmpty > 0 && classified === 0) {
    diagnostics.add('INPUT_UNKNOWN_FORMAT', 'Nothing in the upload looked like collector output or known command output.');
  }
  return classified;
}
