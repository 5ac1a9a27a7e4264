import path from 'node:path';

/** Configuration comes from the environment only (documented in README.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects PostgreSQL; unset selects embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  /** Load deterministic demo data into an empty database on start. */
  seedDemo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Reuse a resolved session from memory for this long (0 disables; see session-cache.ts). */
  sessionCacheMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  publicBaseUrl: string;
}

function int(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && value !== undefined && value !== '' ? n : fallback;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.GUOHE_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: bool(env.GUOHE_SEED_DEMO, true),
    sessionIdleMinutes: int(env.GUOHE_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int(env.GUOHE_SESSION_ABSOLUTE_HOURS, 12),
    sessionCacheMs: int(env.GUOHE_SESSION_CACHE_MS, 2000),
    cookieSecure: bool(env.GUOHE_COOKIE_SECURE, false),
    trustProxy: bool(env.GUOHE_TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicBaseUrl: env.GUOHE_PUBLIC_URL ?? `http://localhost:${port}`,
  };
}
