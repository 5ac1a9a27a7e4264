// `npm run test:faults`: the fault tests of issue 8 (e2e/faults): SIGKILL under load, PostgreSQL
// restarted under load, two app instances on one PostgreSQL. They start real server processes and
// a private PostgreSQL cluster (initdb from /usr/lib/postgresql/<v>/bin on a free loopback port),
// so they disturb no other database on the machine. Extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const r = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/faults/vitest.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
