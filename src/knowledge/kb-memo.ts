import type { KnowledgeBase } from './knowledge-base.ts';

/**
 * Remembers a pure function of a KB and a string key, per KB. Keys come from users' entities (versions, dates, ids
 * from an import), so each KB's memo is bounded: when full it starts afresh rather than growing without end.
 */
export class KbMemo<V> {
  private readonly byKb = new WeakMap<KnowledgeBase, Map<string, V>>();

  constructor(private readonly limit: number) {}

  get(kb: KnowledgeBase, key: string, compute: () => V): V {
    let known = this.byKb.get(kb);
    if (!known) this.byKb.set(kb, (known = new Map<string, V>()));
    let value = known.get(key);
    if (value === undefined) {
      value = compute();
      if (known.size >= this.limit) known.clear();
      known.set(key, value);
    }
    return value;
  }
}
