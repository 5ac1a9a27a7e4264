import { eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { recordAudit } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { createSession, type SessionPolicy } from './sessions.js';
import { loginEvents, users } from './tables.js';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface SignInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Generic failure for unknown user, wrong password and locked account alike, so the answer does
 * not reveal whether an account exists. Five failures lock the account for 15 minutes.
 */
export async function signIn(db: Db, input: SignInInput, policy: SessionPolicy) {
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await db.insert(loginEvents).values({ username: input.username.slice(0, 100), ip: input.ip, ok: false, reason: 'unknown_user' });
    throw new AppError('bad_credentials');
  }
  const actor = { userId: user.id, orgId: user.orgId, ip: input.ip };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await db.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: false, reason: 'locked' });
    throw new AppError('bad_credentials');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await db.transaction(async (tx) => {
      const [after] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failed: users.failedLogins });
      await tx.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: false, reason: 'bad_password' });
      if ((after?.failed ?? 0) >= MAX_FAILURES) {
        const lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
        await tx.update(users).set({ failedLogins: 0, lockedUntil }).where(eq(users.id, user.id));
        await recordAudit(tx, actor, { action: 'account.locked', entityType: 'user', entityId: user.id, after: { lockedUntil } });
      }
    });
    throw new AppError('bad_credentials');
  }
  if (user.status === 'pending') throw new AppError('account_pending');
  if (user.status !== 'active') throw new AppError('bad_credentials');
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(loginEvents).values({ userId: user.id, username: user.username, ip: input.ip, ok: true });
    const session = await createSession(tx, user.id, policy, input);
    await recordAudit(tx, actor, { action: 'session.sign_in', entityType: 'user', entityId: user.id });
    return session;
  });
}
