// a17.s1, typed once: what a base attended of the alliance's events in a year, read by the base's
// annual summary (bases/annual/computed-sections.ts) from the secretariat's attendance record.
// Read-only: nothing here writes to the base's records.
import { and, eq, sql } from 'drizzle-orm';
import { allianceContribution, type AllianceContribution } from '../../regulation/alliance.js';
import type { Db } from '../platform/db/client.js';
import { allianceEvents, allianceRegistrations } from './tables.js';

/** The year of an event is the year it starts. */
export async function contributionOf(db: Db, baseId: string, year: number): Promise<AllianceContribution> {
  const rows = await db.select({ kind: allianceEvents.kind, attendees: sql<number>`coalesce(${allianceRegistrations.attendees}, 0)::int` })
    .from(allianceRegistrations).innerJoin(allianceEvents, eq(allianceEvents.id, allianceRegistrations.eventId))
    .where(and(eq(allianceRegistrations.baseId, baseId), eq(allianceRegistrations.attended, true), sql`extract(year from ${allianceEvents.startsOn}) = ${year}`));
  return allianceContribution(rows);
}
