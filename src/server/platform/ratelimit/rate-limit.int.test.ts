import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/db.js';
import { testApp, type TestApp } from '../../testing/app.js';
import { loadConfig, type RateLimitConfig } from '../config.js';
import { hitBucket } from './store.js';

const limits = (over: Partial<RateLimitConfig>): RateLimitConfig => ({ ...loadConfig({}).rateLimits, ...over });
const signIn = (app: TestApp, headers: Record<string, string>, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'wrong-password-1' }, headers, remoteAddress });

describeEachDb('rate limits (issue 8; GB/T 22239-2019 8.1.4.1 b)', (getDb) => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const rateLimits = limits({ signInPerMinute: 3, registerPerHour: 2, objectionPerHour: 1, verifyPerMinute: 2, readPerMinute: 4 });
    // Two instances on one database, as behind a proxy.
    a = await testApp(getDb(), { rateLimits });
    b = await testApp(getDb(), { rateLimits });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('8.1.4.1 b: the sign-in limit holds across two instances, answering 429 with Retry-After in the user\'s language', async () => {
    const ip = { remoteAddress: '198.51.100.7' };
    const statuses = [];
    for (const app of [a, b, a]) statuses.push((await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'wrong-password-1' }, ...ip })).statusCode);
    expect(statuses).not.toContain(429);
    const zh = await b.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'x' }, ...ip });
    expect(zh.statusCode).toBe(429);
    const retryAfter = Number(zh.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(zh.json().error).toMatchObject({ code: 'rate_limited', message: '请求过于频繁，请稍后再试', data: { retryAfterSeconds: retryAfter } });
    const en = await a.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'x' }, headers: { 'accept-language': 'en-US' }, ...ip });
    expect(en.statusCode).toBe(429);
    expect(en.json().error.message).toBe('Too many requests; please wait and retry');
    // Another address is not affected.
    expect((await a.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'x' }, remoteAddress: '198.51.100.8' })).statusCode).toBe(401);
  });

  it('X-Forwarded-For is believed only when GUOHE_TRUST_PROXY says so', async () => {
    const proxy = { remoteAddress: '10.0.0.2' };
    // Not trusted (default): every client behind the proxy shares the proxy's address.
    for (let i = 0; i < 3; i++) expect((await signIn(a, { 'x-forwarded-for': `203.0.113.${i + 1}` }, '10.0.0.3')).statusCode).toBe(401);
    expect((await signIn(a, { 'x-forwarded-for': '203.0.113.9' }, '10.0.0.3')).statusCode).toBe(429);
    const trusted = await testApp(getDb(), { trustProxy: ['10.0.0.2'], rateLimits: limits({ signInPerMinute: 3 }) });
    try {
      const r = await trusted.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'x' }, headers: { 'x-forwarded-for': '203.0.113.50' }, ...proxy });
      expect(r.statusCode).toBe(401);
      // A forged header from an untrusted peer is ignored: it counts against the peer's own address.
      for (let i = 0; i < 3; i++) await trusted.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'x' }, headers: { 'x-forwarded-for': `203.0.113.${60 + i}` }, remoteAddress: '192.0.2.99' });
      const forged = await trusted.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'nobody', password: 'x' }, headers: { 'x-forwarded-for': '203.0.113.70' }, remoteAddress: '192.0.2.99' });
      expect(forged.statusCode).toBe(429);
    } finally {
      await trusted.close();
    }
  });

  it('limits registration, the public objection form and certificate verification per address across instances', async () => {
    const ip = { remoteAddress: '198.51.100.20' };
    const verify = (app: TestApp, url: string) => app.inject({ method: 'GET', url, ...ip });
    expect((await verify(a, '/api/verify/ABCD-EFGH-JKMN-PQRS')).statusCode).toBe(404);
    expect((await verify(b, '/verify/ABCD-EFGH-JKMN-PQRS')).statusCode).toBe(302);
    const third = await verify(a, '/api/verify/ABCD-EFGH-JKMN-PQRS');
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBeDefined();

    const objection = (app: TestApp) => app.inject({ method: 'POST', url: '/portal/publicity/00000000-0000-4000-8000-000000000000/objections', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=x', ...ip });
    expect((await objection(a)).statusCode).not.toBe(429);
    expect((await objection(b)).statusCode).toBe(429);

    const register = (app: TestApp) => app.inject({ method: 'POST', url: '/api/auth/register', payload: {}, ...ip });
    expect((await register(a)).statusCode).toBe(400);
    expect((await register(b)).statusCode).toBe(400);
    expect((await register(a)).statusCode).toBe(429);
  });

  it('public reads have a generous per-instance limit (configurable; 0 switches it off)', async () => {
    const ip = { remoteAddress: '198.51.100.30' };
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await a.inject({ method: 'GET', url: '/api/health', ...ip })).statusCode);
    expect(codes.slice(0, 4).every((c) => c !== 429)).toBe(true);
    expect(codes[4]).toBe(429);
    // Per instance: the other instance still answers.
    expect((await b.inject({ method: 'GET', url: '/api/health', ...ip })).statusCode).not.toBe(429);
    const unlimited = await testApp(getDb(), { rateLimits: limits({ readPerMinute: 0 }) });
    try {
      for (let i = 0; i < 10; i++) expect((await unlimited.inject({ method: 'GET', url: '/api/health', ...ip })).statusCode).not.toBe(429);
    } finally {
      await unlimited.close();
    }
  });

  it('a database counter starts a new window once the old one has passed', async () => {
    const db = getDb().db;
    const key = `test|${Math.random()}`;
    expect((await hitBucket(db, key, 300)).current).toBe(1);
    expect((await hitBucket(db, key, 300)).current).toBe(2);
    let r = await hitBucket(db, key, 300);
    const started = Date.now();
    while (r.current !== 1 && Date.now() - started < 5000) {
      await new Promise((res) => setTimeout(res, 100));
      r = await hitBucket(db, key, 300);
    }
    expect(r.current).toBe(1);
    expect(r.ttl).toBeLessThanOrEqual(300);
  });
});
