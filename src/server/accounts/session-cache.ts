import type { Actor } from '../platform/authz/actor.js';

/**
 * A few seconds of memory for resolved sessions: most requests of a busy page come in bursts, and
 * the session lookup is a third of a list request's database work (bench/api.ts measured it).
 * Revocations made by this instance apply at once (the entry is dropped); made by another
 * instance, within `ttlMs`. Idle timeout and absolute expiry are re-checked on every hit.
 */
interface Entry {
  actor: Actor;
  userId: string;
  lastSeenAt: number;
  expiresAt: number;
  cachedAt: number;
}

const MAX_ENTRIES = 20_000;
const entries = new Map<string, Entry>();

export function cachedSession(sessionId: string, ttlMs: number, now: number): Entry | undefined {
  if (ttlMs <= 0) return undefined;
  const e = entries.get(sessionId);
  if (!e) return undefined;
  if (now - e.cachedAt > ttlMs) {
    entries.delete(sessionId);
    return undefined;
  }
  return e;
}

export function cacheSession(sessionId: string, ttlMs: number, entry: Omit<Entry, 'cachedAt'>, now: number): void {
  if (ttlMs <= 0) return;
  // Map keeps insertion order: dropping the first key drops the oldest entry.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(sessionId, { ...entry, cachedAt: now });
}

export function forgetSession(sessionId: string): void {
  entries.delete(sessionId);
}

export function forgetUserSessions(userId: string): void {
  for (const [id, e] of entries) if (e.userId === userId) entries.delete(id);
}
