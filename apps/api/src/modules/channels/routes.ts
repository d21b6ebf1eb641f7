import {
  channelSchema,
  connectionCheckSchema,
  createChannelBodySchema,
  messageSchema,
  updateChannelBodySchema,
  webhookEventSchema,
} from '@piloto/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { contactIdentities, conversations, messages } from '../../db/schema/index.ts';
import { badRequest } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Ingest } from '../conversations/ingest.ts';
import type { MediaService } from '../conversations/media.ts';
import type { ConversationsService } from '../conversations/service.ts';
import { normalizePhone } from './phone.ts';
import { sandboxProvider } from './providers/sandbox/sandbox.ts';
import type { ChannelsService } from './service.ts';
import { MEDIA_QUEUE } from './webhooks.ts';

const tags = ['Canais'];
const org = z.object({ orgId: z.string() });
const channelParams = org.extend({ channelId: z.uuid() });
const admin = { access: { minRole: 'admin' as const } };
const seller = { access: { minRole: 'seller' as const } };

export function registerChannelRoutes(
  fastify: FastifyInstance,
  deps: {
    db: Db;
    jobs: Jobs;
    channels: ChannelsService;
    conversations: ConversationsService;
    ingest: Ingest;
    media: MediaService;
  },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, channels, ingest, media, jobs } = deps;
  const inbox = deps.conversations;
  const P = '/api/v1/orgs/:orgId/channels';

  app.get(P, {
    config: seller,
    schema: { tags, params: org, response: { 200: z.object({ channels: z.array(channelSchema) }) } },
    handler: async (request) => ({ channels: await channels.list(request.member!.orgId) }),
  });
  app.post(P, {
    config: admin,
    schema: {
      tags,
      summary: 'Conectar um número',
      params: org,
      body: createChannelBodySchema,
      response: { 201: channelSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await channels.create(request.member!.orgId, request.body)),
  });
  app.patch(`${P}/:channelId`, {
    config: admin,
    schema: { tags, params: channelParams, body: updateChannelBodySchema, response: { 200: channelSchema } },
    handler: (request) => channels.update(request.member!.orgId, request.params.channelId, request.body),
  });
  app.delete(`${P}/:channelId`, {
    config: admin,
    schema: { tags, params: channelParams },
    handler: async (request, reply) => {
      await channels.remove(request.member!.orgId, request.params.channelId);
      return reply.status(204).send();
    },
  });
  app.post(`${P}/:channelId/check`, {
    config: admin,
    schema: {
      tags,
      summary: 'Testar conexão com o provedor',
      params: channelParams,
      response: { 200: connectionCheckSchema },
    },
    handler: (request) => channels.check(request.member!.orgId, request.params.channelId),
  });
  app.get(`${P}/:channelId/webhook-events`, {
    config: admin,
    schema: {
      tags,
      summary: 'Webhooks recebidos (ex.: os recusados, com o motivo)',
      params: channelParams,
      querystring: z.object({ status: z.enum(['accepted', 'rejected', 'processed', 'failed']).optional() }),
      response: { 200: z.object({ events: z.array(webhookEventSchema) }) },
    },
    handler: async (request) => ({
      events: await channels.listWebhookEvents(
        request.member!.orgId,
        request.params.channelId,
        request.query.status,
      ),
    }),
  });

  // The simulator: a member writes as a lead; the message takes the same path as a provider's webhook.
  const sandboxRow = async (orgId: string, channelId: string) => {
    const row = await channels.getRow(orgId, channelId);
    if (row.provider !== 'sandbox') throw badRequest('NOT_SANDBOX', 'Este canal não é um simulador');
    return row;
  };
  const leadConversation = async (orgId: string, channelId: string, leadPhone: string) => {
    const phone = normalizePhone(leadPhone);
    if (!phone) throw badRequest('VALIDATION_ERROR', 'Telefone do lead inválido');
    const [row] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .innerJoin(
        contactIdentities,
        and(eq(contactIdentities.contactId, conversations.contactId), eq(contactIdentities.kind, 'phone')),
      )
      .where(
        and(
          eq(conversations.orgId, orgId),
          eq(conversations.channelId, channelId),
          eq(contactIdentities.value, phone),
        ),
      )
      .orderBy(desc(conversations.createdAt))
      .limit(1);
    return row?.id ?? null;
  };
  const leadPhoneSchema = z.string().regex(/^\+?\d{10,15}$/, 'Telefone do lead inválido');

  app.get(`${P}/:channelId/sandbox`, {
    config: seller,
    schema: {
      tags,
      params: channelParams,
      querystring: z.object({ leadPhone: leadPhoneSchema }),
      response: { 200: z.object({ messages: z.array(messageSchema) }) },
    },
    handler: async (request) => {
      const { orgId } = request.member!;
      await sandboxRow(orgId, request.params.channelId);
      const conversationId = await leadConversation(orgId, request.params.channelId, request.query.leadPhone);
      if (!conversationId) return { messages: [] };
      return { messages: (await inbox.messages(orgId, conversationId, { limit: 100 })).messages };
    },
  });

  app.post(`${P}/:channelId/sandbox/messages`, {
    config: seller,
    schema: {
      tags,
      summary: 'Simulador: o lead envia uma mensagem',
      params: channelParams,
      body: z
        .object({
          leadPhone: leadPhoneSchema,
          leadName: z.string().trim().min(1).max(80),
          text: z.string().max(4096).optional(),
          uploadId: z.uuid().optional(),
          /** The upload is a voice note recorded in the simulator. */
          voice: z.boolean().optional(),
        })
        .refine((b) => Boolean(b.text?.trim()) || Boolean(b.uploadId), {
          message: 'Escreva uma mensagem ou anexe um arquivo',
        }),
    },
    handler: async (request, reply) => {
      const { orgId } = request.member!;
      const row = await sandboxRow(orgId, request.params.channelId);
      const { uploadId, ...rest } = request.body;
      const payload = {
        ...rest,
        media: uploadId ? await media.uploadForSandbox(orgId, uploadId) : undefined,
      };
      const result = await ingest.apply({ id: row.id, orgId }, sandboxProvider.parseWebhook(payload));
      for (const messageId of result.mediaToFetch) await jobs.send(MEDIA_QUEUE, { messageId });
      return reply.status(202).send({ accepted: true });
    },
  });

  app.post(`${P}/:channelId/sandbox/read`, {
    config: seller,
    schema: {
      tags,
      summary: 'Simulador: o lead leu as mensagens',
      params: channelParams,
      body: z.object({ leadPhone: leadPhoneSchema }),
    },
    handler: async (request, reply) => {
      const { orgId } = request.member!;
      const row = await sandboxRow(orgId, request.params.channelId);
      const conversationId = await leadConversation(orgId, row.id, request.body.leadPhone);
      if (conversationId) {
        const unread = await db
          .select({ pid: messages.providerMessageId })
          .from(messages)
          .where(
            and(
              eq(messages.conversationId, conversationId),
              eq(messages.direction, 'outbound'),
              eq(messages.status, 'delivered'),
            ),
          );
        const events = unread
          .filter((m) => m.pid)
          .map((m) => ({
            type: 'status' as const,
            providerMessageId: m.pid!,
            status: 'read' as const,
            timestamp: new Date(),
          }));
        if (events.length) await ingest.apply({ id: row.id, orgId }, events);
      }
      return reply.status(204).send();
    },
  });
}
