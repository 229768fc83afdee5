import { KnowledgeBase } from './knowledge-base.ts';
import { standingOn } from './query/eras.ts';

const MAX_VIEWS = 32;
const views = new WeakMap<KnowledgeBase, Map<string, KnowledgeBase>>();

/**
 * The KB as it stood on a date: only the page versions (snapshots) and LIS releases published by then.
 * Families, features, curated notes, issues and tips stay: they describe, they are not the dated facts.
 * Views are cached per KB by the snapshot set they keep, so every date between two page versions shares one.
 */
export function knowledgeAsOf(kb: KnowledgeBase, date: string): KnowledgeBase {
  const snapshots = standingOn(kb.data.snapshots, date);
  const lisReleases = kb.data.lisReleases.filter((r) => r.released === undefined || r.released <= date);
  if (snapshots.length === kb.data.snapshots.length && lisReleases.length === kb.data.lisReleases.length) return kb;
  const key = `${snapshots
    .map((s) => s.id)
    .sort()
    .join(',')}|${lisReleases.length}`;
  const cache = views.get(kb) ?? new Map<string, KnowledgeBase>();
  views.set(kb, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const view = new KnowledgeBase({ ...kb.data, snapshots, lisReleases });
  if (cache.size >= MAX_VIEWS) cache.delete(cache.keys().next().value!);
  cache.set(key, view);
  return view;
}
