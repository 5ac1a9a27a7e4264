// Local programmes (a21.s1): measures as data, edited by their issuer (a provincial S&T department
// or a State Council department), previewed, published as immutable versions, and opened in calls.
// Shared by server and web: the same schemas validate the editor and the API.
import { z } from 'zod';
import { ZCall, ZText } from './recognition.js';

const ZIsoDate = z.iso.date();

/** The programme itself is checked by the regulation's ZProgramme and validateProgramme on the server. */
export const ZProgrammeData = z.record(z.string(), z.unknown());

export const ZProgrammeCreate = z.object({ data: ZProgrammeData });
export const ZProgrammeEdit = z.object({ version: z.number().int(), data: ZProgrammeData });
export const ZProgrammePublish = z.object({ version: z.number().int() });
/** A new draft version from a published one: its version label, and optionally when it takes effect. */
export const ZProgrammeNewVersion = z.object({
  label: z.string().trim().min(1).max(40),
  effectiveFrom: ZIsoDate.optional(),
  issuedOn: ZIsoDate.optional(),
});
export const ZProgrammeListQuery = z.object({ status: z.enum(['draft', 'published']).optional() });

export const ZProgrammeVersion = z.object({
  id: z.uuid(),
  ownerOrg: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), kind: z.string() }),
  lineage: z.string(),
  label: z.string(),
  title: ZText,
  status: z.enum(['draft', 'published']),
  /** `lineage@version` once published: the key calls and applications cite. */
  publishedKey: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** `lineage@version` of the predecessor (a23), from the data. */
  replaces: z.string().nullable(),
  replacesId: z.uuid().nullable(),
  effectiveFrom: z.string().nullable(),
  types: z.array(z.object({ id: z.string(), name: ZText })),
  data: ZProgrammeData,
  version: z.number().int(),
  updatedAt: z.string(),
});

const ZConditionPreview = z.object({
  kind: z.string(),
  kindName: ZText,
  clauses: z.array(z.string()),
  machineCheckable: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  /** holdsDocument: the document the applicant must upload in this section. */
  upload: z.object({ kind: z.string(), label: ZText }).optional(),
});

export const ZProgrammePreview = z.object({
  id: z.uuid(),
  key: z.string(),
  status: z.enum(['draft', 'published']),
  types: z.array(z.object({
    id: z.string(),
    name: ZText,
    definitionClause: z.string(),
    procedureClause: z.string(),
    /** The application form: one section per condition clause, as the applicant will see it. */
    sections: z.array(z.object({ clause: z.string(), conditions: z.array(ZConditionPreview) })),
    /** The step bar. A 公示 step shows its working days and, from `noticeFrom`, the day it ends. */
    steps: z.array(z.object({
      index: z.number().int(),
      id: z.string(),
      kind: z.string(),
      name: ZText,
      clauses: z.array(z.string()),
      actor: z.object({ orgKinds: z.array(z.string()), role: z.string(), joint: z.boolean() }),
      deciding: z.boolean(),
      phase: z.string(),
      deadlineBound: z.boolean(),
      params: z.record(z.string(), z.unknown()),
      notice: z.object({ workingDays: z.number().int(), from: z.string(), endsOn: z.string() }).optional(),
    })),
  })),
  callRules: z.record(z.string(), z.unknown()),
  consequences: z.record(z.string(), z.unknown()),
});
export const ZPreviewQuery = z.object({ noticeFrom: ZIsoDate.optional() });

export const ZLocalCallInput = z.object({
  year: z.number().int().min(2000).max(2100),
  titleZh: z.string().trim().min(2).max(200),
  titleEn: z.string().trim().max(300).default(''),
  typeIds: z.array(z.string().min(1)).min(1),
  opensOn: ZIsoDate,
  deadlineOn: ZIsoDate,
});
export const ZLocalCallOpen = z.object({ version: z.number().int() });
export const ZLocalCall = ZCall;

/** The issuing step of a local programme: the department's document (文号) and signed opinion. */
export const ZLocalIssueInput = z.object({
  version: z.number().int().optional(),
  documentNumber: z.string().trim().min(2).max(100),
  opinion: z.string().trim().min(1).max(2000),
});
export const ZLocalIssueResult = z.object({
  id: z.uuid(),
  status: z.string(),
  stepId: z.string(),
  version: z.number().int(),
  baseId: z.uuid().nullable(),
  baseCode: z.string().nullable(),
});

/** The library a programme composes: condition kinds and step kinds, each with its params as JSON Schema. */
const ZKindEntry = z.object({ id: z.string(), name: ZText, params: z.record(z.string(), z.unknown()) });
export const ZProgrammeLibrary = z.object({
  conditionKinds: z.array(ZKindEntry.extend({ machineCheckable: z.boolean() })),
  stepKinds: z.array(ZKindEntry.extend({ mode: z.string() })),
  orgKinds: z.array(z.string()),
  roles: z.array(z.string()),
});

export type ProgrammeLibrary = z.infer<typeof ZProgrammeLibrary>;
export type ProgrammeVersionOut = z.infer<typeof ZProgrammeVersion>;
export type ProgrammePreview = z.infer<typeof ZProgrammePreview>;
export type LocalCallInput = z.infer<typeof ZLocalCallInput>;
