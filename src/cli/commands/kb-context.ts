import { UsageError, stringOption, type ParsedArgs } from '../command.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../knowledge/index.ts';
import { lookupFamily, lookupHost, lookupVersion } from '../../knowledge/lookup.ts';
import type { DistroId, HostId } from '../../knowledge/schema/index.ts';

let cached: KnowledgeBase | undefined;

export function knowledgeBase(env: NodeJS.ProcessEnv): KnowledgeBase {
  cached ??= loadKnowledgeBase({ env });
  return cached;
}

export function familyArgument(kb: KnowledgeBase, text: string | undefined): { family: DistroId; version?: string } {
  if (!text) throw new UsageError('Name a distribution, e.g. rhel, ubuntu, sles or freebsd.');
  const found = lookupFamily(kb, text);
  if (!found) {
    const known = [...kb.families.keys()].join(', ');
    throw new UsageError(`Unknown distribution "${text.slice(0, 60)}". Known: ${known}.`);
  }
  return found;
}

export function versionArgument(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const version = lookupVersion(text);
  if (!version) throw new UsageError(`"${text.slice(0, 40)}" is not a version (expected e.g. 6.4, 14.04 or "11 SP3").`);
  return version;
}

/** A version, or a codename of the family ("trusty" for Ubuntu 14.04), as the chat reads it. */
export function versionOrCodename(kb: KnowledgeBase, family: DistroId, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const codename = lookupFamily(kb, text);
  if (codename?.family === family && codename.version) return codename.version;
  return versionArgument(text);
}

/** --as-of: a date (YYYY-MM-DD) or a snapshot id, so two pages of the same date can be told apart. */
export function asOfOption(kb: KnowledgeBase, args: ParsedArgs): string | undefined {
  const text = stringOption(args, 'as-of');
  if (text !== undefined && kb.snapshots.has(text)) return text;
  return dateOption(args, 'as-of');
}

export function hostOption(args: ParsedArgs): HostId | undefined {
  const text = stringOption(args, 'host');
  if (text === undefined) return undefined;
  const host = lookupHost(text);
  if (!host) throw new UsageError(`Unknown host "${text.slice(0, 40)}" (expected 2008 R2, 2012, 2012 R2, 2016, 2019, 2022 or 2025).`);
  return host;
}

export function dateOption(args: ParsedArgs, name: string): string | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${text.slice(0, 40)}".`);
  return text;
}
