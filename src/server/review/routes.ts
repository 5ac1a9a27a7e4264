// The review capability (issue 4): the expert pool, conflicts, review rounds with proposals,
// scoring, panels and assessments. Results flow into recognition through results/write-result.ts.
import type { Api, AppContext } from '../platform/http/context.js';
import { registerTodoProvider } from '../workbench/todos.js';
import { reviewTodos } from './todos.js';
import { poolRoutes } from './routes/pool-routes.js';
import { roundRoutes } from './routes/round-routes.js';
import { scoringRoutes } from './routes/scoring-routes.js';

// The provider list is module state; an app built twice in one process (tests) registers once.
let todosRegistered = false;

export async function reviewRoutes(app: Api, ctx: AppContext) {
  if (!todosRegistered) {
    registerTodoProvider(reviewTodos);
    todosRegistered = true;
  }
  await poolRoutes(app, ctx);
  roundRoutes(app, ctx);
  scoringRoutes(app, ctx);
}
