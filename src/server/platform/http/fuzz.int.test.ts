/**
 * Bad input (issue 8): every API operation is fuzzed from its own OpenAPI schema with fast-check.
 * Requests are drawn from the operation's path parameters, query parameters and JSON body — half
 * shaped by the schema (so they reach the handlers and the database), half garbage (wrong types,
 * missing required fields, huge and odd Unicode strings, NUL bytes, prototype-pollution keys,
 * malformed JSON) — and sent as three callers: anonymous, an institution user and the ministry.
 *
 * Property, for every response: status < 500 (503 counts too: the database is up), an error
 * (status ≥ 400) is JSON with `error.code`, and a validation error names at least one field and rule.
 * No unhandled rejection may happen during the run. Runs are seeded, so a failure is reproducible.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';

/** Operations not fuzzed, each with its reason. Keys are `METHOD path` as in the OpenAPI document. */
const SKIPPED: Record<string, string> = {
  'POST /api/auth/sign-out': "ends the caller's own session, which the rest of the run needs",
  'POST /api/auth/sign-out-everywhere': "ends every session of the caller's account",
  'DELETE /api/auth/sessions/{id}': 'revokes sessions; fuzzed ids could hit the sessions the run signs in with',
  'POST /api/auth/password': "changes the caller's password and revokes its other sessions",
  'POST /api/auth/mfa/totp/disable': "changes the caller's second factor",
  'POST /api/recognition/applications/{id}/attachments': 'multipart upload (not a JSON body); covered by the attachment tests',
  'POST /api/experts/import': 'multipart upload (an Excel file); covered by the expert import tests',
  'POST /api/alliance/events/{id}/materials': 'multipart upload (not a JSON body); covered by alliance.int.test.ts',
};

const SEED = 20_261_125;
/** Runs per operation (callers are drawn inside each run). */
const RUNS = 30;

type Schema = {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; required: boolean; schema: Schema }[];
  body?: Schema;
}

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const INT32 = 2 ** 31 - 1;

/** Strings that have broken servers before: NUL bytes, lone surrogates, huge input, SQL, paths. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '😀'.repeat(300),
  'x'.repeat(70_000),
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '9999999999999999999999',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

function garbage(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [null]),
    fc.constantFrom(...NASTY_STRINGS),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.jsonValue({ maxDepth: 2 }),
  );
}

function stringArb(s: Schema, ids: string[]): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, min + 60);
  const fit = (a: fc.Arbitrary<string>) => a.filter((v) => v.length >= min && (s.maxLength === undefined || v.length <= s.maxLength));
  switch (s.format) {
    case 'uuid':
      return ids.length ? fc.oneof(fc.uuid(), fc.constantFrom(...ids), fc.constantFrom(...ids)) : fc.uuid();
    case 'date':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fit(fc.emailAddress());
  }
  if (s.pattern) {
    try {
      return fit(fc.stringMatching(new RegExp(s.pattern), { maxLength: Math.max(max, 20) }));
    } catch {
      // An expression fast-check cannot generate from: fall through to plain strings.
    }
  }
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  let min = s.minimum ?? -1e9;
  let max = s.maximum ?? 1e9;
  if (typeof s.exclusiveMinimum === 'number') min = s.exclusiveMinimum;
  if (typeof s.exclusiveMaximum === 'number') max = s.exclusiveMaximum;
  const exclusiveMin = s.exclusiveMinimum !== undefined && s.exclusiveMinimum !== false;
  const exclusiveMax = s.exclusiveMaximum !== undefined && s.exclusiveMaximum !== false;
  if (integer) {
    const lo = Math.max(exclusiveMin ? min + 1 : min, -INT32);
    const hi = Math.min(exclusiveMax ? max - 1 : max, INT32);
    const small = fc.integer({ min: Math.max(lo, Math.min(hi, 0)), max: Math.min(hi, Math.max(lo, 50)) });
    const years = lo <= 2030 && hi >= 2015 ? [fc.integer({ min: Math.max(lo, 2015), max: Math.min(hi, 2030) })] : [];
    // The declared bounds themselves too, even beyond 32 bits (e.g. ±2^53 reaching an int column).
    const edges = fc.constantFrom(exclusiveMin ? min + 1 : min, exclusiveMax ? max - 1 : max);
    return fc.oneof(fc.integer({ min: lo, max: hi }), small, ...years, edges);
  }
  return fc.double({ min, max, minExcluded: exclusiveMin, maxExcluded: exclusiveMax, noNaN: true, noDefaultInfinity: true });
}

/** A JSON-Schema (OpenAPI 3.0 flavour, as emitted by fastify-type-provider-zod) → a fast-check arbitrary of valid values. */
function fromSchema(s: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.jsonValue({ maxDepth: 1 });
  const base = ((): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.constantFrom(...s.enum);
    const alternatives = s.oneOf ?? s.anyOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromSchema(a, ids, depth + 1)));
    if (s.allOf?.length) return fromSchema(s.allOf[0], ids, depth + 1);
    switch (s.type) {
      case 'string':
        return stringArb(s, ids);
      case 'integer':
        return numberArb(s, true);
      case 'number':
        return numberArb(s, false);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(fromSchema(s.items, ids, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4) });
      case 'object':
      case undefined: {
        if (!s.properties && !s.additionalProperties && s.type === undefined) return fc.jsonValue({ maxDepth: 1 });
        const props = s.properties ?? {};
        const record = fc.record(
          Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromSchema(v, ids, depth + 1)])),
          { requiredKeys: (s.required ?? []).filter((k) => k in props) },
        );
        if (typeof s.additionalProperties === 'object') {
          const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fromSchema(s.additionalProperties, ids, depth + 1), { maxKeys: 3 });
          return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
        }
        return record;
      }
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  })();
  return s.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

/** Values that break the schema: wrong types, missing required fields, hostile keys, nested garbage. */
function brokenObject(s: Schema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const props = Object.keys(s?.properties ?? {});
  const variants: fc.Arbitrary<unknown>[] = [garbage()];
  if (s && props.length) {
    const valid = fromSchema(s, ids) as fc.Arbitrary<Record<string, unknown>>;
    // One field replaced by garbage.
    variants.push(fc.tuple(valid, fc.constantFrom(...props), garbage()).map(([v, k, g]) => ({ ...(v ?? {}), [k]: g })));
    // One field (required or not) dropped.
    variants.push(fc.tuple(valid, fc.constantFrom(...props)).map(([v, k]) => {
      const copy = { ...(v ?? {}) };
      delete copy[k];
      return copy;
    }));
    // An unknown field.
    variants.push(fc.tuple(valid, fc.string({ minLength: 1, maxLength: 10 }), garbage()).map(([v, k, g]) => ({ ...(v ?? {}), [k]: g })));
  }
  return fc.oneof(...variants);
}

/** Raw body text: valid JSON of the value, or hand-written hostile JSON the serializer would never produce. */
function bodyText(s: Schema | undefined, ids: string[]): fc.Arbitrary<string | undefined> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v));
  return fc.oneof(
    { weight: 5, arbitrary: json(fromSchema(s, ids)) },
    { weight: 4, arbitrary: json(brokenObject(s, ids)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        undefined,
        '',
        '{',
        'null',
        '"text"',
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
        '{"a":1,"a":2}',
        `[${'['.repeat(2000)}${']'.repeat(2001)}`,
        '{"x":"\\u0000"}',
        '{"x":"\\ud800"}',
      ),
    },
  );
}

function paramText(s: Schema, ids: string[], allowEmpty: boolean): fc.Arbitrary<string> {
  const valid = fromSchema(s, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  const bad = garbage().map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''));
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: bad }).filter((v) => allowEmpty || v.length > 0);
}

/** Percent-encoding; a lone surrogate (not encodable as UTF-8) is sent as the invalid bytes it would be. */
function encodePathParam(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return `%ED%A0%80${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`;
  }
}

function operationsOf(spec: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema: Schema }[];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}

interface Request {
  caller: number;
  path: Record<string, string>;
  query: Record<string, string>;
  body: string | undefined;
}

function requestArb(op: Operation, ids: string[]): fc.Arbitrary<Request> {
  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  // Every part shaped by the schema, so that the request reaches the handler and the database…
  const valid = fc.record({
    caller: fc.integer({ min: 0, max: 2 }),
    path: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, fromSchema(p.schema, ids).map(text).filter((v) => v.length > 0)]))) as fc.Arbitrary<Record<string, string>>,
    query: fc.record(Object.fromEntries(op.queryParams.map((p) => [p.name, fromSchema(p.schema, ids).map(text)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
    body: op.body ? fromSchema(op.body, ids).map((v) => JSON.stringify(v)) : fc.constant(undefined),
  });
  // …or any part broken.
  const mixed = fc.record({
    caller: fc.integer({ min: 0, max: 2 }),
    path: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, paramText(p.schema, ids, false)]))) as fc.Arbitrary<Record<string, string>>,
    query: fc.record(Object.fromEntries(op.queryParams.map((p) => [p.name, paramText(p.schema, ids, true)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
    body: op.body ? bodyText(op.body, ids) : fc.constant(undefined),
  });
  return fc.oneof(valid, mixed);
}

describeEachDb('fuzzing every operation from its OpenAPI schema', (db) => {
  let app: TestApp;
  let operations: Operation[];
  let callers: Record<string, string>[];
  const ids = new Set<string>();
  let unhandled = 0;
  const onUnhandled = () => {
    unhandled++;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    app = await testApp(db());
    const spec = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    operations = operationsOf(spec.json());
    const institution = await signInAs(app, 'tsinghua');
    const ministry = await signInAs(app, 'moist');
    callers = [{}, institution.headers, ministry.headers];
    // Real ids, so that schema-shaped requests reach records and not only "not found".
    for (const headers of callers.slice(1)) {
      for (const op of operations) {
        if (op.method !== 'GET' || op.pathParams.length || op.path.endsWith('.xlsx')) continue;
        const res = await app.inject({ method: 'GET', url: op.path, headers });
        for (const m of res.body.matchAll(UUID_RE)) ids.add(m[0].toLowerCase());
      }
    }
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await app?.close();
  });

  it('the skip list names existing operations only', () => {
    const keys = new Set(operations.map((o) => `${o.method} ${o.path}`));
    for (const key of Object.keys(SKIPPED)) expect(keys, key).toContain(key);
    expect(operations.length - Object.keys(SKIPPED).length).toBeGreaterThan(100);
    expect(ids.size).toBeGreaterThan(10);
  });

  it('no operation answers 5xx, every error is coded, validation errors name the field', { timeout: 170_000 }, async () => {
    const failures: string[] = [];
    const pool = [...ids];
    let index = 0;
    for (const op of operations) {
      index++;
      if (`${op.method} ${op.path}` in SKIPPED) continue;
      const result = await fc.check(
        fc.asyncProperty(requestArb(op, pool), async (r) => {
          let url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodePathParam(r.path[name] ?? ''));
          const qs = new URLSearchParams(r.query).toString();
          if (qs) url += `?${qs}`;
          const headers: Record<string, string> = { ...callers[r.caller] };
          if (r.body !== undefined) headers['content-type'] = 'application/json';
          const res = await app.inject({ method: op.method as 'GET', url, headers, payload: r.body });
          const where = `${op.method} ${url} as ${['anonymous', 'tsinghua', 'moist'][r.caller]} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (res.statusCode >= 500) throw new Error(`server error: ${where}`);
          if (res.statusCode >= 400) {
            let error: { code?: unknown; fields?: { field?: unknown; rule?: unknown }[] } | undefined;
            try {
              error = res.json().error;
            } catch {
              throw new Error(`error body is not JSON: ${where}`);
            }
            if (typeof error?.code !== 'string') throw new Error(`error without a code: ${where}`);
            if (res.statusCode === 400 && error.code === 'validation_failed') {
              const named = Array.isArray(error.fields) && error.fields.length > 0 && error.fields.every((f) => typeof f.field === 'string' && typeof f.rule === 'string');
              if (!named) throw new Error(`validation error names no field and rule: ${where}`);
            }
          }
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) {
        failures.push(`${op.method} ${op.path} (seed ${SEED + index}): ${String((result.errorInstance as Error)?.message ?? result.errorInstance)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(unhandled).toBe(0);
  });
});
