import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalog, type ErrorCode } from './errors.js';
import { requestLang } from './context.js';
import { fieldIssues } from './zod-messages.js';

/** Database connection failures become 503 (retry later), never 500. */
function isDatabaseDown(err: unknown): boolean {
  // Drizzle wraps the driver's error (DrizzleQueryError.cause): look down the cause chain.
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: string })?.code;
    const msg = String((e as Error)?.message ?? '');
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'].includes(code ?? '') ||
      /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable/i.test(msg)
    ) {
      return true;
    }
  }
  return false;
}

/** The PostgreSQL error under Drizzle's wrapper (PGlite and node-postgres both carry SQLSTATE in `code`). */
function postgresError(err: unknown): { code: string; column?: string; constraint?: string; detail?: string } | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown })?.code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as { code: string };
  }
  return undefined;
}

/** Class 22 (data exception): input the database cannot store, by SQLSTATE → the rule it broke. */
const DATA_EXCEPTION_RULES: Record<string, string> = {
  '22P02': 'type', // invalid text representation (e.g. a malformed uuid or number)
  '22003': 'range', // numeric value out of range
  '22001': 'max_length', // string data right truncation
  '22007': 'format', // invalid datetime format
  '22008': 'range', // datetime field overflow
  '22021': 'encoding', // invalid byte sequence (e.g. a NUL byte)
  '22P05': 'encoding', // untranslatable character (e.g. \u0000 in jsonb)
  '22025': 'format', // invalid escape sequence
};

/**
 * Constraint and data errors are the database refusing the request's input: a client error with a
 * stable code, never a 500. Only the column (or constraint) is named — no values, no SQL.
 */
function fromPostgres(pg: { code: string; column?: string; constraint?: string; detail?: string }, message: string) {
  const keyColumn = /^Key \(([^)]+)\)=/.exec(pg.detail ?? '')?.[1];
  const field = pg.column ?? keyColumn ?? '(request)';
  if (pg.code === '23505') return { code: 'duplicate' as const, extra: { fields: [{ field, rule: 'unique', message }] } };
  if (pg.code === '23503') {
    // Deleting or re-keying a referenced row vs. referring to a row that does not exist.
    return /still referenced/.test(pg.detail ?? '')
      ? { code: 'in_use' as const, extra: {} }
      : { code: 'not_found' as const, extra: { fields: [{ field, rule: 'exists', message }] } };
  }
  if (pg.code === '23502') return { code: 'validation_failed' as const, extra: { fields: [{ field, rule: 'required', message }] } };
  if (pg.code === '23514' || pg.code === '23P01') {
    return { code: 'validation_failed' as const, extra: { fields: [{ field: pg.column ?? pg.constraint ?? field, rule: 'check', message }] } };
  }
  if (pg.code.startsWith('22')) {
    return { code: 'validation_failed' as const, extra: { fields: [{ field, rule: DATA_EXCEPTION_RULES[pg.code] ?? 'invalid', message }] } };
  }
  return undefined;
}

/** Errors of Fastify's router (passed in through `frameworkErrors`): the path is what was wrong. */
const ROUTER_ERRORS: Record<string, { field: string; rule: string }> = {
  FST_ERR_BAD_URL: { field: '(path)', rule: 'format' },
  FST_ERR_MAX_PARAM_LENGTH: { field: '(path)', rule: 'max_length' },
};

export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(req);
  const send = (code: ErrorCode, extra: Record<string, unknown> = {}, message?: { zh: string; en: string }) => {
    const entry = errorCatalog[code];
    return reply.status(entry.status).send({ error: { code, message: (message ?? entry)[lang], ...extra } });
  };
  if (err instanceof AppError) {
    return send(
      err.code,
      { fields: err.detail?.fields, clause: err.detail?.clause, data: err.detail?.data },
      err.detail?.message,
    );
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    // The provider keeps each Zod issue's details in `params`, its code in `keyword` and its path
    // in `instancePath`; rebuild the issue to name the field and the rule.
    const issues = err.validation.map((v) => ({
      ...(v.params as object),
      code: v.keyword,
      message: v.message ?? '',
      path: [
        ...(err.validationContext && err.validationContext !== 'body' ? [err.validationContext] : []),
        ...v.instancePath.split('/').filter(Boolean),
      ],
    }));
    return send('validation_failed', { fields: fieldIssues(issues as never, lang) });
  }
  const fe = err as FastifyError;
  if (fe.statusCode === 429) return send('rate_limited');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(err)) {
    const code: ErrorCode = fe.statusCode === 404 ? 'not_found' : fe.statusCode === 401 ? 'unauthenticated' : 'validation_failed';
    // Fastify's own 4xx (malformed JSON, empty body, bad URL…): name what was wrong and the rule.
    const field = fe.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError ? '(body)' : ROUTER_ERRORS[fe.code]?.field ?? '(request)';
    const rule = ROUTER_ERRORS[fe.code]?.rule ?? fe.code ?? 'invalid';
    const fields = code === 'validation_failed' ? [{ field, rule, message: fe.message }] : undefined;
    return send(code, { detail: fe.message, fields });
  }
  const pg = postgresError(err);
  const refused = pg && fromPostgres(pg, lang === 'zh' ? '数据库拒绝了该值' : 'The value was refused by the database');
  if (refused) {
    req.log.info({ err }, 'database refused the input');
    return send(refused.code, refused.extra);
  }
  if (isDatabaseDown(err)) {
    req.log.warn({ err }, 'database unavailable');
    return send('unavailable');
  }
  req.log.error({ err }, 'unhandled error');
  return send('internal');
}
