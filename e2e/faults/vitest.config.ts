import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Fault tests (issue 8): real server processes, SIGKILL, PostgreSQL restarts, two instances.
// Run by `npm run test:faults` (scripts/faults.mjs); one file at a time, they start processes.
export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['e2e/faults/**/*.faults.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
