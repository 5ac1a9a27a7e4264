import { createHash, randomBytes, type Hash } from 'node:crypto';
// A signed-in bench client over fetch: cookie + CSRF token, latency and outcome of every request.
export interface Session { username: string; cookie: string; csrf: string }

export interface Sample { op: string; ms: number; status: number; at: number }

export class Recorder {
  readonly samples: Sample[] = [];
  /** Requests finished during the warm-up: their errors count, their latencies do not. */
  warmupRequests = 0;
  errors = 0;
  readonly errorKinds = new Map<string, number>();
  constructor(private readonly measureFrom = 0) {}
  record(op: string, ms: number, status: number, detail = '') {
    const at = Date.now();
    if (at >= this.measureFrom) this.samples.push({ op, ms, status, at });
    else this.warmupRequests++;
    if (status < 200 || status >= 300) {
      this.errors++;
      const k = `${op} ${status}${detail ? ` ${detail.slice(0, 80)}` : ''}`;
      this.errorKinds.set(k, (this.errorKinds.get(k) ?? 0) + 1);
    }
  }
  p(q: number, op?: string): number {
    const ms = this.samples.filter((s) => !op || s.op === op).map((s) => s.ms).sort((a, b) => a - b);
    return ms.length ? ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]! : 0;
  }
  /** Per second of the run: requests finished and their worst latency (BENCH_TIMELINE=1). */
  timeline(started: number): string[] {
    const bySecond = new Map<number, number[]>();
    for (const s of this.samples) {
      const k = Math.floor((s.at - started) / 1000);
      const list = bySecond.get(k) ?? [];
      list.push(s.ms);
      bySecond.set(k, list);
    }
    return [...bySecond].sort((a, b) => a[0] - b[0]).map(([k, ms]) => `  t=${String(k).padStart(3)} s  ${String(ms.length).padStart(4)} done  max ${Math.max(...ms).toFixed(0).padStart(6)} ms`);
  }
  /** One line per operation: count, p50 and p99, so a slow kind of request is named. */
  byOperation(): string[] {
    const ops = [...new Set(this.samples.map((s) => s.op))].sort();
    return ops.map((op) => `  ${op.padEnd(8)} ${String(this.samples.filter((s) => s.op === op).length).padStart(6)}  p50 ${this.p(0.5, op).toFixed(0).padStart(6)} ms  p99 ${this.p(0.99, op).toFixed(0).padStart(6)} ms`);
  }
}

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (r.status !== 200) throw new Error(`sign-in ${username} → ${r.status}: ${(await r.text()).slice(0, 200)}`);
  const sid = r.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('guohe_sid='));
  const me = (await r.json()) as { csrfToken: string };
  if (!sid) throw new Error(`sign-in ${username} set no cookie`);
  return { username, cookie: sid, csrf: me.csrfToken };
}

export async function call(base: string, s: Session, method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
  const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extraHeaders };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['content-type'] = 'application/json'; payload = JSON.stringify(body); }
  const t0 = performance.now();
  try {
    const r = await fetch(`${base}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(60_000) });
    const text = await r.text();
    return { status: r.status, ms: performance.now() - t0, text, json: <T>() => JSON.parse(text) as T };
  } catch (e) {
    // A timeout or a reset counts as an error at its real latency; the client carries on.
    return { status: 0, ms: performance.now() - t0, text: (e as Error).message, json: <T>(): T => { throw e; } };
  }
}

/**
 * PDF-looking files of 1–5 MB, each unique, without the load generator hashing megabytes per
 * upload (it shares the two cores with the app it measures): every file is a common prefix
 * (`%PDF-1.4` + random filler) of one of 65 lengths, 64 KiB apart, followed by a unique tag. The
 * SM3 state after each prefix length is kept, so a file's digest costs one copy and a short update.
 */
export class PdfMaker {
  private static readonly step = 64 * 1024;
  private readonly prefix: Blob;
  private readonly states: Hash[] = [];
  constructor() {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n%'), randomBytes(5 * 1024 * 1024)]);
    this.prefix = new Blob([new Uint8Array(bytes)]);
    const h = createHash('sm3');
    let at = 0;
    for (let k = 0; k <= 64; k++) {
      const len = 1024 * 1024 + k * PdfMaker.step - 64;
      h.update(bytes.subarray(at, len));
      at = len;
      this.states.push(h.copy());
    }
  }
  /** A file of 1 MiB + k × 64 KiB (k uniform in 0..64), its body and SM3 digest. */
  make(tag: string): { blob: Blob; size: number; sm3: string } {
    const k = Math.floor(Math.random() * 65);
    const len = 1024 * 1024 + k * PdfMaker.step - 64;
    const tail = Buffer.from(`\n% ${tag}`.padEnd(64, ' ').slice(0, 64));
    const sm3 = this.states[k]!.copy().update(tail).digest('hex');
    return { blob: new Blob([this.prefix.slice(0, len), new Uint8Array(tail)], { type: 'application/pdf' }), size: len + 64, sm3 };
  }
}
