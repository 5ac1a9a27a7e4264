import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Signed anchors of the SM3 audit chain head (issue 8, 审计记录完整性): the `audit-anchor` job
 * signs the head hash with the SM2 key once a day. An anchor proves the log up to `headId` existed
 * with these hashes at `anchoredAt`: rewriting history means re-signing with the SM2 key.
 * Each job run writes at most one anchor (`jobId` unique), however often the job is retried.
 */
export const auditAnchors = pgTable(
  'audit_anchors',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    jobId: text().unique(),
    anchoredAt: timestamp({ withTimezone: true }).notNull(),
    /** Id and hash of the last audit record at signing time; 0 / genesis hash when the log is empty. */
    headId: bigint({ mode: 'number' }).notNull(),
    headHash: text().notNull(),
    /** The exact signed text (see anchorPayload) and its SM2 signature (base64 DER). */
    payload: text().notNull(),
    signature: text().notNull(),
    publicKeyPem: text().notNull(),
    /** SM3 of the public key's DER SPKI: which key signed. */
    publicKeyFingerprint: text().notNull(),
    /** Which app instance ran the job (diagnostics for the multi-instance test). */
    instance: text(),
  },
  (t) => [index('audit_anchors_at_idx').on(t.anchoredAt)],
);
