import type { IpVersion, NoteLimit, UnmetRequirement } from '../schema/index.ts';

/** Values the question itself states, which a note's limit can be measured against. */
export interface StatedFacts {
  readonly mtu?: number;
  /** The size, in TB, of a virtual disk the question makes a file system on. */
  readonly fileSystemDiskTb?: number;
  readonly ipVersions?: readonly IpVersion[];
  /** File system types the guest is said to use: "ext2", "xfs". */
  readonly filesystems?: readonly string[];
  /** "3.10.0-957.21.3": upstream version and vendor build, without the dist tag. */
  readonly kernelBuild?: string;
  /** Requirements the question says the guest does not meet: "LUN 0 is empty". */
  readonly unmet?: readonly UnmetRequirement[];
}

/** What the question said, in our words, when it says a requirement is not met. */
export const UNMET_PHRASES: Record<UnmetRequirement, string> = {
  'lun0-empty': 'LUN 0 is left empty',
  'partition-mounted-twice': 'a partition is mounted more than once',
  'debian-stable-kernel': "the guest runs Debian's stable kernel, not one from backports",
};

const IP_NAMES: Record<IpVersion, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };

function ipList(versions: readonly IpVersion[]): string {
  return versions.map((v) => IP_NAMES[v]).join(' and ');
}

/** The limit as a condition on a yes: "an MTU of at most 9126". */
export function limitPhrase(limit: NoteLimit): string {
  switch (limit.fact) {
    case 'mtu':
      return `an MTU of at most ${limit.max}`;
    case 'filesystem-disk-tb':
      return `a virtual disk of at most ${limit.max} TB under each file system`;
    case 'ip-version': {
      const others = (['ipv4', 'ipv6'] as const).filter((v) => !limit.allowed.includes(v));
      return `${ipList(limit.allowed)} addresses${others.length ? ` (not ${ipList(others)})` : ''}`;
    }
    case 'filesystem':
      return `no ${limit.forbidden.join(' or ')} file system`;
    case 'kernel-build':
      return `kernel ${limit.min} or later`;
  }
}

function numbers(text: string): number[] {
  return text.split('.').map(Number);
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Orders two kernel builds ("3.10.0-957.21.3" against "3.10.0-957.38.1"): upstream version first, then the vendor
 * build. Undefined when the same upstream version is given without a vendor build, which cannot be placed.
 */
export function compareKernelBuilds(a: string, b: string): number | undefined {
  const [upstreamA = '', buildA] = a.split('-');
  const [upstreamB = '', buildB] = b.split('-');
  const upstream = compareNumbers(numbers(upstreamA), numbers(upstreamB));
  if (upstream !== 0) return upstream;
  if (buildA === undefined || buildB === undefined) return buildA === buildB ? 0 : undefined;
  return compareNumbers(numbers(buildA), numbers(buildB));
}

/** What the question states beyond the limit, in our words ("9216", "IPv6"); undefined when it keeps to it or states nothing. */
export function statedBeyond(limit: NoteLimit, stated: StatedFacts): string | undefined {
  switch (limit.fact) {
    case 'mtu':
      return stated.mtu !== undefined && stated.mtu > limit.max ? `an MTU of ${stated.mtu}` : undefined;
    case 'filesystem-disk-tb':
      return stated.fileSystemDiskTb !== undefined && stated.fileSystemDiskTb > limit.max
        ? `a file system on a ${stated.fileSystemDiskTb} TB disk`
        : undefined;
    case 'ip-version': {
      const outside = (stated.ipVersions ?? []).filter((v) => !limit.allowed.includes(v));
      return outside.length ? `${ipList(outside)} addresses` : undefined;
    }
    case 'filesystem': {
      const forbidden = (stated.filesystems ?? []).filter((f) => limit.forbidden.includes(f));
      return forbidden.length ? `${forbidden.join(' and ')}` : undefined;
    }
    case 'kernel-build': {
      if (stated.kernelBuild === undefined) return undefined;
      const order = compareKernelBuilds(stated.kernelBuild, limit.min);
      return order !== undefined && order < 0 ? `kernel ${stated.kernelBuild}` : undefined;
    }
  }
}
