// Editing a draft (or a returned application): form sections per condition clause, partners,
// fields. Optimistic concurrency: the client sends the version it read; a stale one gets 409
// with the current version.
import { and, eq, inArray } from 'drizzle-orm';
import { isFieldId } from '../../../regulation/index.js';
import type { ApplicationPatch } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { loadApplication, typeOf } from '../load.js';
import { programmeOf } from '../programmes.js';
import { ruleError } from '../refusal.js';
import { checkVersion } from '../transition.js';
import { applications, attachments, type FormSection } from '../tables.js';

const invalid = (field: string, message: string) => new AppError('validation_failed', { fields: [{ field, rule: 'invalid', message }] });

export async function updateApplication(db: Db, actor: Actor, audit: AuditActor, id: string, patch: ApplicationPatch) {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, actor, id, 'update', { lock: true });
    checkVersion(app, patch.version);
    if (app.status !== 'draft' && app.status !== 'returned') {
      throw ruleError('not_editable', app.stepId, { zh: '只有草稿或退回修改的申报可以编辑', en: 'Only a draft or a returned application can be edited' }, { status: app.status });
    }
    const type = typeOf(await programmeOf(tx, app.programmeKey), app.typeId);
    const clauses = new Set(type.conditions.map((c) => c.clauses[0]!));
    const sections: Record<string, FormSection> = { ...app.sections };
    for (const [clause, s] of Object.entries(patch.sections ?? {})) {
      if (!clauses.has(clause)) throw invalid(`sections.${clause}`, `not a condition of ${app.typeId}`);
      sections[clause] = { ...sections[clause], ...s };
    }
    const referenced = Object.values(sections).flatMap((s) => s.attachmentIds ?? []);
    if (referenced.length) {
      const found = await tx.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.applicationId, app.id), inArray(attachments.id, referenced)));
      if (found.length !== new Set(referenced).size) throw invalid('sections', 'an attachment does not belong to this application');
    }
    for (const f of patch.fields ?? []) if (!isFieldId(f)) throw invalid('fields', `unknown field ${f} (a15.s1)`);
    const [row] = await tx.update(applications).set({
      title: patch.title ?? app.title, titleEn: patch.titleEn ?? app.titleEn, fields: patch.fields ?? app.fields,
      foreignPartners: patch.foreignPartners ?? app.foreignPartners, sections, version: app.version + 1, updatedAt: new Date(),
    }).where(eq(applications.id, app.id)).returning();
    await recordAudit(tx, audit, {
      action: 'recognition.application.update', entityType: 'recognition_application', entityId: app.id, scopeOrgId: app.recommenderId,
      before: { version: app.version }, after: { version: row!.version, changed: Object.keys(patch).filter((k) => k !== 'version') },
    });
    return row!;
  });
}
