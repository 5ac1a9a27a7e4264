import { z } from 'zod';

/** Shared by server and web: the same schema validates the form and the API. */
export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional(),
    clause: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const ZId = z.object({ id: z.uuid() });
export const ZOk = z.object({ ok: z.literal(true) });
