// The applicant facts rules read. A plain object the server assembles from its records.
import { z } from 'zod';
import { ZIsoDate } from '../dated.js';
import { ZHostKind } from '../actors.js';

export const projectKinds = ['national_special', 'intergovernmental', 'national_other', 'provincial', 'ministerial', 'other'] as const;
export const projectLevels = ['national', 'provincial', 'ministerial', 'other'] as const;

export const ZProject = z.object({
  /** national_special: 国家国际科技合作专项; intergovernmental: 政府间科技合作项目. */
  kind: z.enum(projectKinds),
  /** 国家级 / 省级 / 部级 — "省部级" is provincial or ministerial. */
  level: z.enum(projectLevels),
  /** lead: 承担单位; participant: 参与单位. */
  role: z.enum(['lead', 'participant']),
  startYear: z.number().int(),
  endYear: z.number().int().nullable(),
});
export type Project = z.infer<typeof ZProject>;
export type ProjectKind = Project['kind'];

export const ZForeignPartner = z.object({
  country: z.string(),
  name: z.string(),
  agreementSigned: z.boolean(),
});

export const ZJudgement = z.object({
  /** The clause judged, e.g. 'a6.p1.i3'. */
  clause: z.string(),
  met: z.boolean(),
  by: z.string().optional(),
  note: z.string().optional(),
});

export const ZFacts = z.object({
  orgKind: ZHostKind,
  registeredOn: ZIsoDate.nullable(),
  independentLegalEntity: z.boolean(),
  /** The national high-tech zone the applicant is located in, if any. */
  zoneId: z.string().nullable(),
  projects: z.array(ZProject),
  foreignPartners: z.array(ZForeignPartner),
  documents: z.array(z.object({ kind: z.string() })),
  /** Human judgements recorded on narrative conditions (expert review, office check). */
  judgements: z.array(ZJudgement).optional(),
});
export type Facts = z.infer<typeof ZFacts>;
