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
    return send(code, { detail: fe.message });
  }
  if (isDatabaseDown(err)) {
    req.log.warn({ err }, 'database unavailable');
    return send('unavailable');
  }
  req.log.error({ err }, 'unhandled error');
  return send('internal');
}
