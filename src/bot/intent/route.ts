import type { Intent } from '../../core/reply.ts';
import type { Label } from './labels.ts';
import { OTHER_OS_IDS } from '../../knowledge/schema/ids.ts';

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

/**
 * When the classifier hears no intent in an in-scope question, what the question names outright may still decide:
 * a guest and a feature of it make a support question whatever the wording around them. The probability is what the
 * reading is then worth: above the answer threshold, below a sure guess.
 */
const UNHEARD_ROUTES: Readonly<Record<Named, { readonly label: Label; readonly probability: number } | undefined>> = {
  'distro+feature': { label: 'support', probability: 0.6 },
  distro: undefined,
  feature: undefined,
  none: undefined,
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

/** The label an in-scope question the classifier calls unknown gets from the names it gives outright, if any. */
/** "FreeBSD 14.1 on 2022, support statement?": a guest release and a host, whatever the words around them. */
const GUEST_ON_HOST = { label: 'support', probability: 0.6 } as const;
const OTHER_OS: ReadonlySet<string> = new Set(OTHER_OS_IDS);

export function routeUnheard(
  named: {
    distro?: string;
    version?: string;
    host?: string;
    feature?: string;
  },
  /** How the classifier heard it: whether it is sure the question is off-topic, and its runner-up label. */
  heard: { readonly sure: boolean; readonly runnerUp: Label } = { sure: true, runnerUp: 'unknown' },
): { label: Label; probability: number } | undefined {
  if (UNHEARD_ROUTES[namedIn(named)]) return UNHEARD_ROUTES[namedIn(named)];
  if (named.distro && named.version && named.host) return GUEST_ON_HOST;
  // "ubuntu 20.04 vm: is there something like vmware tools i must install?": a guest release, with support the
  // runner-up of an unsure classifier.
  if (named.distro && named.version && !heard.sure && heard.runnerUp === 'support') return GUEST_ON_HOST;
  // "is it true hp-ux can't be virtualized on hyper-v?": a system that never runs as a guest is only ever asked about
  // whether it does.
  return named.distro && OTHER_OS.has(named.distro) ? GUEST_ON_HOST : undefined;
}
