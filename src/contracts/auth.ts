import { z } from 'zod';

export const ZSignIn = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const ZMe = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  locale: z.string(),
  org: z.object({ id: z.uuid(), kind: z.string(), nameZh: z.string(), nameEn: z.string(), regionCode: z.string().nullable() }),
  permissions: z.record(z.string(), z.record(z.string(), z.string())),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof ZMe>;

/** Institution kinds that may register themselves (依托单位, a2.s1). */
export const institutionKinds = ['science_park', 'research_institute', 'university', 'innovative_enterprise', 'st_intermediary'] as const;

export const ZRegister = z.object({
  org: z.object({
    nameZh: z.string().trim().min(2).max(100),
    nameEn: z.string().trim().max(200).default(''),
    kind: z.enum(institutionKinds),
    uscc: z.string().trim().toUpperCase().length(18),
    regionCode: z.string().regex(/^\d{6}$/),
    registeredOn: z.iso.date().optional(),
  }),
  user: z.object({
    username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/),
    displayName: z.string().trim().min(1).max(50),
    password: z.string().min(10).max(200),
    email: z.email().optional(),
    phone: z.string().regex(/^1\d{10}$/).optional(),
  }),
});
export type RegisterInput = z.infer<typeof ZRegister>;

export const ZRegistration = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'approved', 'rejected']),
  orgId: z.uuid(),
  orgNameZh: z.string(),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  username: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  reason: z.string().nullable(),
});

export const ZDecideRegistration = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
