// Helpers for the fault tests: a private PostgreSQL cluster (so restarting it disturbs nobody else
// on the machine), real server processes on loopback, bounded waits, and cleanup of every child.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const children = new Set<ChildProcess>();
const cleanups: Array<() => void> = [];

function killAll() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cleanups.splice(0).reverse()) {
    try {
      c();
    } catch {
      /* best effort */
    }
  }
}
process.on('exit', killAll);

export function tmpDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `guohe-faults-${prefix}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Thrown from a probe to stop waiting at once. */
export class Fatal extends Error {}

export async function until<T>(what: string, probe: () => Promise<T | undefined | false | null>, timeoutMs: number, everyMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      if (e instanceof Fatal) throw e;
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// A private PostgreSQL cluster

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  return path.join(base, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;
/** initdb and postgres refuse to run as root: run them as the `postgres` user then. */
function pgCmd(cmd: string, args: string[], opts: { timeoutMs?: number } = {}) {
  const bin = path.join(pgBin(), cmd);
  const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(c, a, { encoding: 'utf8', timeout: opts.timeoutMs ?? 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

export interface Cluster {
  port: number;
  url(db: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
  start(): void;
  restart(): void;
  query<T = Record<string, unknown>>(db: string, text: string, values?: unknown[]): Promise<T[]>;
}

export async function privateCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guohe-faults-pg-'));
  if (asRoot) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  pgCmd('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=on -c max_connections=200`;
  const ctl = (action: string, extra: string[] = []) => pgCmd('pg_ctl', [action, '-D', data, '-w', '-t', '60', ...extra], { timeoutMs: 90_000 });
  const start = () => ctl('start', ['-o', opts, '-l', path.join(dir, 'log')]);
  const stop = () => ctl('stop', ['-m', 'fast']);
  start();
  cleanups.push(() => {
    try {
      stop();
    } catch {
      /* already stopped */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const query = async <T,>(db: string, text: string, values?: unknown[]) => {
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: url(db) });
    await c.connect();
    try {
      return (await c.query(text, values)).rows as T[];
    } finally {
      await c.end();
    }
  };
  return {
    port,
    url,
    query,
    async createDatabase(name) {
      await query('postgres', `CREATE DATABASE "${name}"`);
      return url(name);
    },
    stop,
    start,
    restart: () => ctl('restart', ['-m', 'fast', '-o', opts]),
  };
}

// ---------------------------------------------------------------------------------------------
// Server processes

export interface Server {
  url: string;
  port: number;
  proc: ChildProcess;
  output(): string;
  alive(): boolean;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startServer(env: Record<string, string>, opts: { port?: number; readyMs?: number } = {}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', GUOHE_PUBLIC_URL: `http://127.0.0.1:${port}`, GUOHE_RATE_LIMITS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    url,
    port,
    proc,
    output: () => out,
    alive: () => proc.exitCode === null && proc.signalCode === null,
    kill: (signal) =>
      new Promise((resolve) => {
        if (!server.alive()) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      }),
  };
  try {
    await until('the server to answer /api/health', async () => {
      if (!server.alive()) throw new Fatal(`server exited (${proc.exitCode ?? proc.signalCode}):\n${out}`);
      const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      return r.status === 200;
    }, opts.readyMs ?? 150_000, 300);
  } catch (e) {
    await server.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n--- server output ---\n${out}`);
  }
  return server;
}

// ---------------------------------------------------------------------------------------------
// HTTP with a session

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export async function signIn(base: string, username: string, password = 'Guohe@2026'): Promise<Session> {
  const r = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.getSetCookie().find((c) => c.startsWith('guohe_sid=')) ?? '').split(';')[0]!;
  const me = (await r.json()) as { csrfToken: string; id: string };
  return { cookie, csrf: me.csrfToken, userId: me.id };
}

export function authed(s: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', ...extra };
}

export function cleanupAll() {
  killAll();
}
