import { z } from 'zod';
import multipart from '@fastify/multipart';
import { ZAttachmentMeta } from '../../../contracts/recognition.js';
import type { Api, AppContext } from '../../platform/http/context.js';
import { auditActor, requireActor } from '../../platform/http/context.js';
import { MAX_ATTACHMENT_BYTES, downloadAttachment, uploadAttachment } from '../attachments/upload-attachment.js';
import { readUpload } from '../../platform/files/read-upload.js';

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function attachmentRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const tags = ['recognition'];
  // Multipart only in this plugin's scope: the rest of the API takes JSON.
  await app.register(async (scoped: Api) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
    scoped.post('/api/recognition/applications/:id/attachments', {
      schema: { tags, summary: 'Upload one file (multipart "file"; PDF, DOC/DOCX, PNG, JPEG; ≤ 20 MB; type sniffed from content)', params: z.object({ id: z.uuid() }), response: { 201: ZAttachmentMeta } },
    }, async (req, reply) => {
      const actor = requireActor(req);
      return reply.status(201).send(await uploadAttachment(db, actor, auditActor(req), req.params.id, await readUpload(req, MAX_ATTACHMENT_BYTES)));
    });
  });

  app.get('/api/recognition/attachments/:id', { schema: { tags, summary: 'Download a file (within the application’s scope)', params: z.object({ id: z.uuid() }) } }, async (req, reply) => {
    const a = await downloadAttachment(db, requireActor(req), req.params.id);
    return reply.header('content-type', a.mime).header('content-disposition', contentDisposition('attachment', a.filename))
      .header('x-content-sm3', a.sm3).send(a.content);
  });
}
