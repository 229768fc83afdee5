/**
 * Per-KB memo for answers that depend only on the KB and a few guest values (support query,
 * LIS lookups, matching tips). Inventories repeat the same few combinations thousands of times.
 * Bounded: past the limit the oldest entry goes.
 */
const MAX_ENTRIES = 4096;
const caches = new WeakMap<object, Map<string, unknown>>();

export function cached<T>(kb: object, key: string, compute: () => T): T {
  let cache = caches.get(kb);
  if (!cache) {
    cache = new Map();
    caches.set(kb, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}
