// The facts the regulation's conditions read (ZFacts), assembled from the registry, the projects
// table, the partners the applicant declared and the judgements recorded at review.
import { eq, inArray } from 'drizzle-orm';
import { hostKinds, type Facts, type HostKind, type Project } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import { organizations } from '../organizations/tables.js';
import { projects } from '../projects/tables.js';
import type { DeclaredPartner, FormSection } from './tables.js';
import { programmeOf } from './programmes.js';
import { reviewResults } from './tables.js';
import { bases } from '../bases/tables.js';

const PROJECT_KINDS = new Set(['national_special', 'intergovernmental', 'national_other', 'provincial', 'ministerial', 'other']);
const LEVELS = new Set(['national', 'provincial', 'ministerial', 'other']);

type FactsSource = {
  id?: string; applicantOrgId: string; foreignPartners: DeclaredPartner[];
  programmeKey?: string; typeId?: string; sections?: Record<string, FormSection>;
};

/**
 * Documents held (holdsDocument, e.g. a land lease or a sealed scan under local measures, a21.s1):
 * a document of a kind counts as held when the section of the condition that asks for it carries
 * at least one uploaded attachment (update-application checks they belong to the application).
 */
async function documentsOf(db: Db, app: FactsSource): Promise<Array<{ kind: string }>> {
  if (!app.programmeKey || !app.typeId || !app.sections) return [];
  const type = (await programmeOf(db, app.programmeKey)).types.find((t) => t.id === app.typeId);
  if (!type) return [];
  return type.conditions.flatMap((c) => {
    if (c.kind !== 'holdsDocument') return [];
    const kind = (c.params as { kind?: unknown } | undefined)?.kind;
    const section = app.sections![c.clauses[0]!];
    return typeof kind === 'string' && (section?.attachmentIds?.length ?? 0) > 0 ? [{ kind }] : [];
  });
}

export async function factsOf(db: Db, app: FactsSource): Promise<Facts> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, app.applicantOrgId));
  if (!org) throw new Error(`applicant ${app.applicantOrgId} missing`);
  const rows = await db.select().from(projects).where(eq(projects.orgId, app.applicantOrgId));
  // The projects table records the undertaking unit's projects: the holder is the lead (承担单位).
  const projectFacts: Project[] = rows.map((p) => ({
    kind: (PROJECT_KINDS.has(p.kind) ? p.kind : 'other') as Project['kind'],
    level: (LEVELS.has(p.level) ? p.level : 'other') as Project['level'],
    role: 'lead',
    startYear: p.startYear,
    endYear: p.endYear,
  }));
  const partnerIds = [...new Set(rows.map((p) => p.partnerOrgId).filter((x): x is string => !!x))];
  const partnerOrgs = partnerIds.length ? await db.select().from(organizations).where(inArray(organizations.id, partnerIds)) : [];
  const declared = app.foreignPartners.map((p) => ({ country: p.country, name: p.name, agreementSigned: p.agreementSigned }));
  const seen = new Set(declared.map((p) => p.name));
  // Partners of recorded projects count too; an agreement is only known when declared.
  const fromProjects = partnerOrgs
    .filter((o) => !seen.has(o.nameEn) && !seen.has(o.nameZh))
    .map((o) => ({ country: o.country ?? '', name: o.nameEn || o.nameZh, agreementSigned: false }));
  const judgements = app.id
    ? (await db.select({ judgements: reviewResults.judgements, by: reviewResults.kind }).from(reviewResults).where(eq(reviewResults.applicationId, app.id)))
        .flatMap((r) => r.judgements.map((j) => ({ ...j, by: r.by })))
    : [];
  // Creation admits host kinds only (a2.s1); anything else is a data error.
  if (!(hostKinds as readonly string[]).includes(org.kind)) throw new Error(`applicant ${org.id} is not a host institution`);
  const kind = org.kind as HostKind;
  return {
    orgKind: kind,
    registeredOn: org.registeredOn,
    independentLegalEntity: org.independentLegalEntity,
    zoneId: org.zoneId,
    projects: projectFacts,
    foreignPartners: [...declared, ...fromProjects],
    documents: await documentsOf(db, app),
    judgements,
  };
}

/** a13.s5 and a4.s1 facts: the unit's bases, and its revocations. */
export async function heldBasesOf(db: Db, orgId: string) {
  const rows = await db.select({ typeId: bases.typeId, status: bases.status, changedOn: bases.statusChangedOn, recognizedOn: bases.recognizedOn }).from(bases).where(eq(bases.hostOrgId, orgId));
  return {
    held: rows.map((r) => ({ typeId: r.typeId, status: r.status as 'active' | 'notified' | 'revoked' | 'exited' })),
    revocations: rows.filter((r) => r.status === 'revoked').map((r) => ({ revokedOn: r.changedOn ?? r.recognizedOn })),
  };
}
