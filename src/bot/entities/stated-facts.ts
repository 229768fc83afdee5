import type { IpVersion } from '../../knowledge/schema/index.ts';
import type { StatedFacts } from '../../knowledge/query/limits.ts';

const MTU = /\bmtu\b\s*(?:of|=|:|to|at|is|size)?\s*(\d{3,5})\b|\b(\d{4,5})\s*(?:-?\s*bytes?\s*)?mtu\b/i;
const DISK_SIZE = /\b(\d+(?:\.\d+)?)\s*(tb|tib|gb|gib)\b(?!\s*(?:of\s+)?(?:ram|memory|mem)\b)/gi;
const IP_VERSION = /\bip\s*v?\s*([46])\b/gi;
const FILESYSTEMS = /\b(ext[234]|xfs|btrfs|zfs|ufs|vfat|fat32|reiserfs)\b/gi;
/** "no ext2", "without ext2", "instead of ext2": the guest does not use it. */
const NEGATED = /\b(?:no|not|without|instead of|avoid(?:ing)?|except|other than|rather than|non)\s*-?\s*(?:an?\s+)?$/i;
/** "3.10.0-957.21.3.el7.x86_64": upstream version and vendor build; the dist tag and arch are dropped. */
const KERNEL_BUILD = /\b(\d+\.\d+\.\d+-\d+(?:\.\d+)*)/;

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

/** The values a question states that a note's limit can be measured against: an MTU, a disk size, a kernel build. */
export function statedFacts(question: string): StatedFacts {
  const mtu = MTU.exec(question);
  const disk = fileSystemDiskTb(question);
  const ips = ipVersions(question);
  const fs = filesystems(question);
  const kernel = KERNEL_BUILD.exec(question);
  return {
    ...(mtu ? { mtu: Number(mtu[1] ?? mtu[2]) } : {}),
    ...(disk !== undefined ? { fileSystemDiskTb: disk } : {}),
    ...(ips.length ? { ipVersions: ips } : {}),
    ...(fs.length ? { filesystems: fs } : {}),
    ...(kernel ? { kernelBuild: kernel[1]! } : {}),
  };
}
