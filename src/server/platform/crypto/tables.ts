import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every SM2 public key that has signed documents, by fingerprint (SM3 of the DER SPKI; the key id
 * stored with each seal). Retired keys stay so that documents issued before a rotation still
 * verify. Private keys are never stored here.
 */
export const sm2SigningKeys = pgTable('sm2_signing_keys', {
  fingerprint: text().primaryKey(),
  publicKeyPem: text().notNull(),
  registeredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Set when a rotation replaced this key for signing; it still verifies. */
  retiredAt: timestamp({ withTimezone: true }),
});
