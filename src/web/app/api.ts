// The one HTTP client of the web app.
// - fetch with the session cookie (credentials: 'same-origin'), JSON in and out;
// - `x-csrf-token` on every state change (token from /api/auth/me or the sign-in response);
// - `x-guohe-lang: zh|en` so that server messages come back in the user's language;
// - a 401 while signed in asks the session layer to sign in again (a modal), then retries the
//   request once, so a form submitted after the session expired is not lost.
import type { z } from 'zod';
import type { ZErrorBody } from '../../contracts/common';
import { currentLang } from '../i18n';

export type ErrorBody = z.infer<typeof ZErrorBody>['error'];
export type FieldError = NonNullable<ErrorBody['fields']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
  get fields(): FieldError[] {
    return this.body.fields ?? [];
  }
}

/** Network failure (no HTTP answer at all). */
export class NetworkError extends Error {}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/**
 * Installed by the session layer. Called on a 401 for a request made while signed in; resolves
 * true once the same user has signed in again (the request is then retried), false if the user
 * gave up.
 */
type ReauthHandler = (ctx: { method: string; path: string }) => Promise<boolean>;
let reauth: ReauthHandler | null = null;
export function setReauthHandler(handler: ReauthHandler | null) {
  reauth = handler;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** Do not offer to sign in again on 401 (sign-in itself, the initial /me probe, background saves). */
  noReauth?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-guohe-lang': currentLang() };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new NetworkError((e as Error).message);
  }
}

async function toError(res: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    const json = (await res.json()) as { error?: ErrorBody };
    if (json && typeof json.error?.code === 'string') body = json.error;
  } catch {
    /* not JSON (a proxy's error page) */
  }
  return new ApiError(res.status, body ?? { code: `http_${res.status}`, message: '' });
}

/** Low-level: returns the Response (for downloads); throws ApiError on a non-2xx answer. */
export async function request(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  let res = await send(method, path, opts);
  if (res.status === 401 && !opts.noReauth && reauth) {
    const signedInAgain = await reauth({ method, path });
    if (signedInAgain) res = await send(method, path, opts);
  }
  if (!res.ok) throw await toError(res);
  return res;
}

export async function api<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await request(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, query?: RequestOptions['query'], opts: Omit<RequestOptions, 'query'> = {}) => api<T>('GET', path, { ...opts, query });
export const post = <T>(path: string, body?: unknown, opts: RequestOptions = {}) => api<T>('POST', path, { ...opts, body: body ?? {} });
export const patch = <T>(path: string, body: unknown, opts: RequestOptions = {}) => api<T>('PATCH', path, { ...opts, body });
export const put = <T>(path: string, body: unknown, opts: RequestOptions = {}) => api<T>('PUT', path, { ...opts, body });

/** Download a file (e.g. an Excel export) with the same headers and 401 handling as any call. */
export async function download(path: string, query: RequestOptions['query'], fallbackName: string): Promise<string> {
  const res = await request('GET', path, { query });
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return a.download;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
