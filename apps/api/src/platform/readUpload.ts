import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.ts';

/**
 * The one file of a multipart upload (with @fastify/multipart registered on the route's scope): its
 * bytes, name, type and the form fields sent before it. Clear errors for a non-multipart request, no
 * file, a file over the limit (413) and an empty file.
 */
export async function readUpload(
  request: FastifyRequest,
  opts: { limitLabel: string; howTo: string },
): Promise<{
  data: Buffer;
  fileName: string;
  mimeType: string;
  field: (name: string) => string | undefined;
}> {
  if (!request.isMultipart()) throw badRequest('MULTIPART_REQUIRED', opts.howTo);
  const file = await request.file();
  if (!file) throw badRequest('FILE_REQUIRED', 'Nenhum arquivo enviado');
  const data = await file.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Arquivo grande demais (máx. ${opts.limitLabel})`);
    throw error;
  });
  if (data.length === 0) throw badRequest('EMPTY_FILE', 'O arquivo está vazio');
  return {
    data,
    fileName: file.filename || 'arquivo',
    mimeType: file.mimetype || 'application/octet-stream',
    field: (name) => {
      const f = file.fields[name];
      const one = Array.isArray(f) ? f[0] : f;
      return one && 'value' in one ? String(one.value) : undefined;
    },
  };
}
