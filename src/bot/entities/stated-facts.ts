import type { IpVersion, UnmetRequirement } from '../../knowledge/schema/index.ts';
import type { StatedFacts } from '../../knowledge/query/limits.ts';

const MTU = /\bmtu\b\s*(?:of|=|:|to|at|is|size)?\s*(\d{3,5})\b|\b(\d{4,5})\s*(?:-?\s*bytes?\s*)?mtu\b/i;
const DISK_SIZE = /\b(\d+(?:\.\d+)?)\s*(tb|tib|gb|gib)\b(?!\s*(?:of\s+)?(?:ram|memory|mem)\b)/gi;
const IP_VERSION = /\bip\s*v?\s*([46])\b/gi;
const FILESYSTEMS = /\b(ext[234]|xfs|btrfs|zfs|ufs|vfat|fat32|reiserfs)\b/gi;
/** "no ext2", "without ext2", "instead of ext2": the guest does not use it. */
const NEGATED = /\b(?:no|not|without|instead of|avoid(?:ing)?|except|other than|rather than|non)\s*-?\s*(?:an?\s+)?$/i;
/**
 * "3.10.0-957.21.3.el7.x86_64": upstream version and vendor build; the dist tag and arch are dropped. A version inside
 * a package name ("microsoft-hyper-v-4.1.3-20170227") is the package's, unless the package is the kernel.
 */
const KERNEL_BUILD = /(?:(?<=\bkernel-)|(?<![\w.-]))(\d+\.\d+\.\d+-\d{1,6}(?:\.\d+)*)/;

/** A file system made on the disk: the 2 TB limit is on creating file systems, not on the disk's size. */
const MAKES_FILE_SYSTEM = /\b(file ?systems?|fs|mkfs(?:\.\w+)?|format(?:ted|ting)?|ext[234]|xfs|btrfs)\b/i;

function fileSystemDiskTb(question: string): number | undefined {
  if (!MAKES_FILE_SYSTEM.test(question)) return undefined;
  let largest: number | undefined;
  for (const match of question.matchAll(DISK_SIZE)) {
    const value = Number(match[1]);
    // 2048 GB is the 2 TB limit itself, so a gigabyte count is read in binary units.
    const tb = /^t/i.test(match[2]!) ? value : value / 1024;
    largest = Math.max(largest ?? 0, Math.round(tb * 1000) / 1000);
  }
  return largest;
}

function ipVersions(question: string): IpVersion[] {
  const versions = new Set<IpVersion>();
  for (const match of question.matchAll(IP_VERSION)) versions.add(match[1] === '4' ? 'ipv4' : 'ipv6');
  return [...versions];
}

function filesystems(question: string): string[] {
  const found = new Set<string>();
  for (const match of question.matchAll(FILESYSTEMS)) {
    if (NEGATED.test(question.slice(Math.max(0, match.index - 24), match.index))) continue;
    found.add(match[1]!.toLowerCase());
  }
  return [...found];
}

/** "is there a catch with partitions mounted twice?" asks what the note says rather than telling the guest's setup. */
const ASKS_ABOUT = /\b(?:catch|caveats?|gotchas?|what about|anything about|rules? about)\b[^.?!\n]{0,30}$/i;

/** "LUN 0 is not empty", "LUN 0 never unused": the statement turned round. */
const DENIED = /\b(?:not|isn'?t|never|no longer)\s+(?:\w+\s+)?(?:empty|unpopulated|unused|used|free|vacant|blank|skipped)\b/i;

function saysOfItsGuest(question: string, said: RegExp): boolean {
  const match = said.exec(question);
  if (match === null || DENIED.test(match[0])) return false;
  const before = question.slice(Math.max(0, match.index - 40), match.index);
  // "no bind mounts" and "without a second mount" say the guest keeps to the requirement.
  return !ASKS_ABOUT.test(before) && !NEGATED.test(before);
}

/** What a question says when the guest does not meet a note's requirement. */
const UNMET: ReadonlyArray<readonly [UnmetRequirement, RegExp]> = [
  [
    'lun0-empty',
    /\blun\s*0\b[^.?!\n]{0,30}\b(?:empty|unpopulated|not populated|isn'?t populated|unused|not used|free|vacant|blank|skipped)\b|\b(?:nothing|no disk|no lun|empty|unpopulated)\b[^.?!\n]{0,30}\b(?:on|at|in)\s+lun\s*0\b|\b(?:without|skip(?:s|ping)?|no)\s+(?:a\s+)?lun\s*0\b|\bluns?\b[^.?!\n]{0,30}\b(?:start(?:s|ing)?|begin(?:s|ning)?|from)\s+(?:at\s+|from\s+)?1\b/i,
  ],
  [
    'partition-mounted-twice',
    /\bbind[- ]?mount|\bmounted\s+(?:twice|two times|more than once|multiple times|a second time|again|in (?:two|2|several|multiple) (?:places|locations))|\b(?:same|one|single) (?:partition|filesystem|file system|volume)\b[^.?!\n]{0,40}\b(?:twice|two places|two mount points|more than once|multiple times)/i,
  ],
  [
    'debian-stable-kernel',
    /\b(?:stock|stable|default|standard|distro|shipped|plain|vanilla)\s+(?:debian\s+|bullseye\s+|buster\s+|stretch\s+|jessie\s+)?(?:\d[\d.]*\s+)?kernel\b|\b(?:no|without|not from|not using|not on)\s+(?:the\s+)?backports\b/i,
  ],
];

/**
 * The values a question states that a note's limit can be measured against (an MTU, a disk size, a kernel build), and
 * the note requirements it says the guest does not meet.
 */
export function statedFacts(question: string): StatedFacts {
  const mtu = MTU.exec(question);
  const disk = fileSystemDiskTb(question);
  const ips = ipVersions(question);
  const fs = filesystems(question);
  const kernel = KERNEL_BUILD.exec(question);
  const unmet = UNMET.filter(([, said]) => saysOfItsGuest(question, said)).map(([requirement]) => requirement);
  return {
    ...(mtu ? { mtu: Number(mtu[1] ?? mtu[2]) } : {}),
    ...(disk !== undefined ? { fileSystemDiskTb: disk } : {}),
    ...(ips.length ? { ipVersions: ips } : {}),
    ...(fs.length ? { filesystems: fs } : {}),
    ...(kernel ? { kernelBuild: kernel[1]! } : {}),
    ...(unmet.length ? { unmet } : {}),
  };
}
