// bench:portal load: autocannon cycling each connection over the benchmarked paths (the HTML page
// and its JSON), anonymous, no cookies.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { RunResult } from './api-load.js';

interface Histogram { average: number; p50: number; p99: number; max: number }
interface Result { requests: Histogram & { total: number }; latency: Histogram; errors: number; timeouts: number; non2xx: number; statusCodeStats?: Record<string, { count: number }> }
type Autocannon = (opts: { url: string; connections: number; duration: number; requests: { method: 'GET'; path: string }[] }) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const x = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return (Number(x[11]) + Number(x[12])) * 10;
  } catch {
    return undefined;
  }
}

export async function loadPaths(label: string, origin: string, paths: string[], opts: { connections: number; duration: number; pid?: number }): Promise<RunResult> {
  const c0 = cpuMs(opts.pid);
  const r = await autocannon({ url: origin, connections: opts.connections, duration: opts.duration, requests: paths.map((path) => ({ method: 'GET', path })) });
  const c1 = cpuMs(opts.pid);
  return {
    label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total,
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
    cpuMsPerReq: c0 !== undefined && c1 !== undefined && r.requests.total > 0 ? (c1 - c0) / r.requests.total : undefined,
    statusCodes: Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${code}×${s.count}`).join(' '),
  };
}
