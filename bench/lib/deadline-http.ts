// A signed-in bench client over fetch: cookie + CSRF token, latency and outcome of every request.
export interface Session { username: string; cookie: string; csrf: string }

export interface Sample { op: string; ms: number; status: number }

export class Recorder {
  readonly samples: Sample[] = [];
  errors = 0;
  readonly errorKinds = new Map<string, number>();
  record(op: string, ms: number, status: number, detail = '') {
    this.samples.push({ op, ms, status });
    if (status < 200 || status >= 300) {
      this.errors++;
      const k = `${op} ${status}${detail ? ` ${detail.slice(0, 80)}` : ''}`;
      this.errorKinds.set(k, (this.errorKinds.get(k) ?? 0) + 1);
    }
  }
  p(q: number): number {
    const ms = this.samples.map((s) => s.ms).sort((a, b) => a - b);
    return ms.length ? ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]! : 0;
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

/** A PDF-looking file of `bytes` bytes, unique by `tag` (so its SM3 digest is unique). */
export function pdfOf(tag: string, bytes: number, filler: Buffer): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${tag}\n`);
  const body = filler.subarray(0, Math.max(0, bytes - head.length));
  return Buffer.concat([head, body]);
}
