import fs from 'node:fs';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Error body, 404 and CSRF rules shared by every route (CONVENTIONS.md rule 4). */
export function registerHttpConventions(
  app: FastifyInstance,
  opts: { appUrl: string; spaIndex?: string },
): void {
  const allowedOrigin = new URL(opts.appUrl).origin;
  const spaHtml = opts.spaIndex ? fs.readFileSync(opts.spaIndex, 'utf8') : undefined;

  // A cookie-carrying write must come from our own page: the browser always sends Origin on those.
  app.addHook('onRequest', async (request) => {
    if (!MUTATING.has(request.method) || !request.headers.cookie) return;
    const origin = request.headers.origin;
    const ownOrigin = `${request.protocol}://${request.host}`;
    if (!origin || (origin !== allowedOrigin && origin !== ownOrigin)) {
      throw new AppError(403, 'CSRF_ORIGIN_MISMATCH', 'Requisição bloqueada: origem não permitida');
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/inbox, /convite/…) get the SPA; API paths get a JSON 404.
    const isApi = /^\/(api|webhooks)(\/|$)/.test(request.url);
    if (spaHtml && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(spaHtml);
    }
    return reply.status(404).send({
      error: {
        code: 'ROUTE_NOT_FOUND',
        message: `Rota não encontrada: ${request.method} ${request.url.split('?')[0]}`,
      },
    });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        // Body fields are named as the form names them; params and query keep their prefix.
        path: [
          error.validationContext === 'body' ? undefined : error.validationContext,
          ...String(v.instancePath).split('/').filter(Boolean),
        ]
          .filter(Boolean)
          .join('.'),
        message: v.message ?? 'Valor inválido',
      }));
      return reply.status(400).send({
        error: { code: 'VALIDATION_ERROR', message: 'Confira os campos destacados', details: { fields } },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply
        .status(500)
        .send({ error: { code: 'INTERNAL', message: 'Erro interno. Tente novamente.' } });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'O conteúdo enviado é grande demais' } });
    }
    if (status === 415) {
      return reply
        .status(415)
        .send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Formato de conteúdo não suportado' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        error: {
          code: error.code ?? 'BAD_REQUEST',
          message: 'Requisição inválida',
          details: { reason: error.message },
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Erro interno. Tente novamente.' } });
  });
}
