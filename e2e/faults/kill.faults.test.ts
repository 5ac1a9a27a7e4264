// (a) The server killed with SIGKILL while many clients submit: after a restart every acknowledged
// submission is present, none is half-written, retries with the same Idempotency-Key never create
// twice, and the SM3 audit chain verifies. On PostgreSQL and on the embedded PGlite.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeUscc } from '../../src/server/organizations/registry/uscc.js';
import { openDatabase } from '../../src/server/platform/db/client.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { cleanupAll, privateCluster, sleep, startServer, tmpDir, type Server } from './support.js';

afterAll(() => cleanupAll());

interface Submission {
  key: string;
  username: string;
  payload: object;
  status: number | 'lost';
}

let serial = 880000;
function submission(tag: string, client: number, i: number): Submission {
  const username = `fk-${tag}-${client}-${i}`;
  return {
    key: randomUUID(),
    username,
    status: 'lost',
    payload: {
      org: { nameZh: `故障测试单位${tag}${client}x${i}`, kind: 'university', uscc: makeUscc({ registrationAuthority: '1', entityCategory: '2', regionCode: '510100', serial: serial++ }), regionCode: '510100' },
      user: { username, displayName: '故障测试', password: 'Str0ng-Passw0rd!' },
    },
  };
}

async function post(base: string, s: Submission, timeoutMs = 15_000) {
  const r = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': s.key },
    body: JSON.stringify(s.payload),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: r.status, replayed: r.headers.get('idempotent-replayed') === 'true', body: await r.text() };
}

/** Clients submit until the server dies under them; returns every submission with its outcome. */
async function load(base: string, tag: string, clients: number, stop: { now: boolean }) {
  const all: Submission[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < 200 && !stop.now; i++) {
        const s = submission(tag, c, i);
        all.push(s);
        try {
          s.status = (await post(base, s)).status;
        } catch {
          s.status = 'lost'; // connection reset / refused: not acknowledged
          await sleep(50);
        }
      }
    }),
  );
  return all;
}

for (const kind of ['postgres', 'pglite'] as const) {
  describe(`SIGKILL under load [${kind}]`, () => {
    it('keeps every acknowledged submission, writes nothing by halves, never creates twice', async () => {
      const dataDir = tmpDir(`kill-${kind}`);
      const env: Record<string, string> = { GUOHE_DATA_DIR: dataDir, GUOHE_IDEMPOTENCY_LEASE_SECONDS: '2', GUOHE_JOBS_POLL_SECONDS: '1' };
      let dbUrl: string | undefined;
      // The embedded case must not inherit CI's DATABASE_URL (an empty value selects PGlite).
      if (kind === 'pglite') env.DATABASE_URL = '';
      if (kind === 'postgres') {
        const cluster = await privateCluster();
        dbUrl = await cluster.createDatabase('faults_kill');
        env.DATABASE_URL = dbUrl;
      }
      let server: Server = await startServer(env);
      const port = server.port;

      const stop = { now: false };
      const running = load(server.url, kind, 12, stop);
      await sleep(4_000);
      await server.kill('SIGKILL');
      stop.now = true;
      const subs = await running;
      const acked = subs.filter((s) => s.status === 201);
      const lost = subs.filter((s) => s.status === 'lost');
      expect(acked.length).toBeGreaterThan(5);
      expect(subs.every((s) => s.status === 201 || s.status === 'lost')).toBe(true);

      server = await startServer(env, { port });
      // Clients retry what they never heard back about, with the same key: 201 (replayed or run
      // now), or 409 duplicate when the first attempt committed but its response was not stored.
      for (const s of lost) {
        let r = await post(server.url, s);
        for (let t = 0; t < 40 && r.status === 409 && r.body.includes('"conflict"'); t++) {
          await sleep(250); // still pending under a dead owner's lease
          r = await post(server.url, s);
        }
        expect([201, 409]).toContain(r.status);
        if (r.status === 409) expect(JSON.parse(r.body).error.code).toBe('duplicate');
      }
      // Acknowledged submissions replay their stored response.
      for (const s of acked.slice(0, 10)) {
        const r = await post(server.url, s);
        expect(r.status).toBe(201);
        expect(r.replayed).toBe(true);
      }
      await server.kill('SIGTERM'); // PGlite belongs to one process: stop before reading it

      const database = await openDatabase(dbUrl ? { databaseUrl: dbUrl, poolSize: 2 } : { pgliteDir: path.join(dataDir, 'pglite') });
      try {
        const q = async <T,>(text: string) => ((await database.db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
        const rows = await q<{ username: string; regs: number; orgs: number; audits: number }>(`
          select u.username,
                 (select count(*)::int from registrations r where r.user_id = u.id) as regs,
                 (select count(*)::int from organizations o where o.id = u.org_id) as orgs,
                 (select count(*)::int from audit_log a join registrations r on a.entity_id = r.id::text where r.user_id = u.id and a.action = 'registration.create') as audits
          from users u where u.username like 'fk-${kind}-%'`);
        const byName = new Map(rows.map((r) => [r.username, r]));
        for (const s of acked) expect(byName.get(s.username), `acknowledged ${s.username} is missing`).toBeDefined();
        // Nothing by halves, nothing twice: each user has its organization, one registration, one audit record.
        for (const r of rows) expect(r).toMatchObject({ regs: 1, orgs: 1, audits: 1 });
        const orphans = await q<{ n: number }>(`
          select count(*)::int as n from organizations o
          where o.name_zh like '故障测试单位${kind}%' and not exists (select 1 from users u where u.org_id = o.id)`);
        expect(orphans[0]!.n).toBe(0);
        const chain = await verifyAuditChain(database.db);
        expect(chain).toMatchObject({ ok: true, firstBrokenId: null });
        console.log(`[${kind}] submitted ${subs.length}, acknowledged ${acked.length}, unacknowledged then retried ${lost.length}, users ${rows.length}, audit records ${chain.checked}`);
      } finally {
        await database.close();
      }
    });
  });
}
