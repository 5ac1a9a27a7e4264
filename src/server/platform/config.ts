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
  /**
   * PostgreSQL connections of this instance (GUOHE_DB_POOL_SIZE). More connections than the database
   * has cores to run them only queue inside it: on the 2-core bench machine 10 gave the deadline
   * night a p99 of 194 ms where 20 gave 323 ms (issue 8). Size all instances together to ≈ 2–4×
   * the database's cores.
   */
  dbPoolSize: number;
  /** How often each instance links new audit records into the SM3 chain (GUOHE_AUDIT_SEAL_MS). */
  auditSealMs: number;
  cookieSecure: boolean;
  /**
   * Which X-Forwarded-For hops to believe (GUOHE_TRUST_PROXY): false (default, the socket address
   * counts), true (every hop: only behind a proxy that overwrites the header), a hop count, or a
   * comma-separated list of proxy addresses/CIDRs. Rate limits and audit addresses use the result.
   */
  trustProxy: boolean | number | string[];
  rateLimits: RateLimitConfig;
  logLevel: string;
  publicBaseUrl: string;
  /** GUOHE_SMTP_URL (smtp://user:pass@host:587, smtps://…:465): unset = no e-mail, in-app only (platform/mail). */
  smtpUrl: string | undefined;
  /** GUOHE_MAIL_FROM: the sender of notification e-mails. */
  mailFrom: string;
  /**
   * WebAuthn relying party: its ID (a registrable domain, e.g. guohe.most.gov.cn) and the origins
   * the browser may sign for. Unset: taken from the request when it comes to localhost (development,
   * tests), else from publicBaseUrl (see accounts/webauthn-rp.ts).
   */
  webauthnRpId: string | undefined;
  webauthnOrigins: string[] | undefined;
}

/** Requests per address; 0 switches one limit off. See platform/ratelimit/plugin.ts. */
export interface RateLimitConfig {
  /** GUOHE_RATE_LIMITS=off disables every limit (load and fault tests: one address plays thousands of clients). */
  enabled: boolean;
  /** Every route without its own limit, counted per instance in memory (public reads, API). */
  readPerMinute: number;
  /** Counted in the database across instances: */
  signInPerMinute: number;
  registerPerHour: number;
  objectionPerHour: number;
  verifyPerMinute: number;
}

function trustProxyOf(value: string | undefined): Config['trustProxy'] {
  if (value === undefined || value.trim() === '') return false;
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  if (/^\d+$/.test(v)) return Number(v); // hop count ("1" = one proxy in front)
  return value.split(',').map((s) => s.trim()).filter(Boolean);
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
    auditSealMs: int(env.GUOHE_AUDIT_SEAL_MS, 250),
    dbPoolSize: int(env.GUOHE_DB_POOL_SIZE, 10),
    cookieSecure: bool(env.GUOHE_COOKIE_SECURE, false),
    trustProxy: trustProxyOf(env.GUOHE_TRUST_PROXY),
    rateLimits: {
      enabled: bool(env.GUOHE_RATE_LIMITS, true),
      readPerMinute: int(env.GUOHE_RATE_READ_PER_MINUTE, 1200),
      signInPerMinute: int(env.GUOHE_RATE_SIGN_IN_PER_MINUTE, 60),
      registerPerHour: int(env.GUOHE_RATE_REGISTER_PER_HOUR, 20),
      objectionPerHour: int(env.GUOHE_RATE_OBJECTION_PER_HOUR, 20),
      verifyPerMinute: int(env.GUOHE_RATE_VERIFY_PER_MINUTE, 60),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    publicBaseUrl: env.GUOHE_PUBLIC_URL ?? `http://localhost:${port}`,
    smtpUrl: env.GUOHE_SMTP_URL || undefined,
    mailFrom: env.GUOHE_MAIL_FROM || '国合基地信息系统 <no-reply@localhost>',
    webauthnRpId: env.GUOHE_WEBAUTHN_RP_ID || undefined,
    webauthnOrigins: env.GUOHE_WEBAUTHN_ORIGINS ? env.GUOHE_WEBAUTHN_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean) : undefined,
  };
}
