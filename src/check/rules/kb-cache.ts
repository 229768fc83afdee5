/**
 * Per-KB memo for answers that depend only on the KB and a few guest values (support query,
 * LIS lookups, matching tips). Inventories repeat the same few combinations thousands of times.
 * One map per namespace, so a lookup hashes only the short guest key. Bounded: past the limit
 * the oldest entry of that namespace goes.
 */
const MAX_ENTRIES = 4096;
const caches = new WeakMap<object, Map<string, Map<string, unknown>>>();

export function cached<T>(kb: object, namespace: string, key: string, compute: () => T): T {
  let spaces = caches.get(kb);
  if (!spaces) {
    spaces = new Map();
    caches.set(kb, spaces);
  }
  let cache = spaces.get(namespace);
  if (!cache) {
    cache = new Map();
    spaces.set(namespace, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  const value = compute();
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}
