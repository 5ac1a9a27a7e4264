// Servers under test run in child processes, so the load generator (parent) does not share their
// event loop. The parent forks a child with tsx, the child reports its port over IPC.
import { fork, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  name: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

type Msg = { type: 'ready'; port: number } | { type: 'error'; message: string };

const live = new Set<ChildProcess>();

/** Kill every child still running (used on failure paths); each by its own pid. */
export function killAllChildren(): void {
  for (const c of live) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  live.clear();
}

export function startChild(name: string, file: string, env: Record<string, string>, execArgv: string[] = []): Promise<ChildServer> {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => { live.delete(child); resolve(); }));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'close' });
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    // BENCH_START_TIMEOUT_MS: a loaded machine may need longer to compile and start the app.
    const startMs = Number(process.env.BENCH_START_TIMEOUT_MS ?? 60_000);
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${name} server did not start within ${startMs / 1000} s`)); }, startMs);
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`${name} server exited during start-up (code ${code}, signal ${signal})`)); });
    child.on('message', (m: Msg) => {
      if (m.type === 'ready') { clearTimeout(timer); resolve({ name, port: m.port, pid: child.pid!, stop }); }
      if (m.type === 'error') { clearTimeout(timer); child.kill('SIGKILL'); reject(new Error(`${name} server failed: ${m.message}`)); }
    });
  });
}

/** Child side: report readiness, close on request, and never outlive the parent. */
export function serveAsChild(start: () => Promise<{ port: number; close: () => Promise<void> }>): void {
  const send = (m: Msg) => process.send?.(m);
  start().then(({ port, close }) => {
    let closing = false;
    const shutdown = async (code: number) => {
      if (closing) return;
      closing = true;
      setTimeout(() => process.exit(1), 5_000).unref();
      await close().catch(() => undefined);
      process.exit(code);
    };
    process.on('message', (m: { type?: string }) => { if (m?.type === 'close') void shutdown(0); });
    process.on('disconnect', () => void shutdown(1));
    process.on('SIGTERM', () => void shutdown(0));
    process.on('SIGINT', () => undefined); // the parent decides; Ctrl-C reaches the whole group
    send({ type: 'ready', port });
  }, (e: unknown) => {
    send({ type: 'error', message: e instanceof Error ? e.stack ?? e.message : String(e) });
    process.exit(1);
  });
}
