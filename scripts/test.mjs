// `npm test`: every suite. Typecheck, unit, integration (PGlite, and PostgreSQL when DATABASE_URL
// is set), then end-to-end in Debian's Chromium. Prints one closing line: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './chromium.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    ok = false;
    console.error(`✖ ${label} failed (exit ${r.status})`);
  }
  return r.status === 0;
}

function vitest(label, project, env = {}) {
  const out = path.join(tmp, `vitest-${project}.json`);
  fs.rmSync(out, { force: true });
  run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else {
    totals.failed += 1;
  }
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
vitest('unit tests', 'unit');
vitest(`integration tests (${process.env.DATABASE_URL ? 'PGlite + PostgreSQL' : 'PGlite'})`, 'integration');

if (process.env.GUOHE_SKIP_E2E === '1') {
  console.log('\n(end-to-end tests skipped: GUOHE_SKIP_E2E=1)');
} else if (ensureChromium()) {
  if (run('web build', 'npx', ['vite', 'build', '--logLevel', 'warn'])) vitest('end-to-end tests (Chromium)', 'e2e');
} else {
  ok = false;
  totals.failed += 1;
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
