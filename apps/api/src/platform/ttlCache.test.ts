import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttlCache.ts';

describe('createTtlCache', () => {
  it('loads once per key within the TTL, again after a delete or once expired', async () => {
    const cache = createTtlCache<number>(40);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    expect(await cache.get('b', load)).toBe(2);
    cache.delete('a');
    expect(await cache.get('a', load)).toBe(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(await cache.get('a', load)).toBe(4);
  });

  it('does not keep a failed load', async () => {
    const cache = createTtlCache<string>(10_000);
    await expect(cache.get('k', async () => Promise.reject(new Error('fora do ar')))).rejects.toThrow(
      'fora do ar',
    );
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('runs a thenable (a query builder) once, however often the value is awaited', async () => {
    const cache = createTtlCache<string>(10_000);
    let runs = 0;
    const builder = {
      // biome-ignore lint/suspicious/noThenProperty: it imitates a query builder, which is a thenable
      then: (resolve: (v: string) => void) => resolve(`run ${++runs}`),
    };
    const value = cache.get('q', () => builder as PromiseLike<string>);
    expect(await value).toBe('run 1');
    expect(await value).toBe('run 1');
    expect(await cache.get('q', () => builder as PromiseLike<string>)).toBe('run 1');
    expect(runs).toBe(1);
  });
});
