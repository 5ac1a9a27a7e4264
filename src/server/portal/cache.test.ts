import { describe, expect, it } from 'vitest';
import { notModified, PageCache, rendered, weakEtag } from './cache.js';

describe('a19.s1 public column: page cache and ETags', () => {
  it('weak ETag from content: equal bytes, equal tag', () => {
    expect(weakEtag('abc')).toBe(weakEtag(Buffer.from('abc')));
    expect(weakEtag('abc')).not.toBe(weakEtag('abd'));
    expect(weakEtag('abc')).toMatch(/^W\/"[\w-]+"$/);
  });

  it('If-None-Match: weak comparison, lists and *', () => {
    const tag = weakEtag('x');
    expect(notModified(tag, tag)).toBe(true);
    expect(notModified(tag.slice(2), tag)).toBe(true);
    expect(notModified(`"other", ${tag}`, tag)).toBe(true);
    expect(notModified('*', tag)).toBe(true);
    expect(notModified('"other"', tag)).toBe(false);
    expect(notModified(undefined, tag)).toBe(false);
  });

  it('renders once per TTL, shares concurrent misses, expires, clears', async () => {
    let now = 0;
    let renders = 0;
    const cache = new PageCache(1000, 10, () => now);
    const render = async () => { renders++; return rendered(`n${renders}`, 'text/plain'); };
    const [a, b] = await Promise.all([cache.get('k', render), cache.get('k', render)]);
    expect(renders).toBe(1);
    expect(a).toBe(b);
    now = 999;
    await cache.get('k', render);
    expect(renders).toBe(1);
    now = 1000;
    expect((await cache.get('k', render)).body.toString()).toBe('n2');
    cache.clear();
    await cache.get('k', render);
    expect(renders).toBe(3);
  });

  it('bounds its size and forgets failed renders; TTL 0 is off', async () => {
    const cache = new PageCache(1000, 3);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, async () => rendered('x', 'text/plain'));
    expect(cache.size).toBe(3);
    await expect(cache.get('bad', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(cache.size).toBe(2); // 'bad' evicted the oldest on insertion, then was dropped
    expect((await cache.get('bad', async () => rendered('ok', 'text/plain'))).body.toString()).toBe('ok');
    let n = 0;
    const off = new PageCache(0);
    await off.get('k', async () => rendered(String(++n), 'text/plain'));
    await off.get('k', async () => rendered(String(++n), 'text/plain'));
    expect(n).toBe(2);
  });
});
