import type { Intent } from '../../core/reply.ts';

/**
 * What the classifier tells apart. Distro and feature support are one label: which of the two a question is
 * follows from the entities it names (see route.ts), not from its wording.
 */
export const LABELS = ['support', 'feature_info', 'known_issue', 'tip', 'lis_version', 'guest_check', 'digest', 'help', 'unknown'] as const;
export type Label = (typeof LABELS)[number];

export function classifierLabel(intent: Intent): Label {
  return intent === 'distro_support' || intent === 'feature_support' ? 'support' : intent;
}
