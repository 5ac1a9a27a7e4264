// Request and response schemas of the portal's JSON API, side by side.
import { z } from 'zod';

export const baseItemKinds = ['news', 'cooperation_offer', 'cooperation_need', 'result'] as const;
export const itemKinds = ['notice', ...baseItemKinds] as const;
export type ItemKind = (typeof itemKinds)[number];
export const itemStatuses = ['submitted', 'accepted', 'returned'] as const;

const title = z.string().trim().min(2).max(200);
const body = z.string().trim().min(10).max(20_000);

export const ZItemSubmit = z.object({
  baseId: z.uuid(),
  kind: z.enum(baseItemKinds),
  titleZh: title,
  titleEn: z.string().trim().max(200).default(''),
  bodyZh: body,
  bodyEn: z.string().trim().max(20_000).default(''),
});
export const ZItemResubmit = ZItemSubmit.omit({ baseId: true }).extend({ version: z.number().int().min(1) });
export const ZNoticeInput = z.object({ titleZh: title, titleEn: z.string().trim().max(200).default(''), bodyZh: body, bodyEn: z.string().trim().max(20_000).default('') });
export const ZReview = z.object({ version: z.number().int().min(1), note: z.string().trim().max(2000).optional() });
export const ZReturn = z.object({ version: z.number().int().min(1), note: z.string().trim().min(2).max(2000) });

export const ZItem = z.object({
  id: z.uuid(),
  kind: z.enum(itemKinds),
  baseId: z.uuid().nullable(),
  baseCode: z.string().nullable(),
  baseNameZh: z.string().nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  status: z.enum(itemStatuses),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ItemView = z.infer<typeof ZItem>;

export const ZItemQuery = z.object({
  status: z.enum(itemStatuses).optional(),
  baseId: z.uuid().optional(),
  kind: z.enum(itemKinds).optional(),
});

export const ZPortalObjection = z.object({
  id: z.uuid(),
  receipt: z.string(),
  noticeId: z.uuid(),
  applicationId: z.uuid().nullable(),
  text: z.string(),
  contact: z.string(),
  status: z.enum(['received', 'forwarded']),
  recognitionObjectionId: z.uuid().nullable(),
  receivedAt: z.string(),
});

export const ZAcceptedCount = z.object({ baseId: z.uuid(), year: z.number().int(), accepted: z.number().int() });
