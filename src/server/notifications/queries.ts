// The message center reads and marks only the caller's own notifications: the user id is part of
// every WHERE, so another user's message by a guessed id is simply not there (404).
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { notifications } from '../accounts/tables.js';
import { renderNotification, type MailLang } from '../platform/mail/templates.js';
import type { Notification } from '../../contracts/notifications.js';

type Row = typeof notifications.$inferSelect;

const toNotification = (r: Row, lang: MailLang): Notification => ({
  id: r.id,
  kind: r.kind,
  ...renderNotification({ kind: r.kind, params: r.params as Record<string, unknown>, link: r.link }, lang),
  // Only our own relative links are followed by the web (same rule as the e-mail).
  link: r.link && r.link.startsWith('/') && !r.link.startsWith('//') ? r.link : null,
  readAt: r.readAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export async function listNotifications(db: Db, userId: string, opts: { page: number; pageSize: number; unreadOnly: boolean; lang: MailLang }) {
  const mine = eq(notifications.userId, userId);
  const where = opts.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [total], [unread]] = await Promise.all([
    db.select().from(notifications).where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
  ]);
  return { items: rows.map((r) => toNotification(r, opts.lang)), total: total?.n ?? 0, unread: unread?.n ?? 0, page: opts.page, pageSize: opts.pageSize };
}

/** Marks one message read; returns false when it is not the caller's (or does not exist). */
export async function markRead(tx: Db, userId: string, id: string): Promise<{ found: boolean; changed: boolean }> {
  const [row] = await tx.select({ readAt: notifications.readAt }).from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId))).for('update');
  if (!row) return { found: false, changed: false };
  if (row.readAt) return { found: true, changed: false };
  await tx.update(notifications).set({ readAt: sql`now()` }).where(eq(notifications.id, id));
  return { found: true, changed: true };
}

export async function markAllRead(tx: Db, userId: string): Promise<number> {
  const done = await tx.update(notifications).set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return done.length;
}
