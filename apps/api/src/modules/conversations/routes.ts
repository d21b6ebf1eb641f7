import multipart from '@fastify/multipart';
import {
  contactNoteSchema,
  contactSchema,
  conversationFilterSchema,
  conversationSchema,
  labelSchema,
  messageSchema,
  quickReplySchema,
  sendMessageBodySchema,
  teammateSchema,
  updateConversationBodySchema,
  uploadSchema,
} from '@piloto/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/errors.ts';
import { readUpload } from '../../platform/readUpload.ts';
import type { EventBus } from '../../platform/realtime.ts';
import { MAX_UPLOAD_BYTES, type MediaService } from './media.ts';
import type { SellerTools } from './sellerTools.ts';
import type { ConversationsService } from './service.ts';

const tags = ['Inbox'];
const org = z.object({ orgId: z.string() });
const conv = org.extend({ conversationId: z.uuid() });
const seller = { access: { minRole: 'seller' as const } };
const admin = { access: { minRole: 'admin' as const } };
const HEARTBEAT_MS = 20_000;

export function registerConversationRoutes(
  fastify: FastifyInstance,
  deps: { conversations: ConversationsService; sellerTools: SellerTools; media: MediaService; bus: EventBus },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { conversations, sellerTools, media, bus } = deps;
  const P = '/api/v1/orgs/:orgId';

  app.get(`${P}/conversations`, {
    config: seller,
    schema: {
      tags,
      params: org,
      querystring: conversationFilterSchema,
      response: {
        200: z.object({
          conversations: z.array(conversationSchema),
          nextCursor: z.string().nullable(),
          counts: z.object({ mine: z.number(), unassigned: z.number(), all: z.number() }),
        }),
      },
    },
    handler: (request) => conversations.list(request.member!, request.query),
  });

  app.get(`${P}/conversations/:conversationId`, {
    config: seller,
    schema: { tags, params: conv, response: { 200: conversationSchema } },
    handler: (request) => conversations.get(request.member!.orgId, request.params.conversationId),
  });

  app.patch(`${P}/conversations/:conversationId`, {
    config: seller,
    schema: {
      tags,
      summary: 'Atribuir, transferir, fechar/reabrir, assumir da IA',
      params: conv,
      body: updateConversationBodySchema,
      response: { 200: conversationSchema },
    },
    handler: (request) =>
      conversations.update(request.member!.orgId, request.params.conversationId, request.body),
  });

  app.put(`${P}/conversations/:conversationId/labels`, {
    config: seller,
    schema: {
      tags,
      params: conv,
      body: z.object({ labelIds: z.array(z.uuid()).max(20) }),
      response: { 200: conversationSchema },
    },
    handler: (request) =>
      conversations.setLabels(request.member!.orgId, request.params.conversationId, request.body.labelIds),
  });

  app.post(`${P}/conversations/:conversationId/read`, {
    config: seller,
    schema: { tags, params: conv },
    handler: async (request, reply) => {
      await conversations.markRead(request.member!.orgId, request.params.conversationId);
      return reply.status(204).send();
    },
  });

  app.get(`${P}/conversations/:conversationId/messages`, {
    config: seller,
    schema: {
      tags,
      params: conv,
      querystring: z.object({
        before: z.uuid().optional(),
        limit: z.coerce.number().int().min(1).max(100).default(50),
      }),
      response: { 200: z.object({ messages: z.array(messageSchema), hasMore: z.boolean() }) },
    },
    handler: (request) =>
      conversations.messages(request.member!.orgId, request.params.conversationId, request.query),
  });

  app.get(`${P}/conversations/:conversationId/messages/:messageId`, {
    config: seller,
    schema: { tags, params: conv.extend({ messageId: z.uuid() }), response: { 200: messageSchema } },
    handler: async (request) => {
      const message = await conversations.message(request.member!.orgId, request.params.messageId);
      if (message.conversationId !== request.params.conversationId) throw notFound('Mensagem não encontrada');
      return message;
    },
  });

  app.post(`${P}/conversations/:conversationId/messages`, {
    config: seller,
    schema: {
      tags,
      summary: 'Enviar mensagem (vai para a fila de envio)',
      params: conv,
      body: sendMessageBodySchema,
      response: { 201: messageSchema },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await conversations.send(request.member!, request.params.conversationId, request.body)),
  });

  app.get(`${P}/labels`, {
    config: seller,
    schema: { tags, params: org, response: { 200: z.object({ labels: z.array(labelSchema) }) } },
    handler: async (request) => ({ labels: await conversations.listLabels(request.member!.orgId) }),
  });
  app.post(`${P}/labels`, {
    config: seller,
    schema: {
      tags,
      params: org,
      body: z.object({
        name: z.string().trim().min(1, 'Dê um nome à etiqueta').max(40),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Cor inválida'),
      }),
      response: { 201: labelSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await sellerTools.createLabel(request.member!.orgId, request.body)),
  });
  app.delete(`${P}/labels/:labelId`, {
    config: admin,
    schema: { tags, params: org.extend({ labelId: z.uuid() }) },
    handler: async (request, reply) => {
      await sellerTools.deleteLabel(request.member!.orgId, request.params.labelId);
      return reply.status(204).send();
    },
  });

  const contactParams = org.extend({ contactId: z.uuid() });
  app.patch(`${P}/contacts/:contactId`, {
    config: seller,
    schema: {
      tags,
      params: contactParams,
      body: z.object({ name: z.string().trim().min(1, 'Informe o nome').max(120) }),
      response: { 200: contactSchema },
    },
    handler: (request) =>
      sellerTools.renameContact(request.member!.orgId, request.params.contactId, request.body.name),
  });
  app.get(`${P}/contacts/:contactId/notes`, {
    config: seller,
    schema: {
      tags,
      params: contactParams,
      response: { 200: z.object({ notes: z.array(contactNoteSchema) }) },
    },
    handler: async (request) => ({
      notes: await sellerTools.listNotes(request.member!.orgId, request.params.contactId),
    }),
  });
  app.post(`${P}/contacts/:contactId/notes`, {
    config: seller,
    schema: {
      tags,
      params: contactParams,
      body: z.object({ text: z.string().trim().min(1, 'Escreva a anotação').max(4000) }),
      response: { 201: contactNoteSchema },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await sellerTools.addNote(
            request.member!.orgId,
            request.params.contactId,
            request.member!.memberId,
            request.body.text,
          ),
        ),
  });

  app.get(`${P}/quick-replies`, {
    config: seller,
    schema: { tags, params: org, response: { 200: z.object({ quickReplies: z.array(quickReplySchema) }) } },
    handler: async (request) => ({ quickReplies: await sellerTools.listQuickReplies(request.member!.orgId) }),
  });
  app.post(`${P}/quick-replies`, {
    config: seller,
    schema: {
      tags,
      params: org,
      body: z.object({
        shortcut: z
          .string()
          .trim()
          .regex(/^[\w-]{1,30}$/, 'Use letras, números e hífen (sem espaços)'),
        text: z.string().trim().min(1, 'Escreva o texto').max(4096),
      }),
      response: { 201: quickReplySchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await sellerTools.createQuickReply(request.member!.orgId, request.body)),
  });
  app.delete(`${P}/quick-replies/:quickReplyId`, {
    config: seller,
    schema: { tags, params: org.extend({ quickReplyId: z.uuid() }) },
    handler: async (request, reply) => {
      await sellerTools.deleteQuickReply(request.member!.orgId, request.params.quickReplyId);
      return reply.status(204).send();
    },
  });

  app.get(`${P}/team`, {
    config: seller,
    schema: { tags, params: org, response: { 200: z.object({ teammates: z.array(teammateSchema) }) } },
    handler: async (request) => ({ teammates: await sellerTools.team(request.member!.orgId) }),
  });

  app.get(`${P}/media/:messageId`, {
    config: seller,
    schema: { tags, params: org.extend({ messageId: z.uuid() }) },
    handler: async (request, reply) => {
      const file = await media.read(request.member!.orgId, request.params.messageId);
      const name = encodeURIComponent(file.fileName ?? 'arquivo');
      reply
        .type(file.mimeType)
        .header('content-disposition', `inline; filename*=UTF-8''${name}`)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .header('accept-ranges', 'bytes');
      // Browsers' audio players ask for ranges to learn the length and to seek.
      const range = byteRange(request.headers.range, file.data.length);
      if (range === 'unsatisfiable')
        return reply.status(416).header('content-range', `bytes */${file.data.length}`).send();
      if (range)
        return reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${file.data.length}`)
          .send(file.data.subarray(range.start, range.end + 1));
      return reply.send(file.data);
    },
  });

  fastify.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    scope.withTypeProvider<ZodTypeProvider>().post(`${P}/uploads`, {
      config: seller,
      schema: {
        tags,
        summary: 'Enviar um arquivo para anexar (campo "file", até 16 MB)',
        params: org,
        response: { 201: uploadSchema },
      },
      handler: async (request, reply) => {
        const { data, fileName, mimeType } = await readUpload(request, {
          limitLabel: '16 MB',
          howTo: 'Envie o arquivo como multipart/form-data no campo "file"',
        });
        const saved = await media.saveUpload(request.member!.orgId, request.member!.memberId, {
          data,
          fileName,
          mimeType,
        });
        return reply.status(201).send(saved);
      },
    });
  });

  // Server-sent events: the inbox updates live (fed by Postgres LISTEN/NOTIFY across instances).
  const streams = new Set<{ end: () => void }>();
  // Open streams would hold the server open on shutdown: end them (EventSource reconnects elsewhere).
  fastify.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  app.get(`${P}/events`, {
    config: seller,
    schema: { tags, summary: 'Eventos em tempo real (SSE)', params: org },
    handler: (request, reply) => {
      const orgId = request.member!.orgId;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write('retry: 3000\n\n');
      const unsubscribe = bus.subscribe(`org:${orgId}`, (event) => {
        const payload = event.payload as { type: string };
        res.write(`event: ${payload.type}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      const stream = { end: () => res.end() };
      streams.add(stream);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(stream);
      };
      request.raw.on('close', close);
      res.on('error', close);
    },
  });
}

/** A single `bytes=` range of an HTTP Range header (multiple ranges are served whole). */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (!m[1] && !m[2])) return null;
  let start: number;
  let end: number;
  if (!m[1]) {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
