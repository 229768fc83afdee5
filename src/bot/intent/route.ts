import type { Intent } from '../../core/reply.ts';
import type { Label } from './labels.ts';

export interface Route {
  readonly intent: Intent;
  /** What the handler needs and the question did not give: the handler asks for it. */
  readonly missing: ReadonlyArray<'distro'>;
}

type Named = 'distro+feature' | 'distro' | 'feature' | 'none';

/**
 * Support and feature questions go where their entities say, not where an if-chain happens to stop.
 * Rows: what the classifier heard; columns: what the question (with its context) names.
 */
const SUPPORT_ROUTES: Readonly<Record<'support' | 'feature_info', Readonly<Record<Named, Route>>>> = {
  support: {
    'distro+feature': { intent: 'feature_support', missing: [] },
    distro: { intent: 'distro_support', missing: [] },
    feature: { intent: 'feature_support', missing: ['distro'] },
    none: { intent: 'distro_support', missing: ['distro'] },
  },
  feature_info: {
    'distro+feature': { intent: 'feature_support', missing: [] },
    distro: { intent: 'distro_support', missing: [] },
    feature: { intent: 'feature_info', missing: [] },
    none: { intent: 'unknown', missing: [] },
  },
};

function namedIn(entities: { distro?: string; feature?: string }): Named {
  return entities.distro && entities.feature ? 'distro+feature' : entities.distro ? 'distro' : entities.feature ? 'feature' : 'none';
}

export function route(label: Label, entities: { distro?: string; version?: string; feature?: string }): Route {
  if (label !== 'support' && label !== 'feature_info') return { intent: label, missing: [] };
  // "what is LRO in the FreeBSD table?": heard as asking what a feature is, a family named without a release only
  // says where the user read of it.
  if (label === 'feature_info' && entities.feature && !entities.version) return { intent: 'feature_info', missing: [] };
  return SUPPORT_ROUTES[label][namedIn(entities)];
}
