import type { ResolvedNote } from '../knowledge-base.ts';
import type { Arch, DistroId, FeatureId, HostId, IntegrationKind, NoteEffect, ReleaseColumn, VersionItem } from '../schema/index.ts';
import { describeVersionItems, matchVersionItems, parseVersion } from '../version.ts';
import { hostRank } from './eras.ts';
import { limitPhrase } from './limits.ts';
import { lisSeries } from './lis-coverage.ts';
import { uekKey } from './uek.ts';

/** The guest the question names, as the note scopes read it. */
export interface Configuration {
  readonly family: DistroId;
  readonly version?: string;
  readonly arch?: Arch;
  readonly host?: HostId;
  readonly feature: FeatureId;
  /** The question asks for VLAN trunking, not just tagging. */
  readonly trunking?: boolean;
}

/** Reads a cell's scope text ("6.x", "6.4-6.8") as version items. */
export function parseScope(scope: string | undefined): VersionItem[] | undefined {
  if (!scope) return undefined;
  const items = scope.split(/,\s*/).map((part): VersionItem | undefined => {
    const series = /^(\d+)\.x$/i.exec(part.trim());
    if (series) return { kind: 'series', major: series[1]! };
    const range = /^(\d+(?:\.\d+)*)\s*[-–]\s*(\d+(?:\.\d+)*)$/.exec(part.trim());
    if (range) return { kind: 'range', from: range[1]!, to: range[2]!, openEnded: false };
    return /^\d+(?:\.\d+)*$/.test(part.trim()) ? { kind: 'exact', version: part.trim() } : undefined;
  });
  return items.every((i) => i !== undefined) ? items : undefined;
}

/** In scope, out of scope, or in scope only for some versions when the question names none. */
export type ScopeFit = 'in' | 'out' | 'partly';

export function versionFit(version: string | undefined, items: readonly VersionItem[] | undefined): ScopeFit {
  if (!items) return 'in';
  if (version === undefined) return 'partly';
  const parsed = parseVersion(version);
  if (!parsed) return 'partly';
  const match = matchVersionItems(parsed, items);
  return match === 'exact' || match === 'within' ? 'in' : match === 'series' ? 'partly' : 'out';
}

export interface AppliedEffect {
  readonly note: ResolvedNote;
  readonly effect: NoteEffect;
  /** What it does to this answer, in our words. */
  readonly outcome: 'no' | 'condition' | 'none';
  readonly condition?: string;
  /** Why the note applies here (its scope and reason). */
  readonly why: string;
  readonly pageLevel: boolean;
  /** For a limit or a requirement: whether its scope surely covers the guest, so what the question states decides. */
  readonly fit?: ScopeFit;
}

function integrationOf(column: ReleaseColumn): IntegrationKind {
  return column.integration.kind;
}

/** Whether an effect's scope covers this column and configuration; 'partly' when the question is too vague to tell. */
export function effectFit(
  effect: NoteEffect,
  note: ResolvedNote,
  column: ReleaseColumn,
  config: Configuration,
  noteFeatures: readonly FeatureId[],
): ScopeFit {
  const features = effect.features ?? (noteFeatures.length ? noteFeatures : undefined);
  if (features && !features.includes(config.feature)) return 'out';
  if (effect.families && !effect.families.includes(config.family)) return 'out';
  if (effect.integration && !effect.integration.includes(integrationOf(column))) return 'out';
  if (effect.kernels && !effect.kernels.includes(column.kernel?.flavor ?? 'rhck')) return 'out';
  if (effect.uek) {
    const key = column.kernel?.label ? uekKey(column.kernel.label) : undefined;
    if (!key || !effect.uek.includes(key)) return 'out';
  }
  if (effect.lis) {
    const pkg = column.integration.package?.replace(/^LIS /, '');
    if (!pkg || !effect.lis.includes(lisSeries(pkg))) return 'out';
  }
  let fit: ScopeFit = 'in';
  if (effect.hosts) {
    if (config.host === undefined) fit = 'partly';
    else if (!effect.hosts.includes(config.host)) return 'out';
  }
  for (const items of [effect.versions, parseScope(note.scope)]) {
    const f = versionFit(config.version, items);
    if (f === 'out') return 'out';
    if (f === 'partly') fit = 'partly';
  }
  return fit;
}

function scopeText(effect: NoteEffect, note: ResolvedNote): string {
  const parts: string[] = [];
  const versions = effect.versions ?? parseScope(note.scope);
  if (versions) parts.push(`for ${describeVersionItems(versions)}`);
  if (effect.hosts) parts.push(`on ${effect.hosts.join('/')} hosts`);
  if (effect.lis) parts.push(`with LIS ${effect.lis.join('/')}`);
  return parts.join(' ');
}

/** What one effect does to a yes for this configuration. */
export function applyEffect(
  effect: NoteEffect,
  note: ResolvedNote,
  fit: ScopeFit,
  config: Configuration,
  pageLevel: boolean,
): AppliedEffect {
  const scope = scopeText(effect, note);
  const base = { note, effect, pageLevel, why: `${effect.why}${scope ? ` (${scope})` : ''}` };
  switch (effect.kind) {
    case 'not-available':
      return fit === 'in' ? { ...base, outcome: 'no' } : { ...base, outcome: 'condition', condition: `not ${scope || 'in every case'}` };
    case 'min-host': {
      const min = effect.minHost!;
      if (config.host !== undefined && fit === 'in') {
        return hostRank(config.host) < hostRank(min) ? { ...base, outcome: 'no' } : { ...base, outcome: 'none' };
      }
      return { ...base, outcome: 'condition', condition: `a Windows Server ${min} or newer host${scope ? ` ${scope}` : ''}` };
    }
    case 'arch-only':
      if (config.arch !== undefined) return config.arch === effect.arch ? { ...base, outcome: 'none' } : { ...base, outcome: 'no' };
      return { ...base, outcome: 'condition', condition: `a ${effect.arch} guest` };
    case 'requires':
      return { ...base, fit, outcome: 'condition', condition: `${effect.requirement}${fit === 'partly' && scope ? ` ${scope}` : ''}` };
    case 'tagging-only':
      return config.trunking
        ? { ...base, outcome: 'no' }
        : { ...base, outcome: 'condition', condition: 'VLAN tagging only; trunking is not supported' };
    case 'limit':
      return {
        ...base,
        fit,
        outcome: 'condition',
        condition: `${limitPhrase(effect.limit!)}${fit === 'partly' && scope ? ` ${scope}` : ''}`,
      };
    case 'informational':
      return { ...base, outcome: 'none' };
  }
}
