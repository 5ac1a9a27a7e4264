// Load generation with autocannon (programmatic), and the result table.
import fs from 'node:fs';
import { createRequire } from 'node:module';

interface Histogram { average: number; p50: number; p99: number; max: number }
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface RunResult {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: string;
  /** CPU time (user + system) the server process used per request, when /proc is readable. */
  cpuMsPerReq: number | undefined;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of a process in ms (Linux /proc), or undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export async function load(label: string, url: string, opts: { connections: number; duration: number; cookie?: string; pid?: number }): Promise<RunResult> {
  const cpu0 = cpuMs(opts.pid);
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.cookie ? { headers: { cookie: opts.cookie } } : {}),
  });
  const cpu1 = cpuMs(opts.pid);
  return {
    label,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    total: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    cpuMsPerReq: cpu0 !== undefined && cpu1 !== undefined && r.requests.total > 0 ? (cpu1 - cpu0) / r.requests.total : undefined,
    statusCodes: Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => `${code}×${s.count}`).join(' '),
  };
}

export function table(rows: RunResult[]): string {
  const header = ['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'non-2xx', 'server CPU ms/req'];
  const body = rows.map((r) => [r.label, r.rps.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), String(r.total), String(r.errors), String(r.non2xx), r.cpuMsPerReq === undefined ? 'n/a' : r.cpuMsPerReq.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
