import type { DiagnosticSink } from './diagnostics.ts';
import { HOST_COMMANDS, HOST_SECTIONS, pastedCommand, type LineRewrite } from './pasted-commands.ts';
import { SECTION, type SectionName } from './section-names.ts';
import type { Section, SectionStore } from './section.ts';

/**
 * Headerless pastes: command output copied from a terminal. A shell prompt naming a known
 * command routes the following lines to that command's section; without one, each line is
 * classified by its shape. Indented lines continue the previous block (systemctl status).
 */

const KNOWN_COMMANDS =
  /^(?:sudo\s+)?(?:uname|lsmod|rpm|dpkg|dpkg-query|yum|dnf|zypper|apt|dmesg|journalctl|cat|systemctl|service|chkconfig|initctl|modinfo|ps|pgrep|kldstat|sysctl|pkg|lspci|grep|mokutil|freebsd-version|lsb_release|hostnamectl|tail|head|less|ls|ethtool|ifconfig|lsblk|virt-what|systemd-detect-virt|dmidecode|lsinitrd|lsinitramfs|lscpu)\b/;
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

function withoutSudo(command: string): string {
  return command.replace(/^sudo\s+/, '').trim();
}

/** Section for a command line typed at a prompt; sub-commands decide (cat of which file, dmesg or rpm). */
export function sectionForCommand(command: string): SectionName | undefined {
  const cmd = withoutSudo(command);
  const first = cmd.split(/\s+/, 1)[0] ?? '';
  const piped = firstStage(cmd);
  const pasted = pastedCommand(cmd);
  if (pasted) return pasted.section;
  if (first === 'uname') return SECTION.uname;
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
      rewrite = pastedCommand(withoutSudo(prompt[1]))?.rewrite;
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
