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

/** A version as people write it ("6.4", "11 SP3"), or a codename of the family ("trusty", "bookworm"). */
export function versionArgument(text: string | undefined, codenamesOf?: { kb: KnowledgeBase; family: DistroId }): string | undefined {
  if (text === undefined) return undefined;
  const version = lookupVersion(text);
  if (version) return version;
  if (codenamesOf) {
    const named = lookupFamily(codenamesOf.kb, text);
    if (named?.version && named.family === codenamesOf.family) return named.version;
    if (named?.version)
      throw new UsageError(
        `"${text.slice(0, 40)}" is a codename of ${codenamesOf.kb.familyName(named.family)}, not of ${codenamesOf.kb.familyName(codenamesOf.family)}.`,
      );
  }
  const codenames = codenamesOf?.kb.families.get(codenamesOf.family)?.codenames.map((c) => c.name) ?? [];
  const hint = codenames.length ? ` or a codename (${codenames.slice(0, 6).join(', ')}${codenames.length > 6 ? ', …' : ''})` : '';
  throw new UsageError(`"${text.slice(0, 40)}" is not a version (expected e.g. 6.4, 14.04 or "11 SP3"${hint}).`);
}

/** YYYY-MM-DD that names a real day: 2019-13-45 and 2019-02-30 are not dates. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** A version, or a codename of the family ("trusty" for Ubuntu 14.04), as the chat reads it. */
export function versionOrCodename(kb: KnowledgeBase, family: DistroId, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return versionArgument(text, { kb, family });
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
  if (!isCalendarDate(text)) throw new UsageError(`--${name} takes a date as YYYY-MM-DD, not "${text.slice(0, 40)}".`);
  return text;
}
