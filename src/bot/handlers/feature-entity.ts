import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Feature, FeatureId } from '../../knowledge/schema/index.ts';
import type { FeatureEntity } from '../../core/reply.ts';

/** A feature as users name it: one KB feature, or Dynamic Memory as a whole (hot-add and ballooning). */
const DYNAMIC_MEMORY: readonly FeatureId[] = ['dm-hot-add', 'dm-ballooning'];

export function featureIds(feature: FeatureEntity): readonly FeatureId[] {
  return feature === 'dynamic-memory' ? DYNAMIC_MEMORY : [feature];
}

/** The one feature entity a record's features make: a single feature, or Dynamic Memory when both its parts are among them. */
export function featureEntityOf(features: readonly FeatureId[]): FeatureEntity | undefined {
  if (features.length === 1) return features[0];
  return DYNAMIC_MEMORY.every((id) => features.includes(id)) ? 'dynamic-memory' : undefined;
}

/** A feature's name, Dynamic Memory as a whole included. */
export function featureEntityName(kb: KnowledgeBase, feature: FeatureEntity): string {
  return feature === 'dynamic-memory' ? 'Dynamic Memory' : kb.featureName(feature);
}

/** What the KB says of a feature entity: its records, what it does (each record named when there are several) and how to turn it on. */
export function featureFacts(kb: KnowledgeBase, feature: FeatureEntity): { records: Feature[]; summary: string; steps: string } {
  const ids = featureIds(feature);
  const records = ids.map((id) => kb.features.get(id)).filter((f) => f !== undefined);
  return {
    records,
    summary: records.map((r) => (ids.length > 1 ? `${r.name}: ${r.summary}` : r.summary)).join(' '),
    steps: [...new Set(records.map((r) => r.enable).filter((e) => e !== undefined))].join(' '),
  };
}
