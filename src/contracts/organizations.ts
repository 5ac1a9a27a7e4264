import { z } from 'zod';
import { ZPageQuery } from './common.js';

export const ZOrganization = z.object({
  id: z.uuid(),
  kind: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  country: z.string().nullable(),
  affiliationId: z.uuid().nullable(),
  zoneId: z.uuid().nullable(),
  recommenderId: z.uuid().nullable(),
  recommenderNameZh: z.string().nullable(),
  registeredOn: z.string().nullable(),
  status: z.string(),
  version: z.number().int(),
});
export type Organization = z.infer<typeof ZOrganization>;

export const ZOrganizationQuery = ZPageQuery.extend({
  kind: z.string().max(40).optional(),
  /** A province (xx0000) matches every region inside it. */
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZOrganizationPatch = z.object({
  version: z.number().int(),
  nameZh: z.string().trim().min(2).max(100).optional(),
  nameEn: z.string().trim().max(200).optional(),
  registeredOn: z.iso.date().nullable().optional(),
});
