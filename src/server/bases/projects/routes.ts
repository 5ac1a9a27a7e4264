import { z } from 'zod';
import { ZActivity, ZActivityInput, ZBaseProject, ZBaseProjectInput } from '../../../contracts/bases.js';
import { ZOk } from '../../../contracts/common.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import { baseInScope } from '../scope.js';
import { addActivity, deleteActivity, listActivities } from './activities.js';
import { projectsOfBase } from './list-projects.js';
import { createProject, deleteProject, updateProject } from './save-project.js';

export function baseProjectRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['base projects and support (a16, a17)'];
  const id = z.object({ id: z.uuid() });
  const sub = z.object({ id: z.uuid(), itemId: z.uuid() });

  app.get('/api/bases/:id/projects', { schema: { tags, summary: 'A base’s cooperation projects (optionally those running in a year)', params: id, querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: z.array(ZBaseProject) } } }, async (req) => {
    await baseInScope(db, requireActor(req), req.params.id, 'read');
    return projectsOfBase(db, req.params.id, req.query.year);
  });
  app.post('/api/bases/:id/projects', { schema: { tags, summary: 'Add a project: funding (a16.s1) and matching funds (a16.s2)', params: id, body: ZBaseProjectInput, response: { 201: z.object({ id: z.uuid() }) } } }, async (req, reply) =>
    reply.status(201).send(await createProject(db, requireActor(req), auditActor(req), req.params.id, req.body)));
  app.put('/api/bases/:id/projects/:itemId', { schema: { tags, summary: 'Edit a project', params: sub, body: ZBaseProjectInput, response: { 200: z.object({ id: z.uuid() }) } } }, async (req) =>
    updateProject(db, requireActor(req), auditActor(req), req.params.id, req.params.itemId, req.body));
  app.delete('/api/bases/:id/projects/:itemId', { schema: { tags, summary: 'Delete a project', params: sub, response: { 200: ZOk } } }, async (req) =>
    deleteProject(db, requireActor(req), auditActor(req), req.params.id, req.params.itemId));

  app.get('/api/bases/:id/activities', { schema: { tags, summary: 'Talent and training records (a17.s1)', params: id, querystring: z.object({ year: z.coerce.number().int().optional() }), response: { 200: z.array(ZActivity) } } }, async (req) =>
    listActivities(db, requireActor(req), req.params.id, req.query.year));
  app.post('/api/bases/:id/activities', { schema: { tags, summary: 'Record talent introduced/trained, a training, an information service or a visit', params: id, body: ZActivityInput, response: { 201: ZActivity } } }, async (req, reply) =>
    reply.status(201).send(await addActivity(db, requireActor(req), auditActor(req), req.params.id, req.body)));
  app.delete('/api/bases/:id/activities/:itemId', { schema: { tags, summary: 'Delete a record', params: sub, response: { 200: ZOk } } }, async (req) =>
    deleteActivity(db, requireActor(req), auditActor(req), req.params.id, req.params.itemId));
}
