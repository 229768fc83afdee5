import type { GuestDistro, GuestFacts } from '../../guest-facts.ts';
import { SECTION } from '../section-names.ts';
import type { SectionMap } from '../section.ts';
import { stripUndefined } from './meta.ts';
import { linesOf, observe } from './view.ts';

const ARCH = /^(?:x86_64|amd64|i[3-6]86|aarch64|arm64|armv\w{1,8}|ppc64le|ppc64|s390x|riscv64|ia64)$/;

/** The machine field of `uname -a`: first of the trailing arch words (uname -m comes before -p and -i). */
function archOf(tokens: string[]): string | undefined {
  let i = tokens.length - 1;
  if (tokens[i] === 'GNU/Linux' || tokens[i] === 'Linux') i--;
  let found: string | undefined;
  for (; i >= 0 && ARCH.test(tokens[i] ?? ''); i--) found = tokens[i];
  return found;
}

function numbers(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split('.')) {
    if (!/^\d{1,9}$/.test(part)) break;
    out.push(Number(part));
  }
  return out;
}

export interface ParsedRelease {
  upstream: number[];
  vendorBuild: number[];
  distTag?: string;
  flavour?: string;
  pae: boolean;
}

/** Splits a Linux kernel release such as 2.6.32-279.22.1.el6.x86_64, 5.15.0-1064-azure or 4.12.14-122.37-default. */
export function parseLinuxRelease(release: string, distro?: GuestDistro): ParsedRelease {
  const dash = release.indexOf('-');
  const base = dash === -1 ? release : release.slice(0, dash);
  const rest = dash === -1 ? '' : release.slice(dash + 1);
  const upstream = numbers(base.replace(/[^\d.].*$/, '')).slice(0, 3);
  const vendorBuild = numbers(rest.replace(/[-+_].*$/, '').replace(/\.(?:el|uek|fc|amzn)\w*.*$/, ''));
  const distTag = /\.(el\d{1,2}(?:_\d{1,2})?|uek)/.exec(release)?.[1];
  const pae = /pae/i.test(release.replace(/^.*?-/, ''));
  let flavour: string | undefined;
  if (/uek/.test(release)) flavour = 'uek';
  else if (distTag) {
    const tail = /\.el\d{1,2}(?:_\d{1,2})?(?:\.\w+)?(?:\.|)(PAE|xen|debug)?$/.exec(release)?.[1] ?? /(PAE|xen)$/.exec(release)?.[1];
    flavour = tail ?? (distro === 'oracle-linux' ? 'rhck' : undefined);
  } else {
    const suffix = /^[\d.]+-[\d.]+-(.+)$/.exec(release)?.[1];
    if (suffix && /^[a-z]/i.test(suffix)) flavour = suffix;
  }
  return stripUndefined({ upstream, vendorBuild, distTag, flavour, pae });
}

export function kernelFacts(sections: SectionMap, distro: GuestDistro | undefined): Pick<GuestFacts, 'kernel'> {
  const line = linesOf(sections, SECTION.uname).find((l) => /^(?:Linux|FreeBSD) /.test(l.text));
  if (!line) return {};
  const tokens = line.text.trim().split(/\s+/);
  const osType = tokens[0] === 'FreeBSD' ? 'FreeBSD' : 'Linux';
  const release = tokens[2] ?? '';
  if (!/^\d{1,3}\.\d{1,3}/.test(release)) return {};
  const arch = archOf(tokens);
  if (osType === 'FreeBSD') {
    const kernconf = /\/sys\/([A-Z][A-Z0-9_-]{0,40})\s*(?:\s\S+)?$/.exec(line.text)?.[1];
    const upstream = numbers(release.replace(/-.*$/, ''));
    const kernel = { osType: 'FreeBSD' as const, release, arch, flavour: kernconf, upstream, vendorBuild: [] as number[], pae: false };
    return { kernel: observe(stripUndefined(kernel), [line]) };
  }
  const parsed = parseLinuxRelease(release, distro);
  return { kernel: observe(stripUndefined({ osType, release, arch, ...parsed }), [line]) };
}
