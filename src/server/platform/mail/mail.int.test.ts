// The mail channel against a real SMTP server (smtp-server, on a free local port): notifications
// made by the real recognition flow go out once each, in the recipient's language, with the
// application's title escaped, to the SM4-sealed address; a failing SMTP server is retried.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { describeEachDb } from '../../testing/db.js';
import { testApp, type TestApp } from '../../testing/app.js';
import { client, openCall, type Api } from '../../recognition/testing.js';
import { notifications, users } from '../../accounts/tables.js';
import { seal } from '../../accounts/personal-data.js';
import { loadSmKeys } from '../crypto/sm.js';
import { startJobs, type Jobs } from '../jobs/queue.js';
import { claimPending, MAIL_JOB, startMailChannel } from './deliveries.js';
import { smtpMailer } from './transport.js';
import { mailDeliveries } from './tables.js';

interface Received { to: string[]; raw: string }

/** Decoded parts of a MIME message: headers (unfolded, encoded-words decoded) and text/html bodies. */
function parse(raw: string) {
  const decodeWords = (s: string) => s.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => decodeWords(new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '');
  const bodyOf = (type: string) => {
    const m = new RegExp(`Content-Type: ${type}[^]*?\\r?\\n\\r?\\n([^]*?)(?:\\r?\\n--|$)`, 'i').exec(raw);
    if (!m) return '';
    const partHead = m[0].slice(0, m[0].indexOf(m[1]!));
    const body = m[1]!;
    if (/base64/i.test(partHead)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/quoted-printable/i.test(partHead)) return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    return body;
  };
  return { subject: header('Subject'), messageId: header('Message-ID'), language: header('Content-Language'), text: bodyOf('text/plain'), html: bodyOf('text/html') };
}

let inboxSize = () => 0;

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 240_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${inboxSize()} messages received)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeEachDb('mail channel (SMTP configured)', (get, kind) => {
  let app: TestApp;
  let api: Api;
  let jobs: Jobs;
  let stopMail: () => Promise<void>;
  let smtp: SMTPServer;
  const inbox: Received[] = [];
  inboxSize = () => inbox.length;
  let refuseNext = 0;
  const keysDir = path.join(os.tmpdir(), `guohe-mail-${randomBytes(4).toString('hex')}`);
  const ring = loadSmKeys({ dataDir: keysDir, env: {} }).sm4;
  const db = () => get().db;

  /** Give every user of `username`'s organization a sealed address and a language. */
  async function addressOrg(username: string, locale: string) {
    const [who] = await db().select({ orgId: users.orgId }).from(users).where(eq(users.username, username));
    const members = await db().select({ id: users.id, username: users.username }).from(users).where(eq(users.orgId, who!.orgId));
    for (const u of members) await db().update(users).set({ email: seal(ring, 'email', u.id, `${u.username}@mail.test`), locale }).where(eq(users.id, u.id));
    return members.map((u) => `${u.username}@mail.test`);
  }

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          if (refuseNext > 0) {
            refuseNext -= 1;
            const err = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
            return callback(err);
          }
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    app = await testApp(get());
    api = client(app);
    let url: string | undefined;
    if (kind === 'postgres') {
      const r = (await get().db.execute(sql`select current_database() as d`)) as unknown as { rows: { d: string }[] };
      const u = new URL(process.env.DATABASE_URL!);
      u.pathname = `/${r.rows[0]!.d}`;
      url = u.toString();
    }
    jobs = await startJobs(get(), { databaseUrl: url, pollSeconds: 0.2, instance: 'mail-test' });
    stopMail = await startMailChannel({
      jobs, db: db(), ring, mailer: smtpMailer(`smtp://127.0.0.1:${port}`, 'Guohe <no-reply@guohe.test>'),
      publicBaseUrl: 'https://guohe.example.org', dispatchMs: 300, retryDelaySeconds: 1,
    });
  });
  afterAll(async () => {
    await stopMail?.();
    await jobs?.stop();
    await app?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    fs.rmSync(keysDir, { recursive: true, force: true });
  });

  it('every notification of a step goes out once, after commit, in the user’s language, escaped; a busy server is retried', async () => {
    const casAddresses = await addressOrg('cas', 'zh-CN');
    const wivAddresses = await addressOrg('wiv', 'en-US');
    const call = await openCall(api, ['demonstration_base']);
    const title = '武汉病毒所<script>alert("x")</script> & 合作基地';
    const d = await api.ok('wiv', 'POST', '/api/recognition/applications', { callId: call.id, typeId: 'demonstration_base', title, fields: [] });
    refuseNext = 1; // the first delivery attempt meets a busy server (451) and is retried
    await api.ok('wiv', 'POST', `/api/recognition/applications/${d.id}/submit`, { version: d.version });

    // 中国科学院 (the recommender) is told in Chinese; the title is escaped in the HTML part.
    const todo = await until('mail to the recommender', () => inbox.length >= casAddresses.length && inbox);
    expect(todo.flatMap((m) => m.to).sort()).toEqual([...casAddresses].sort());
    const zh = parse(todo[0]!.raw);
    expect(zh.subject).toContain('待办');
    expect(zh.subject).toContain('武汉病毒所');
    expect(zh.language).toBe('zh-CN');
    expect(zh.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 合作基地');
    expect(zh.html).not.toContain('<script>');
    expect(zh.text).toContain(title);
    expect(zh.text).toContain(`https://guohe.example.org/recognition/applications/${d.id}`);
    const retried = await db().select({ attempts: mailDeliveries.attempts }).from(mailDeliveries).where(eq(mailDeliveries.attempts, 2));
    expect(retried).toHaveLength(1); // one notification needed a second attempt and then went out

    // The recommender returns it: the institution's users are told in English.
    const before = inbox.length;
    await api.ok('cas', 'POST', `/api/recognition/applications/${d.id}/actions`, { action: 'return', reason: '请补充合作协议' });
    const back = await until('mail to the institution', () => inbox.length >= before + wivAddresses.length && inbox.slice(before));
    expect(back.flatMap((m) => m.to).sort()).toEqual([...wivAddresses].sort());
    const en = parse(back[0]!.raw);
    expect(en.subject).toContain('Returned for revision');
    expect(en.language).toBe('en');
    expect(en.text).toContain('was returned for revision');

    // Exactly once: another dispatch pass and a duplicated job change nothing.
    const sent = await db().select({ id: notifications.id }).from(notifications).where(inArray(notifications.kind, ['recognition.todo', 'recognition.returned']));
    expect(await claimPending(db())).toEqual([]);
    await jobs.send(MAIL_JOB, { notificationId: sent[0]!.id });
    const settled = inbox.length;
    await until('the duplicate job to complete', async () => {
      const r = (await db().execute(sql`select count(*)::int as n from pgboss.job where name = ${MAIL_JOB} and state = 'completed'`)) as unknown as { rows: { n: number }[] };
      return r.rows[0]!.n >= sent.length + 1;
    });
    expect(inbox.length).toBe(settled);
    const ids = inbox.map((m) => parse(m.raw).messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const states = await db().select({ state: mailDeliveries.state }).from(mailDeliveries).where(inArray(mailDeliveries.notificationId, sent.map((s) => s.id)));
    expect(states.every((s) => s.state === 'sent')).toBe(true);
    expect(states).toHaveLength(sent.length);
  }, 300_000);

  it('a user without an address is skipped, not retried', async () => {
    const [u] = await db().select({ id: users.id }).from(users).where(eq(users.username, 'moist'));
    await db().update(users).set({ email: null }).where(eq(users.id, u!.id));
    const [n] = await db().insert(notifications).values({ userId: u!.id, kind: 'assessment_published', params: { year: 2026 }, link: '/bases' }).returning();
    const row = await until('the delivery row', async () => {
      const [r] = await db().select().from(mailDeliveries).where(eq(mailDeliveries.notificationId, n!.id));
      return r && r.state !== 'queued' && r.state !== 'sending' && r;
    });
    expect(row).toMatchObject({ state: 'no_address', attempts: 1 });
  }, 300_000);
});
