/**
 * Small rows read on every AI turn (a company's agents, keys, name and hours), kept per process for
 * `ttlMs`. The owner of the data deletes the entry when it writes; other instances see the change
 * within `ttlMs`. Concurrent misses share one load; a failed load is not kept.
 */
export function createTtlCache<V>(ttlMs: number, maxEntries = 5_000) {
  const entries = new Map<string, { value: Promise<V>; expires: number }>();

  function sweep(now: number) {
    for (const [key, entry] of entries) if (entry.expires <= now) entries.delete(key);
  }

  return {
    get(key: string, load: () => PromiseLike<V>): Promise<V> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.value;
      if (entries.size >= maxEntries) sweep(now);
      // A real promise: a query builder is a thenable that runs its query again on every await.
      const value = (async () => load())();
      const entry = { value, expires: now + ttlMs };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    delete(key: string): void {
      entries.delete(key);
    },
  };
}

export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>;
