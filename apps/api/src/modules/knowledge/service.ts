import type {
  KnowledgeCollection,
  KnowledgeDocument,
  KnowledgeSearchResult,
  LearnedAnswer,
} from '@piloto/contracts';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import {
  knowledgeChunks,
  knowledgeCollections,
  knowledgeDocuments,
  learnedAnswers,
} from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { Storage } from '../../platform/storage.ts';
import type { AgentsService } from '../agents/service.ts';
import type { EmbedderFactory } from './embeddings.ts';
import { hybridSearch } from './hybridSearch.ts';

export const KNOWLEDGE_INGEST_QUEUE = 'knowledge.ingest';
export const LEARNED_COLLECTION_NAME = 'Respostas aprendidas';

type DocumentRow = typeof knowledgeDocuments.$inferSelect;

export function presentDocument(row: DocumentRow): KnowledgeDocument {
  return {
    id: row.id,
    collectionId: row.collectionId,
    title: row.title,
    sourceType: row.sourceType,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    url: row.url,
    content: row.content,
    status: row.status,
    progress: row.progress,
    error: row.error,
    format: row.format,
    pages: row.pages,
    chunkCount: row.chunkCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    indexedAt: row.indexedAt?.toISOString() ?? null,
  };
}

/** Documents, collections, hybrid search and the answers the team taught the AI. */
export function createKnowledgeService(deps: {
  db: Db;
  jobs: Jobs;
  bus: EventBus;
  storage: Storage;
  agents: AgentsService;
  embedders: EmbedderFactory;
  logger: Logger;
}) {
  const { db, jobs, bus, storage, agents, logger } = deps;
  const publishDocument = (orgId: string, documentId: string) =>
    bus.publish(`org:${orgId}`, { type: 'knowledge.updated', documentId });
  const publishLearned = (orgId: string, learnedAnswerId: string) =>
    bus.publish(`org:${orgId}`, { type: 'learned.updated', learnedAnswerId });

  async function collectionRow(orgId: string, collectionId: string) {
    const [row] = await db
      .select()
      .from(knowledgeCollections)
      .where(and(eq(knowledgeCollections.orgId, orgId), eq(knowledgeCollections.id, collectionId)));
    if (!row) throw notFound('Coleção não encontrada');
    return row;
  }

  async function documentRow(orgId: string, documentId: string) {
    const [row] = await db
      .select()
      .from(knowledgeDocuments)
      .where(and(eq(knowledgeDocuments.orgId, orgId), eq(knowledgeDocuments.id, documentId)));
    if (!row) throw notFound('Documento não encontrado');
    return row;
  }

  async function findLearnedCollectionId(orgId: string): Promise<string | null> {
    const [existing] = await db
      .select({ id: knowledgeCollections.id })
      .from(knowledgeCollections)
      .where(and(eq(knowledgeCollections.orgId, orgId), eq(knowledgeCollections.kind, 'learned')));
    return existing?.id ?? null;
  }

  /** The company's "learned answers" collection, created the first time something is learned. */
  async function learnedCollectionId(orgId: string): Promise<string> {
    const existing = await findLearnedCollectionId(orgId);
    if (existing) return existing;
    // One per company (unique index): of two concurrent first lessons, the second reads the first's.
    await db
      .insert(knowledgeCollections)
      .values({
        orgId,
        name: LEARNED_COLLECTION_NAME,
        description: 'O que a equipe ensinou à IA respondendo às perguntas dela.',
        kind: 'learned',
      })
      .onConflictDoNothing();
    return (await findLearnedCollectionId(orgId))!;
  }

  async function enqueueIngest(row: DocumentRow) {
    await jobs.send(KNOWLEDGE_INGEST_QUEUE, { documentId: row.id, revision: row.revision });
    await publishDocument(row.orgId, row.id);
  }

  async function addDocument(
    orgId: string,
    memberId: string | null,
    values: Omit<typeof knowledgeDocuments.$inferInsert, 'orgId' | 'createdByMemberId'>,
  ): Promise<KnowledgeDocument> {
    await collectionRow(orgId, values.collectionId);
    const [row] = await db
      .insert(knowledgeDocuments)
      .values({ ...values, orgId, createdByMemberId: memberId, status: 'queued', progress: 0 })
      .returning();
    await enqueueIngest(row);
    return presentDocument(row);
  }

  /** Re-index from the source: a new revision, so a job still running for the old one is ignored. */
  async function reindexRow(row: DocumentRow, patch: Partial<DocumentRow> = {}) {
    const [updated] = await db
      .update(knowledgeDocuments)
      .set({
        ...patch,
        status: 'queued',
        progress: 0,
        error: null,
        revision: sql`${knowledgeDocuments.revision} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(knowledgeDocuments.id, row.id))
      .returning();
    await enqueueIngest(updated);
    return presentDocument(updated);
  }

  const learnedBase = () =>
    db
      .select({
        a: learnedAnswers,
        createdByName: sql<string | null>`cu.name`,
        approvedByName: sql<string | null>`au.name`,
        conversationId: sql<string | null>`coalesce(q.conversation_id, s.conversation_id)`,
      })
      .from(learnedAnswers)
      .leftJoin(sql`members cm`, sql`cm.id = ${learnedAnswers.createdByMemberId}`)
      .leftJoin(sql`users cu`, sql`cu.id = cm.user_id`)
      .leftJoin(sql`members am`, sql`am.id = ${learnedAnswers.approvedByMemberId}`)
      .leftJoin(sql`users au`, sql`au.id = am.user_id`)
      .leftJoin(sql`questions q`, sql`q.id = ${learnedAnswers.questionId}`)
      .leftJoin(sql`suggestions s`, sql`s.id = ${learnedAnswers.suggestionId}`);
  const presentLearned = (r: Awaited<ReturnType<typeof learnedBase>>[number]): LearnedAnswer => ({
    id: r.a.id,
    question: r.a.question,
    answer: r.a.answer,
    status: r.a.status,
    source: r.a.source,
    conversationId: r.conversationId,
    createdByName: r.createdByName,
    approvedByName: r.approvedByName,
    createdAt: r.a.createdAt.toISOString(),
    updatedAt: r.a.updatedAt.toISOString(),
  });
  async function learnedRow(orgId: string, id: string) {
    const [row] = await db
      .select()
      .from(learnedAnswers)
      .where(and(eq(learnedAnswers.orgId, orgId), eq(learnedAnswers.id, id)));
    if (!row) throw notFound('Resposta aprendida não encontrada');
    return row;
  }
  async function learnedView(orgId: string, id: string): Promise<LearnedAnswer> {
    const [r] = await learnedBase().where(and(eq(learnedAnswers.orgId, orgId), eq(learnedAnswers.id, id)));
    return presentLearned(r);
  }

  /** An active learned answer lives as one small document of the learned collection. */
  async function activateLearned(row: typeof learnedAnswers.$inferSelect, memberId: string | null) {
    const content = learnedContent(row.question, row.answer);
    let documentId = row.documentId;
    if (documentId) {
      const [doc] = await db.select().from(knowledgeDocuments).where(eq(knowledgeDocuments.id, documentId));
      if (doc) await reindexRow(doc, { content, title: row.question.slice(0, 200) });
      else documentId = null;
    }
    if (!documentId) {
      const doc = await addDocument(row.orgId, memberId, {
        collectionId: await learnedCollectionId(row.orgId),
        title: row.question.slice(0, 200),
        sourceType: 'learned',
        content,
      });
      documentId = doc.id;
    }
    await db
      .update(learnedAnswers)
      .set({
        status: 'active',
        documentId,
        approvedByMemberId: memberId ?? row.approvedByMemberId,
        updatedAt: new Date(),
      })
      .where(eq(learnedAnswers.id, row.id));
  }

  async function deactivateLearned(row: typeof learnedAnswers.$inferSelect) {
    if (row.documentId) await db.delete(knowledgeDocuments).where(eq(knowledgeDocuments.id, row.documentId));
  }

  return {
    async listCollections(orgId: string): Promise<KnowledgeCollection[]> {
      const rows = await db
        .select({ c: knowledgeCollections, documentCount: count(knowledgeDocuments.id) })
        .from(knowledgeCollections)
        .leftJoin(knowledgeDocuments, eq(knowledgeDocuments.collectionId, knowledgeCollections.id))
        .where(eq(knowledgeCollections.orgId, orgId))
        .groupBy(knowledgeCollections.id)
        .orderBy(asc(knowledgeCollections.kind), asc(knowledgeCollections.createdAt));
      return rows.map(({ c, documentCount }) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        kind: c.kind,
        documentCount,
        createdAt: c.createdAt.toISOString(),
      }));
    },

    async createCollection(orgId: string, body: { name: string; description: string }) {
      const [row] = await db
        .insert(knowledgeCollections)
        .values({ orgId, ...body })
        .returning();
      return { ...row, documentCount: 0, createdAt: row.createdAt.toISOString() };
    },

    async updateCollection(orgId: string, collectionId: string, body: { name: string; description: string }) {
      await collectionRow(orgId, collectionId);
      await db
        .update(knowledgeCollections)
        .set({ ...body, updatedAt: new Date() })
        .where(eq(knowledgeCollections.id, collectionId));
      return (await this.listCollections(orgId)).find((c) => c.id === collectionId)!;
    },

    async deleteCollection(orgId: string, collectionId: string) {
      const row = await collectionRow(orgId, collectionId);
      if (row.kind === 'learned')
        throw badRequest(
          'LEARNED_COLLECTION',
          'As respostas aprendidas não podem ser apagadas em bloco: arquive cada uma em "Aprendizado".',
        );
      const keys = await db
        .select({ key: knowledgeDocuments.storageKey })
        .from(knowledgeDocuments)
        .where(eq(knowledgeDocuments.collectionId, collectionId));
      await db.delete(knowledgeCollections).where(eq(knowledgeCollections.id, collectionId));
      for (const { key } of keys) if (key) await storage.delete(key).catch(() => {});
    },

    async listDocuments(orgId: string, f: { collectionId?: string }) {
      const rows = await db
        .select()
        .from(knowledgeDocuments)
        .where(
          and(
            eq(knowledgeDocuments.orgId, orgId),
            f.collectionId ? eq(knowledgeDocuments.collectionId, f.collectionId) : undefined,
          ),
        )
        .orderBy(desc(knowledgeDocuments.createdAt))
        .limit(500);
      return rows.map(presentDocument);
    },

    getDocument: async (orgId: string, documentId: string) =>
      presentDocument(await documentRow(orgId, documentId)),

    async documentChunks(orgId: string, documentId: string) {
      await documentRow(orgId, documentId);
      const rows = await db
        .select({
          id: knowledgeChunks.id,
          ord: knowledgeChunks.ord,
          heading: knowledgeChunks.heading,
          text: knowledgeChunks.text,
          page: knowledgeChunks.page,
        })
        .from(knowledgeChunks)
        .where(eq(knowledgeChunks.documentId, documentId))
        .orderBy(asc(knowledgeChunks.ord))
        .limit(1000);
      return rows;
    },

    async uploadDocument(
      orgId: string,
      memberId: string,
      input: { collectionId: string; data: Buffer; fileName: string; mimeType: string; title?: string },
    ) {
      await collectionRow(orgId, input.collectionId);
      const storageKey = await storage.put(`knowledge/${orgId}`, input.data, input.mimeType);
      return addDocument(orgId, memberId, {
        collectionId: input.collectionId,
        title: input.title || input.fileName.replace(/\.[a-z0-9]+$/i, ''),
        sourceType: 'file',
        fileName: input.fileName,
        mimeType: input.mimeType,
        sizeBytes: input.data.length,
        storageKey,
      });
    },

    addText: (
      orgId: string,
      memberId: string,
      body: { collectionId: string; title: string; content: string },
    ) => addDocument(orgId, memberId, { ...body, sourceType: 'text' }),

    addUrl: (orgId: string, memberId: string, body: { collectionId: string; url: string; title?: string }) =>
      addDocument(orgId, memberId, {
        collectionId: body.collectionId,
        url: body.url,
        title: body.title || new URL(body.url).hostname + new URL(body.url).pathname.replace(/\/$/, ''),
        sourceType: 'url',
      }),

    async updateDocument(
      orgId: string,
      documentId: string,
      patch: { title?: string; collectionId?: string; content?: string },
    ) {
      const row = await documentRow(orgId, documentId);
      if (patch.collectionId) await collectionRow(orgId, patch.collectionId);
      if (patch.content !== undefined && row.sourceType !== 'text' && row.sourceType !== 'learned')
        throw badRequest(
          'CONTENT_NOT_EDITABLE',
          'Só dá para editar o texto de documentos escritos aqui. Para arquivos e páginas, envie a nova versão.',
        );
      // The title and collection are part of what is indexed (headings, filters): re-index.
      if (patch.content !== undefined || patch.title !== undefined || patch.collectionId !== undefined)
        return reindexRow(row, patch);
      return presentDocument(row);
    },

    reindex: async (orgId: string, documentId: string) => reindexRow(await documentRow(orgId, documentId)),

    async deleteDocument(orgId: string, documentId: string) {
      const row = await documentRow(orgId, documentId);
      await db.delete(knowledgeDocuments).where(eq(knowledgeDocuments.id, row.id));
      if (row.sourceType === 'learned')
        await db
          .update(learnedAnswers)
          .set({ status: 'dismissed', documentId: null, updatedAt: new Date() })
          .where(eq(learnedAnswers.documentId, row.id));
      if (row.storageKey) await storage.delete(row.storageKey).catch(() => {});
      await publishDocument(orgId, row.id);
    },

    /**
     * What the agent would retrieve. Collections given = those plus the learned answers (what the
     * team taught applies to every agent). Without an embedding model, or if it fails, full-text only.
     */
    async search(
      orgId: string,
      query: string,
      opts: { collectionIds: string[]; limit: number },
    ): Promise<{ mode: 'hybrid' | 'fulltext'; results: KnowledgeSearchResult[]; notice: string | null }> {
      const { keys, models } = await agents.aiOf(orgId);
      const embedder = deps.embedders(models.embeddings, keys);
      let vector: { values: number[]; model: string } | null = null;
      let notice: string | null = embedder
        ? null
        : 'Busca só por palavras: configure um modelo de embeddings em Configurações › IA para buscar também por significado.';
      if (embedder) {
        try {
          const [values] = await embedder.embed([query]);
          vector = { values, model: embedder.model };
        } catch (error) {
          logger.warn({ err: error, orgId }, 'query embedding failed; full-text search only');
          notice = 'O modelo de embeddings falhou agora; a busca usou só palavras.';
        }
      }
      // A search reads: it never creates the learned collection, it only includes it when it exists.
      const learned = opts.collectionIds.length ? await findLearnedCollectionId(orgId) : null;
      const collectionIds = opts.collectionIds.length
        ? [...opts.collectionIds, ...(learned ? [learned] : [])]
        : null;
      const results = await hybridSearch(db, { orgId, query, collectionIds, limit: opts.limit, vector });
      return { mode: vector ? 'hybrid' : 'fulltext', results, notice };
    },

    async listLearned(orgId: string, status: 'proposed' | 'active' | 'dismissed') {
      const rows = await learnedBase()
        .where(and(eq(learnedAnswers.orgId, orgId), eq(learnedAnswers.status, status)))
        .orderBy(desc(learnedAnswers.createdAt))
        .limit(500);
      return rows.map(presentLearned);
    },

    countProposed: async (orgId: string) =>
      (
        await db
          .select({ n: count() })
          .from(learnedAnswers)
          .where(and(eq(learnedAnswers.orgId, orgId), eq(learnedAnswers.status, 'proposed')))
      )[0].n,

    /**
     * Teach the AI. Answers from the question queue are active at once (the seller chose "save for
     * future"); rewritten copilot suggestions wait as proposals for one click.
     */
    async learn(
      orgId: string,
      memberId: string | null,
      input: {
        question: string;
        answer: string;
        source: 'question' | 'copilot_edit' | 'manual';
        questionId?: string;
        suggestionId?: string;
        activate: boolean;
      },
    ): Promise<LearnedAnswer> {
      const [row] = await db
        .insert(learnedAnswers)
        .values({
          orgId,
          question: input.question,
          answer: input.answer,
          source: input.source,
          questionId: input.questionId,
          suggestionId: input.suggestionId,
          createdByMemberId: memberId,
          status: 'proposed',
        })
        .returning();
      if (input.activate) await activateLearned(row, memberId);
      await publishLearned(orgId, row.id);
      return learnedView(orgId, row.id);
    },

    async updateLearned(orgId: string, id: string, patch: { question?: string; answer?: string }) {
      const row = await learnedRow(orgId, id);
      const [updated] = await db
        .update(learnedAnswers)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(learnedAnswers.id, row.id))
        .returning();
      if (updated.status === 'active') await activateLearned(updated, null);
      await publishLearned(orgId, id);
      return learnedView(orgId, id);
    },

    async approveLearned(orgId: string, id: string, memberId: string) {
      const row = await learnedRow(orgId, id);
      if (row.status !== 'active') await activateLearned(row, memberId);
      await publishLearned(orgId, id);
      return learnedView(orgId, id);
    },

    async dismissLearned(orgId: string, id: string) {
      const row = await learnedRow(orgId, id);
      await deactivateLearned(row);
      await db
        .update(learnedAnswers)
        .set({ status: 'dismissed', documentId: null, updatedAt: new Date() })
        .where(eq(learnedAnswers.id, row.id));
      await publishLearned(orgId, id);
      return learnedView(orgId, id);
    },

    async deleteLearned(orgId: string, id: string) {
      const row = await learnedRow(orgId, id);
      await deactivateLearned(row);
      await db.delete(learnedAnswers).where(eq(learnedAnswers.id, row.id));
      await publishLearned(orgId, id);
    },
  };
}

export function learnedContent(question: string, answer: string): string {
  return `Pergunta: ${question}\nResposta: ${answer}`;
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
