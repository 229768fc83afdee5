import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { FeatureId } from '../../knowledge/schema/index.ts';
import type { FeatureEntity } from '../../core/reply.ts';

/** A feature as users name it: one KB feature, or Dynamic Memory as a whole (hot-add and ballooning). */
const DYNAMIC_MEMORY: readonly FeatureId[] = ['dm-hot-add', 'dm-ballooning'];

export function featureIds(feature: FeatureEntity): readonly FeatureId[] {
  return feature === 'dynamic-memory' ? DYNAMIC_MEMORY : [feature];
}

/** A feature's name, Dynamic Memory as a whole included. */
export function featureEntityName(kb: KnowledgeBase, feature: FeatureEntity): string {
  return feature === 'dynamic-memory' ? 'Dynamic Memory' : kb.featureName(feature);
}
