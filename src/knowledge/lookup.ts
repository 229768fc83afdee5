import type { KnowledgeBase } from './knowledge-base.ts';
import { HOST_IDS, type DistroId, type HostId } from './schema/index.ts';
import { normaliseVersion } from './version.ts';

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Finds a family by id, name, alias or codename; a codename also gives the version. */
export function lookupFamily(kb: KnowledgeBase, text: string): { family: DistroId; version?: string } | undefined {
  const wanted = squash(text);
  if (!wanted) return undefined;
  for (const family of kb.families.values()) {
    if ([family.id, family.name, ...family.aliases].some((name) => squash(name) === wanted)) return { family: family.id };
  }
  for (const family of kb.families.values()) {
    const codename = family.codenames.find((c) => squash(c.name) === wanted);
    if (codename) return { family: family.id, version: codename.version };
  }
  return undefined;
}

/** Reads a host as people write it: "2012r2", "2012 R2", "ws2016", "server 2019". */
export function lookupHost(text: string): HostId | undefined {
  const squashed = squash(text).replace(/^(windowsserver|server|ws|hyperv)/, '');
  return HOST_IDS.find((host) => squash(host) === squashed);
}

export function lookupVersion(text: string | undefined): string | undefined {
  return text === undefined ? undefined : normaliseVersion(text);
}
