import {
  type agentConfigSchema,
  agentSchema,
  agentVersionSchema,
  aiSettingsBodySchema,
  aiSettingsSchema,
  messageSchema,
  questionAnswerBodySchema,
  questionSchema,
  suggestionSchema,
  traceListItemSchema,
  traceSchema,
  traceStatusSchema,
} from '@piloto/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/errors.ts';
import type { ConversationsService } from '../conversations/service.ts';
import type { AgentInsights } from './insights.ts';
import type { AgentRuns } from './runs.ts';
import type { AgentsService } from './service.ts';

const tags = ['Agentes de IA'];
const org = z.object({ orgId: z.string() });
const agentParams = org.extend({ agentId: z.uuid() });
const admin = { access: { minRole: 'admin' as const } };
const seller = { access: { minRole: 'seller' as const } };

export function registerAgentRoutes(
  fastify: FastifyInstance,
  deps: {
    agents: AgentsService;
    agentRuns: AgentRuns;
    agentInsights: AgentInsights;
    conversations: ConversationsService;
  },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { agents, agentRuns, agentInsights, conversations } = deps;
  const P = '/api/v1/orgs/:orgId';

  app.get(`${P}/agents`, {
    config: admin,
    schema: { tags, params: org, response: { 200: z.object({ agents: z.array(agentSchema) }) } },
    handler: async (request) => ({ agents: await agents.list(request.member!.orgId) }),
  });
  app.post(`${P}/agents`, {
    config: admin,
    schema: { tags, params: org, body: z.record(z.string(), z.unknown()), response: { 201: agentSchema } },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await agents.create(
            request.member!.orgId,
            request.member!.userId,
            request.body as z.input<typeof agentConfigSchema>,
          ),
        ),
  });
  app.get(`${P}/agents/:agentId`, {
    config: admin,
    schema: { tags, params: agentParams, response: { 200: agentSchema } },
    handler: (request) => agents.get(request.member!.orgId, request.params.agentId),
  });
  app.patch(`${P}/agents/:agentId`, {
    config: admin,
    schema: {
      tags,
      summary: 'Salvar (cria uma nova versão)',
      params: agentParams,
      body: z.record(z.string(), z.unknown()),
      response: { 200: agentSchema },
    },
    handler: (request) =>
      agents.update(request.member!.orgId, request.params.agentId, request.member!.userId, request.body),
  });
  app.post(`${P}/agents/:agentId/active`, {
    config: admin,
    schema: {
      tags,
      params: agentParams,
      body: z.object({ active: z.boolean() }),
      response: { 200: agentSchema },
    },
    handler: (request) =>
      agents.setActive(request.member!.orgId, request.params.agentId, request.body.active),
  });
  app.delete(`${P}/agents/:agentId`, {
    config: admin,
    schema: { tags, params: agentParams },
    handler: async (request, reply) => {
      await agents.remove(request.member!.orgId, request.params.agentId);
      return reply.status(204).send();
    },
  });
  app.get(`${P}/agents/:agentId/versions`, {
    config: admin,
    schema: {
      tags,
      params: agentParams,
      response: { 200: z.object({ versions: z.array(agentVersionSchema) }) },
    },
    handler: async (request) => ({
      versions: await agents.versions(request.member!.orgId, request.params.agentId),
    }),
  });

  app.get(`${P}/ai-settings`, {
    config: admin,
    schema: { tags, params: org, response: { 200: aiSettingsSchema } },
    handler: (request) => agents.aiSettingsView(request.member!.orgId),
  });
  app.put(`${P}/ai-settings`, {
    config: admin,
    schema: {
      tags,
      summary: 'Chaves de IA da empresa (criptografadas)',
      params: org,
      body: aiSettingsBodySchema,
      response: { 200: aiSettingsSchema },
    },
    handler: (request) => agents.saveAiSettings(request.member!.orgId, request.body),
  });

  app.get(`${P}/traces`, {
    config: admin,
    schema: {
      tags,
      summary: 'Logs de atendimento',
      params: org,
      querystring: z.object({
        agentId: z.uuid().optional(),
        conversationId: z.uuid().optional(),
        status: traceStatusSchema.optional(),
        cursor: z.string().optional(),
      }),
      response: {
        200: z.object({ traces: z.array(traceListItemSchema), nextCursor: z.string().nullable() }),
      },
    },
    handler: (request) => agentInsights.listTraces(request.member!.orgId, request.query),
  });
  app.get(`${P}/traces/:traceId`, {
    config: admin,
    schema: { tags, params: org.extend({ traceId: z.uuid() }), response: { 200: traceSchema } },
    handler: (request) => agentInsights.trace(request.member!.orgId, request.params.traceId),
  });

  app.get(`${P}/conversations/:conversationId/suggestions`, {
    config: seller,
    schema: {
      tags,
      params: org.extend({ conversationId: z.uuid() }),
      response: { 200: z.object({ suggestions: z.array(suggestionSchema) }) },
    },
    handler: async (request) => {
      const conv = await conversations.getConversationRow(
        request.member!.orgId,
        request.params.conversationId,
      );
      return { suggestions: await agentInsights.pendingSuggestions(request.member!.orgId, conv.id) };
    },
  });
  const suggestionParams = org.extend({ suggestionId: z.uuid() });
  app.post(`${P}/suggestions/:suggestionId/accept`, {
    config: seller,
    schema: {
      tags,
      summary: 'Enviar uma sugestão da IA (como está ou editada)',
      params: suggestionParams,
      body: z.object({ text: z.string().trim().min(1, 'Escreva a mensagem').max(4096) }),
      response: { 201: messageSchema },
    },
    handler: async (request, reply) => {
      const { orgId, memberId } = request.member!;
      const resolved = await agentRuns.resolveSuggestion(orgId, request.params.suggestionId, memberId, {
        send: request.body.text,
      });
      if (!resolved) throw notFound('Sugestão não encontrada');
      const message = await conversations.send(request.member!, resolved.suggestion.conversationId, {
        text: request.body.text,
      });
      return reply.status(201).send(message);
    },
  });
  app.post(`${P}/suggestions/:suggestionId/dismiss`, {
    config: seller,
    schema: { tags, params: suggestionParams },
    handler: async (request, reply) => {
      const resolved = await agentRuns.resolveSuggestion(
        request.member!.orgId,
        request.params.suggestionId,
        request.member!.memberId,
        'dismiss',
      );
      if (!resolved) throw notFound('Sugestão não encontrada');
      return reply.status(204).send();
    },
  });

  app.get(`${P}/questions/stats`, {
    config: seller,
    schema: {
      tags,
      summary: 'Perguntas da IA à equipe por semana (devem cair conforme ela aprende)',
      params: org,
      querystring: z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) }),
      response: {
        200: z.object({
          weeks: z.array(z.object({ week: z.string(), questions: z.number(), saved: z.number() })),
        }),
      },
    },
    handler: async (request) => ({
      weeks: await agentInsights.questionsPerWeek(request.member!.orgId, request.query.weeks),
    }),
  });
  app.get(`${P}/questions`, {
    config: seller,
    schema: {
      tags,
      summary: 'Perguntas da IA para a equipe',
      params: org,
      querystring: z.object({ status: z.enum(['pending', 'answered']).default('pending') }),
      response: { 200: z.object({ questions: z.array(questionSchema) }) },
    },
    handler: async (request) => ({
      questions: await agentInsights.questions(request.member!.orgId, request.query.status),
    }),
  });
  app.post(`${P}/questions/:questionId/answer`, {
    config: seller,
    schema: {
      tags,
      params: org.extend({ questionId: z.uuid() }),
      body: questionAnswerBodySchema,
      response: { 200: questionSchema },
    },
    handler: async (request) => {
      const { orgId, memberId } = request.member!;
      const q = await agentRuns.answerQuestion(orgId, request.params.questionId, memberId, request.body);
      if (!q) throw notFound('Pergunta não encontrada');
      return agentInsights.question(orgId, q.id);
    },
  });
}
