// Every in-app notification also goes out by e-mail while SMTP is configured, through the job queue.
//  - After commit: the dispatcher only sees committed notifications (it reads the table), so a
//    rolled-back step never mails, and no use case has to remember to call the mail channel.
//  - Exactly once: the dispatcher claims a notification by inserting its mail_deliveries row
//    (ON CONFLICT DO NOTHING: one instance wins) and then enqueues one job; the job claims the row
//    (queued → sending, with a lease) before talking to SMTP and marks it sent after. A retried or
//    duplicated job finds it sent and stops. A worker that died mid-send leaves `sending`; after the
//    lease another takes over (a resend with the same Message-ID, the one window SMTP leaves open).
//  - Retried: a failing SMTP server throws, the row goes back to queued and pg-boss retries with
//    backoff; after the last retry the row is `failed` and the job is in the dead-letter view.
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Sm4KeyRing } from '../crypto/sm.js';
import type { Jobs } from '../jobs/queue.js';
import { notifications, users } from '../../accounts/tables.js';
import { unseal } from '../../accounts/personal-data.js';
import { mailDeliveries } from './tables.js';
import { mailLang, renderMail } from './templates.js';
import type { Mailer } from './transport.js';

export const MAIL_JOB = 'mail-notification';
const RETRY_LIMIT = 5;
/** A `sending` claim older than this belongs to a dead worker. */
const LEASE_SECONDS = 300;
/** Notifications older than this when SMTP is first configured are not mailed after the fact. */
const LOOKBACK_HOURS = 24;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Claim committed notifications not yet mailed, and re-offer abandoned claims; returns the ids to enqueue. */
export async function claimPending(db: Db, limit = 200): Promise<string[]> {
  const fresh = rowsOf<{ id: string }>(await db.execute(sql`
    insert into mail_deliveries (notification_id)
    select n.id from notifications n
    where n.created_at > now() - make_interval(hours => ${LOOKBACK_HOURS})
      and not exists (select 1 from mail_deliveries d where d.notification_id = n.id)
    order by n.created_at limit ${limit}
    on conflict do nothing
    returning notification_id as id`));
  // Claimed but never enqueued (the instance died in between), or a worker died while sending.
  const stale = await db.update(mailDeliveries).set({ queuedAt: new Date() })
    .where(or(
      and(eq(mailDeliveries.state, 'queued'), lt(mailDeliveries.queuedAt, sql`now() - make_interval(secs => ${LEASE_SECONDS * 4})`)),
      and(eq(mailDeliveries.state, 'sending'), lt(mailDeliveries.claimedAt, sql`now() - make_interval(secs => ${LEASE_SECONDS})`)),
    ))
    .returning({ id: mailDeliveries.notificationId });
  return [...fresh, ...stale].map((r) => r.id);
}

export interface DeliverDeps {
  db: Db;
  ring: Sm4KeyRing;
  mailer: Mailer;
  publicBaseUrl: string;
  messageIdDomain: string;
}

export type DeliveryOutcome = 'sent' | 'no_address' | 'not_mine';

/** The job: claim, render in the user's language, send, record. Throws (for a retry) when SMTP fails. */
export async function deliver(deps: DeliverDeps, notificationId: string, final: boolean): Promise<DeliveryOutcome> {
  const { db } = deps;
  const [claimed] = await db.update(mailDeliveries)
    .set({ state: 'sending', claimedAt: new Date(), attempts: sql`${mailDeliveries.attempts} + 1` })
    .where(and(eq(mailDeliveries.notificationId, notificationId), or(
      eq(mailDeliveries.state, 'queued'),
      and(eq(mailDeliveries.state, 'sending'), lt(mailDeliveries.claimedAt, sql`now() - make_interval(secs => ${LEASE_SECONDS})`)),
    )))
    .returning();
  if (!claimed) return 'not_mine'; // sent, being sent, or given up: nothing to do
  const [row] = await db
    .select({ kind: notifications.kind, params: notifications.params, link: notifications.link, userId: users.id, email: users.email, locale: users.locale, status: users.status })
    .from(notifications).innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, notificationId));
  const to = row && row.status === 'active' ? unseal(deps.ring, 'email', row.userId, row.email) : null;
  if (!row || !to) {
    await db.update(mailDeliveries).set({ state: 'no_address' }).where(eq(mailDeliveries.notificationId, notificationId));
    return 'no_address';
  }
  const lang = mailLang(row.locale);
  const mail = renderMail({ kind: row.kind, params: (row.params ?? {}) as Record<string, unknown>, link: row.link }, lang, deps.publicBaseUrl);
  const messageId = `<notification-${notificationId}@${deps.messageIdDomain}>`;
  try {
    await deps.mailer.send({ to, ...mail, messageId, lang });
  } catch (err) {
    await db.update(mailDeliveries).set({ state: final ? 'failed' : 'queued', claimedAt: null, lastError: String((err as Error).message ?? err).slice(0, 500) })
      .where(eq(mailDeliveries.notificationId, notificationId));
    throw err;
  }
  await db.update(mailDeliveries).set({ state: 'sent', sentAt: new Date(), messageId, lastError: null }).where(eq(mailDeliveries.notificationId, notificationId));
  return 'sent';
}

export interface MailChannelOptions extends Omit<DeliverDeps, 'messageIdDomain'> {
  jobs: Jobs;
  /** How often this instance looks for new notifications (ms). */
  dispatchMs?: number;
  /** Seconds before the first retry (doubled each time); tests shorten it. */
  retryDelaySeconds?: number;
  log?: { warn(obj: object, msg: string): void };
}

/** Start the channel on this instance: the job worker and the dispatcher. Returns a stop function. */
export async function startMailChannel(o: MailChannelOptions): Promise<() => Promise<void>> {
  const deps: DeliverDeps = { ...o, messageIdDomain: new URL(o.publicBaseUrl).hostname || 'guohe.local' };
  await o.jobs.define(MAIL_JOB, { retryLimit: RETRY_LIMIT, retryDelaySeconds: o.retryDelaySeconds ?? 30, retryBackoff: true, expireInSeconds: 120 });
  await o.jobs.work<{ notificationId: string }>(MAIL_JOB, async (job) => {
    await deliver(deps, job.data.notificationId, job.retryCount >= RETRY_LIMIT);
  });
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = (async () => {
      for (const id of await claimPending(o.db)) await o.jobs.send(MAIL_JOB, { notificationId: id });
    })().catch((err) => o.log?.warn({ err }, 'mail dispatch failed (will retry)'));
  };
  const timer = setInterval(() => { if (!stopped) tick(); }, o.dispatchMs ?? 5_000);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    o.mailer.close();
  };
}
