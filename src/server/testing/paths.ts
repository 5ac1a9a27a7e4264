import os from 'node:os';
import path from 'node:path';

/** One run's template locations; the parent process id ties workers to their run. */
const runId = process.env.GUOHE_TEST_RUN ?? (process.env.GUOHE_TEST_RUN = `${process.pid}`);

export function pgliteTemplateDir(): string {
  return path.join(os.tmpdir(), `guohe-test-${runId}`, 'template');
}

export function templateDbName(): string {
  return `guohe_tpl_${runId}`;
}

/** Same server, the maintenance database: for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}
