// The recognition capability: calls, applications and their procedure, review results, the
// evaluation screen, decisions with 公示, documents, public verification, base records (a6.p2.i4).
import type { Api, AppContext } from '../platform/http/context.js';
import { registerTodoProvider } from '../workbench/todos.js';
import { syncNationalProgrammes } from './programmes.js';
import { recognitionTodos } from './todos.js';
import { callRoutes } from './routes/call-routes.js';
import { applicationRoutes } from './routes/application-routes.js';
import { attachmentRoutes } from './routes/attachment-routes.js';
import { decisionRoutes } from './routes/decision-routes.js';

// The provider list is module state; an app built twice in one process (tests) registers once.
let todosRegistered = false;

export async function recognitionRoutes(app: Api, ctx: AppContext) {
  await syncNationalProgrammes(ctx.database.db);
  if (!todosRegistered) {
    registerTodoProvider((db, actor) => recognitionTodos(db, actor));
    todosRegistered = true;
  }
  callRoutes(app, ctx);
  applicationRoutes(app, ctx);
  await attachmentRoutes(app, ctx);
  decisionRoutes(app, ctx);
}
