// The bases capability: the base page, annual reports, projects and support, assessment,
// consequences and the board. Static paths (/api/bases/board, /failed-years, /export.xlsx) are
// matched before /api/bases/:id by Fastify's router, whatever the order here.
import type { Api, AppContext } from '../platform/http/context.js';
import { registerTodoProvider } from '../workbench/todos.js';
import { annualRoutes } from './annual/routes.js';
import { reportTodos } from './annual/todos.js';
import { assessmentRoutes } from './assessment/routes.js';
import { boardRoutes } from './board/routes.js';
import { consequenceRoutes } from './consequences/routes.js';
import { noticeTodos } from './consequences/todos.js';
import { basePageRoutes } from './page/routes.js';
import { baseProjectRoutes } from './projects/routes.js';

let todosRegistered = false;

export function baseRoutes(app: Api, ctx: AppContext) {
  if (!todosRegistered) {
    // The provider list is module state; buildApp runs once per test app.
    registerTodoProvider(reportTodos);
    registerTodoProvider(noticeTodos);
    todosRegistered = true;
  }
  basePageRoutes(app, ctx);
  annualRoutes(app, ctx);
  baseProjectRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  consequenceRoutes(app, ctx);
  boardRoutes(app, ctx);
}
