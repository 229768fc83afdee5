import type { Entities } from '../../core/reply.ts';

/** The names that together say which guest a question is about. */
export const GUEST_KEYS = ['distro', 'version', 'kernel', 'uek', 'arch'] as const;

/**
 * Whether a bare release asked about ("can 6.2 …") is another release of the family whose release the message named
 * (7.9), rather than a kernel, a build or an LIS release: a major.minor near the named major, and not the LIS release.
 */
export function sameFamilyRelease(asked: string, named: string, lis: string | undefined): boolean {
  if (asked === named || named.startsWith(`${asked}.`) || asked === lis || !/^\d+(?:\.\d+| SP\d+)?$/.test(asked)) return false;
  return Math.abs(Number.parseInt(asked, 10) - Number.parseInt(named, 10)) <= 3;
}

/** The entities with the names of the guest taken out. */
export function withoutGuest(entities: Entities): Entities {
  const { distro: _distro, version: _version, kernel: _kernel, uek: _uek, arch: _arch, ...rest } = entities;
  return rest;
}

export function pick(entities: Entities, keys: readonly (keyof Entities)[]): Partial<Entities> {
  return Object.fromEntries(keys.filter((k) => entities[k] !== undefined).map((k) => [k, entities[k]]));
}
