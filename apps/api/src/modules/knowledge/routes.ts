import multipart from '@fastify/multipart';
import {
  knowledgeChunkSchema,
  knowledgeCollectionBodySchema,
  knowledgeCollectionSchema,
  knowledgeDocumentPatchSchema,
  knowledgeDocumentSchema,
  knowledgeSearchBodySchema,
  knowledgeSearchResponseSchema,
  knowledgeTextDocumentBodySchema,
  knowledgeUrlDocumentBodySchema,
  learnedAnswerBodySchema,
  learnedAnswerSchema,
} from '@piloto/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../platform/errors.ts';
import { readUpload } from '../../platform/readUpload.ts';
import type { KnowledgeService } from './service.ts';

const tags = ['Base de conhecimento'];
const org = z.object({ orgId: z.string() });
const admin = { access: { minRole: 'admin' as const } };
const seller = { access: { minRole: 'seller' as const } };
export const MAX_KNOWLEDGE_UPLOAD_BYTES = 25 * 1024 * 1024;

export function registerKnowledgeRoutes(
  fastify: FastifyInstance,
  deps: { knowledge: KnowledgeService },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { knowledge } = deps;
  const P = '/api/v1/orgs/:orgId/knowledge';
  const collectionParams = org.extend({ collectionId: z.uuid() });
  const documentParams = org.extend({ documentId: z.uuid() });
  const learnedParams = org.extend({ learnedAnswerId: z.uuid() });

  app.get(`${P}/collections`, {
    config: seller,
    schema: {
      tags,
      params: org,
      response: { 200: z.object({ collections: z.array(knowledgeCollectionSchema) }) },
    },
    handler: async (request) => ({ collections: await knowledge.listCollections(request.member!.orgId) }),
  });
  app.post(`${P}/collections`, {
    config: admin,
    schema: {
      tags,
      params: org,
      body: knowledgeCollectionBodySchema,
      response: { 201: knowledgeCollectionSchema },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await knowledge.createCollection(request.member!.orgId, request.body)),
  });
  app.patch(`${P}/collections/:collectionId`, {
    config: admin,
    schema: {
      tags,
      params: collectionParams,
      body: knowledgeCollectionBodySchema,
      response: { 200: knowledgeCollectionSchema },
    },
    handler: (request) =>
      knowledge.updateCollection(request.member!.orgId, request.params.collectionId, request.body),
  });
  app.delete(`${P}/collections/:collectionId`, {
    config: admin,
    schema: { tags, params: collectionParams },
    handler: async (request, reply) => {
      await knowledge.deleteCollection(request.member!.orgId, request.params.collectionId);
      return reply.status(204).send();
    },
  });

  app.get(`${P}/documents`, {
    config: seller,
    schema: {
      tags,
      params: org,
      querystring: z.object({ collectionId: z.uuid().optional() }),
      response: { 200: z.object({ documents: z.array(knowledgeDocumentSchema) }) },
    },
    handler: async (request) => ({
      documents: await knowledge.listDocuments(request.member!.orgId, request.query),
    }),
  });
  app.get(`${P}/documents/:documentId`, {
    config: seller,
    schema: {
      tags,
      params: documentParams,
      response: {
        200: knowledgeDocumentSchema.extend({ chunks: z.array(knowledgeChunkSchema) }),
      },
    },
    handler: async (request) => {
      const { orgId } = request.member!;
      return {
        ...(await knowledge.getDocument(orgId, request.params.documentId)),
        chunks: await knowledge.documentChunks(orgId, request.params.documentId),
      };
    },
  });
  app.post(`${P}/documents/text`, {
    config: admin,
    schema: {
      tags,
      summary: 'Escrever um documento',
      params: org,
      body: knowledgeTextDocumentBodySchema,
      response: { 201: knowledgeDocumentSchema },
    },
    handler: async (request, reply) => {
      const { orgId, memberId } = request.member!;
      return reply.status(201).send(await knowledge.addText(orgId, memberId, request.body));
    },
  });
  app.post(`${P}/documents/url`, {
    config: admin,
    schema: {
      tags,
      summary: 'Importar uma página da web',
      params: org,
      body: knowledgeUrlDocumentBodySchema,
      response: { 201: knowledgeDocumentSchema },
    },
    handler: async (request, reply) => {
      const { orgId, memberId } = request.member!;
      return reply.status(201).send(await knowledge.addUrl(orgId, memberId, request.body));
    },
  });
  fastify.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_KNOWLEDGE_UPLOAD_BYTES, files: 1, fields: 5 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(`${P}/documents`, {
      config: admin,
      schema: {
        tags,
        summary: 'Enviar um arquivo (PDF, DOCX, TXT, Markdown, CSV, XLSX; até 25 MB)',
        params: org,
        response: { 201: knowledgeDocumentSchema },
      },
      handler: async (request, reply) => {
        const { data, fileName, mimeType, field } = await readUpload(request, {
          limitLabel: '25 MB',
          howTo: 'Envie o arquivo como multipart/form-data nos campos "collectionId" e "file"',
        });
        const collectionId = z.uuid().safeParse(field('collectionId'));
        if (!collectionId.success)
          throw badRequest(
            'COLLECTION_REQUIRED',
            'Escolha a coleção (campo "collectionId", antes do arquivo)',
          );
        const { orgId, memberId } = request.member!;
        const doc = await knowledge.uploadDocument(orgId, memberId, {
          collectionId: collectionId.data,
          data,
          fileName,
          mimeType,
          title: field('title')?.trim() || undefined,
        });
        return reply.status(201).send(doc);
      },
    });
  });
  app.patch(`${P}/documents/:documentId`, {
    config: admin,
    schema: {
      tags,
      params: documentParams,
      body: knowledgeDocumentPatchSchema,
      response: { 200: knowledgeDocumentSchema },
    },
    handler: (request) =>
      knowledge.updateDocument(request.member!.orgId, request.params.documentId, request.body),
  });
  app.post(`${P}/documents/:documentId/reindex`, {
    config: admin,
    schema: { tags, params: documentParams, response: { 200: knowledgeDocumentSchema } },
    handler: (request) => knowledge.reindex(request.member!.orgId, request.params.documentId),
  });
  app.delete(`${P}/documents/:documentId`, {
    config: admin,
    schema: { tags, params: documentParams },
    handler: async (request, reply) => {
      await knowledge.deleteDocument(request.member!.orgId, request.params.documentId);
      return reply.status(204).send();
    },
  });

  app.post(`${P}/search`, {
    config: seller,
    schema: {
      tags,
      summary: 'Testar a busca: o que o agente encontraria para uma pergunta',
      params: org,
      body: knowledgeSearchBodySchema,
      response: { 200: knowledgeSearchResponseSchema },
    },
    handler: (request) =>
      knowledge.search(request.member!.orgId, request.body.query, {
        collectionIds: request.body.collectionIds,
        limit: request.body.limit,
      }),
  });

  app.get(`${P}/learned`, {
    config: seller,
    schema: {
      tags,
      summary: 'Respostas aprendidas (propostas, ativas, arquivadas)',
      params: org,
      querystring: z.object({ status: z.enum(['proposed', 'active', 'dismissed']).default('active') }),
      response: { 200: z.object({ answers: z.array(learnedAnswerSchema), proposedCount: z.number() }) },
    },
    handler: async (request) => {
      const { orgId } = request.member!;
      return {
        answers: await knowledge.listLearned(orgId, request.query.status),
        proposedCount: await knowledge.countProposed(orgId),
      };
    },
  });
  app.post(`${P}/learned`, {
    config: seller,
    schema: {
      tags,
      summary: 'Ensinar uma resposta à IA',
      params: org,
      body: learnedAnswerBodySchema,
      response: { 201: learnedAnswerSchema },
    },
    handler: async (request, reply) => {
      const { orgId, memberId } = request.member!;
      const answer = await knowledge.learn(orgId, memberId, {
        ...request.body,
        source: 'manual',
        activate: true,
      });
      return reply.status(201).send(answer);
    },
  });
  app.patch(`${P}/learned/:learnedAnswerId`, {
    config: seller,
    schema: {
      tags,
      params: learnedParams,
      body: learnedAnswerBodySchema.partial(),
      response: { 200: learnedAnswerSchema },
    },
    handler: (request) =>
      knowledge.updateLearned(request.member!.orgId, request.params.learnedAnswerId, request.body),
  });
  app.post(`${P}/learned/:learnedAnswerId/approve`, {
    config: seller,
    schema: {
      tags,
      summary: 'Aprovar com um clique',
      params: learnedParams,
      response: { 200: learnedAnswerSchema },
    },
    handler: (request) =>
      knowledge.approveLearned(
        request.member!.orgId,
        request.params.learnedAnswerId,
        request.member!.memberId,
      ),
  });
  app.post(`${P}/learned/:learnedAnswerId/dismiss`, {
    config: seller,
    schema: { tags, params: learnedParams, response: { 200: learnedAnswerSchema } },
    handler: (request) => knowledge.dismissLearned(request.member!.orgId, request.params.learnedAnswerId),
  });
  app.delete(`${P}/learned/:learnedAnswerId`, {
    config: admin,
    schema: { tags, params: learnedParams },
    handler: async (request, reply) => {
      await knowledge.deleteLearned(request.member!.orgId, request.params.learnedAnswerId);
      return reply.status(204).send();
    },
  });
}
