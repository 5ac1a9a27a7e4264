// Reading one multipart file: the bytes are hashed (SM3) as they arrive, so a 20 MB upload costs
// the event loop many short slices instead of one long block after the last byte, and the limit
// stops the read as soon as it is passed.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import type { IncomingFile } from './accept-file.js';

export async function readUpload(req: FastifyRequest, limit: number): Promise<IncomingFile & { sm3: string }> {
  const file = await req.file().catch(() => undefined);
  if (!file) throw new AppError('validation_failed', { fields: [{ field: 'file', rule: 'required', message: 'a multipart file field is required' }] });
  const hash = createHash('sm3');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of file.file as AsyncIterable<Buffer>) {
      if (file.file.truncated) throw new AppError('attachment_too_large', { data: { limit } });
      hash.update(chunk);
      chunks.push(chunk);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('attachment_too_large', { data: { limit } });
    throw err;
  }
  if (file.file.truncated) throw new AppError('attachment_too_large', { data: { limit } });
  return { filename: file.filename, content: Buffer.concat(chunks), sm3: hash.digest('hex') };
}
