/** Reading a distro's version from the words of a question: "6.2", "11 sp3", "11sp3", "ubuntu 1604", "v7.4". */
import type { DistroId } from '../../knowledge/schema/index.ts';
import { normaliseVersion } from '../../knowledge/version.ts';

export const VERSION_TOKEN = /^\d{1,2}(?:\.\d{1,2}(?:\.\d{1,4})?)?(?:\.x|\+)?$/;
const SERVICE_PACK = /^sp(\d{1,2})$/;
const GLUED_SERVICE_PACK = /^(\d{1,2})sp(\d{1,2})$/;
/** A number before one of these counts or times something ("with 8 vcpus", "every 15 minutes"): it is no version. */
export const COUNTED: ReadonlySet<string> = new Set([
  'seconds',
  'secs',
  'minutes',
  'mins',
  'min',
  'hours',
  'hrs',
  'days',
  'weeks',
  'months',
  'years',
  'times',
  'percent',
  'vcpus',
  'vcpu',
  'cpus',
  'cores',
  'gb',
  'tb',
  'mb',
  'nics',
  'disks',
  'vms',
  'guests',
  'hosts',
  'nodes',
]);

/** Where the version starts when a word announces it ("version 7", "v 7", "release 7"): past that word. */
export function versionStart(tokens: readonly string[], start: number): number {
  const token = tokens[start];
  return token === 'version' || token === 'v' || token === 'release' ? start + 1 : start;
}

/** Reads the version that follows a distro mention: "6.2", "11 sp3", "11sp3", "14.04 lts". */
export function versionAt(tokens: readonly string[], start: number, distro: DistroId): { version: string; used: number } | undefined {
  start = versionStart(tokens, start);
  let token = tokens[start];
  if (!token) return undefined;
  // "v7.4"
  if (/^v\d/.test(token)) token = token.slice(1);
  const gluedSp = GLUED_SERVICE_PACK.exec(token);
  if (gluedSp) return { version: `${gluedSp[1]} SP${Number(gluedSp[2])}`, used: 1 };
  // "ubuntu1604", "ubuntu 1804": year and month without the dot.
  const ubuntuGlued = distro === 'ubuntu' ? /^(\d{2})(0[1-9]|1[0-2])$/.exec(token) : null;
  if (ubuntuGlued) return { version: `${ubuntuGlued[1]}.${ubuntuGlued[2]}`, used: 1 };
  // "sles01", "sap-sles-03": a host name's counter; no release starts with a zero.
  if (!VERSION_TOKEN.test(token) || /^0\d/.test(token)) return undefined;
  const bare = withoutWildcard(token);
  const sp = servicePackAfter(tokens, start + 1);
  if (sp) return { version: `${bare} SP${sp.number}`, used: 1 + sp.used };
  // SLES releases are often written 11.3 for 11 SP3.
  const slesDotted = distro === 'sles' ? /^(1[0-5])\.(\d)$/.exec(bare) : null;
  if (slesDotted) return { version: `${slesDotted[1]} SP${slesDotted[2]}`, used: 1 };
  if (distro === 'ubuntu') {
    // Ubuntu releases are year.month: "20.4" is 20.04, and a bare even year ("u20") is that year's April LTS.
    const ubuntuMonth = /^(\d{2})\.(\d)$/.exec(bare);
    if (ubuntuMonth) return { version: `${ubuntuMonth[1]}.0${ubuntuMonth[2]}`, used: 1 };
    const ltsYear = /^(1[02468]|2[02468])$/.exec(bare);
    if (ltsYear) return { version: `${ltsYear[1]}.04`, used: 1 };
  }
  const version = normaliseVersion(withoutPointRelease(bare));
  return version ? { version, used: 1 } : undefined;
}

/** "does 11 sp2 count?": a SUSE-style release with its service pack, typed with no distro next to it. */
export function looseServicePackRelease(tokens: readonly string[], used: ArrayLike<number>): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const glued = GLUED_SERVICE_PACK.exec(tokens[i]!);
    if (glued && /^1[0-5]$/.test(glued[1]!)) return `${glued[1]} SP${Number(glued[2])}`;
    const sp = /^1[0-5]$/.test(tokens[i]!) ? servicePackAfter(tokens, i + 1) : undefined;
    if (sp) return `${tokens[i]} SP${sp.number}`;
  }
  return undefined;
}

/** A version typed with no distro next to it, as the matrix writes it: "7.x" and "7+" are 7. */
export function looseVersionOf(typed: string): string {
  return normaliseVersion(withoutWildcard(typed)) ?? typed;
}

function withoutWildcard(token: string): string {
  return token.replace(/\.x$|\+$/, '');
}

/** "sp3", "sp 3" or "service pack 3" at a word. */
function servicePackAfter(tokens: readonly string[], at: number): { number: number; used: number } | undefined {
  const glued = SERVICE_PACK.exec(tokens[at] ?? '');
  if (glued) return { number: Number(glued[1]), used: 1 };
  const words = tokens[at] === 'sp' ? 1 : tokens[at] === 'service' && tokens[at + 1] === 'pack' ? 2 : 0;
  const number = words ? /^\d{1,2}$/.exec(tokens[at + words] ?? '') : null;
  return number ? { number: Number(number[0]), used: words + 1 } : undefined;
}

/** A point release ("20.04.6", "7.9.2009") is asked about as its release: the matrix lists none finer. */
function withoutPointRelease(version: string): string {
  return version.replace(/^(\d+\.\d+)\.\d+$/, '$1');
}
