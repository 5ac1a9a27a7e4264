// Indicator systems, versioned per base type (a10.i4). A year is assessed with the newest version
// whose fromYear is not after it; with none stored, the built-in default (version 0) applies.
import { and, desc, eq, lte, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZIndicatorSystemInput } from '../../../contracts/bases.js';
import type { Db } from '../../platform/db/client.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { defaultIndicators, type Indicator, type Thresholds } from './indicators.js';
import { indicatorSystems } from './tables.js';

export type System = { id: string | null; typeId: string; version: number; fromYear: number; indicators: Indicator[]; thresholds: Thresholds | null; note: string | null; isDefault: boolean };

export function defaultSystem(typeId: string): System {
  const indicators = defaultIndicators[typeId];
  if (!indicators) throw new AppError('not_found', { data: { typeId } });
  return { id: null, typeId, version: 0, fromYear: 2011, indicators, thresholds: null, note: 'default: indicator groups of the evaluation rounds (practice), weights configurable', isDefault: true };
}

export async function systemFor(db: Db, typeId: string, year: number): Promise<System> {
  const [row] = await db.select().from(indicatorSystems).where(and(eq(indicatorSystems.typeId, typeId), lte(indicatorSystems.fromYear, year)))
    .orderBy(desc(indicatorSystems.fromYear), desc(indicatorSystems.version)).limit(1);
  return row ? { ...row, isDefault: false } : defaultSystem(typeId);
}

export async function listSystems(db: Db, typeId: string): Promise<System[]> {
  const rows = await db.select().from(indicatorSystems).where(eq(indicatorSystems.typeId, typeId)).orderBy(desc(indicatorSystems.version));
  return [...rows.map((r) => ({ ...r, isDefault: false })), defaultSystem(typeId)];
}

export async function createSystem(db: Db, who: AuditActor, input: z.infer<typeof ZIndicatorSystemInput>): Promise<System> {
  return db.transaction(async (tx) => {
    const [m] = await tx.select({ v: max(indicatorSystems.version) }).from(indicatorSystems).where(eq(indicatorSystems.typeId, input.typeId));
    const [row] = await tx.insert(indicatorSystems).values({ ...input, version: (m?.v ?? 0) + 1, createdBy: who.userId }).returning();
    await recordAudit(tx, who, { action: 'indicator_system.create', entityType: 'indicator_system', entityId: row!.id, after: { typeId: input.typeId, version: row!.version, fromYear: input.fromYear, clause: 'a10.i4' } });
    return { ...row!, isDefault: false };
  });
}
