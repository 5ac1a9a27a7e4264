import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

describeEachDb('database client', (getDb, kind) => {
  it.runIf(kind === 'postgres')('a connection ended inside a transaction, between two statements, fails that transaction without ending the process; the pool serves on', async () => {
    const db = getDb().db;
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const attempt = db.transaction(async (tx) => {
        const [me] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
        // Another connection ends this one while the transaction waits for its next statement, as
        // a PostgreSQL restart does to every open connection.
        await db.execute(sql`select pg_terminate_backend(${me!.pid})`);
        await new Promise((r) => setTimeout(r, 300));
        await tx.execute(sql`select 1`);
      });
      await expect(attempt).rejects.toThrow();
      expect(uncaught).toEqual([]);
      const [after] = rowsOf<{ one: number }>(await db.execute(sql`select 1 as one`));
      expect(after!.one).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
