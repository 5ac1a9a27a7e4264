// Notifications to the in-app message center, written after the commit (a failed notification
// never undoes a step). Recipients: the users of the organizations that act next, or the filer
// when the application comes back, is rejected or recognized.
import { and, eq, inArray } from 'drizzle-orm';
import type { BaseTypeDef, OrgKind as DomainOrgKind } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import type { FastifyBaseLogger } from 'fastify';
import { notifications, users } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import type { ApplicationRow } from './load.js';

const NATIONAL: Partial<Record<DomainOrgKind, string>> = { ministry: 'ministry', ministry_intl_dept: 'ministry_department', torch_center: 'torch_center' };

async function orgsActingAs(db: Db, app: ApplicationRow, kind: DomainOrgKind): Promise<string[]> {
  switch (kind) {
    case 'host_institution':
      return [app.applicantOrgId];
    case 'provincial_government':
      return [app.filedByOrgId];
    case 'state_council_department':
    case 'provincial_st_department':
      return app.recommenderId ? [app.recommenderId] : [];
    case 'high_tech_zone':
      return app.zoneId ? [app.zoneId] : [];
    default: {
      const serverKind = NATIONAL[kind];
      if (!serverKind) return [];
      const rows = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, serverKind));
      return rows.map((r) => r.id);
    }
  }
}

export async function notifyAfterStep(db: Db, log: FastifyBaseLogger, app: ApplicationRow, type: BaseTypeDef): Promise<void> {
  try {
    let orgIds: string[];
    let kind: string;
    const step = type.procedure[app.stepIndex];
    if (app.status === 'returned' || app.status === 'rejected' || app.status === 'withdrawn') {
      orgIds = [app.filedByOrgId];
      kind = `recognition.${app.status}`;
    } else if (step && (app.status === 'in_progress' || app.status === 'recognized')) {
      const unique = new Set<string>();
      for (const k of step.actor.orgKinds) for (const id of await orgsActingAs(db, app, k)) unique.add(id);
      orgIds = [...unique];
      kind = app.status === 'recognized' && step.phase === 'recognition' ? 'recognition.recognized' : 'recognition.todo';
    } else if (app.status === 'recognized') {
      orgIds = [app.filedByOrgId, app.applicantOrgId];
      kind = 'recognition.recognized';
    } else return;
    if (orgIds.length === 0) return;
    const recipients = await db.select({ id: users.id }).from(users).where(and(inArray(users.orgId, orgIds), eq(users.status, 'active')));
    if (recipients.length === 0) return;
    await db.insert(notifications).values(recipients.map((u) => ({
      userId: u.id, kind,
      params: { applicationId: app.id, title: app.title, typeId: app.typeId, stepId: app.stepId, status: app.status },
      link: `/recognition/applications/${app.id}`,
    })));
  } catch (err) {
    log.warn({ err, applicationId: app.id }, 'notification failed');
  }
}
