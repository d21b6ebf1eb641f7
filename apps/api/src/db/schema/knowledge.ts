import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  vector,
} from 'drizzle-orm/pg-core';
import { orgIdColumn } from './channels.ts';

/**
 * Embeddings are stored at one width so one HNSW index serves every model: models with fewer
 * dimensions are zero-padded (cosine distance is unchanged by zero padding); wider ones are asked
 * for this many dimensions (OpenAI text-embedding-3, Gemini embedding support it).
 */
export const EMBEDDING_DIMENSIONS = 1536;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A named set of documents an agent can be given (empty list on the agent = all of them). */
export const knowledgeCollections = pgTable(
  'knowledge_collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** 'learned' holds the answers the team taught the AI (one per company, created on demand). */
    kind: text('kind').$type<'documents' | 'learned'>().notNull().default('documents'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_collections_org_idx').on(t.orgId),
    uniqueIndex('knowledge_collections_learned_uq').on(t.orgId).where(sql`${t.kind} = 'learned'`),
  ],
);

export type KnowledgeDocumentError = { code: string; message: string };

export const knowledgeDocuments = pgTable(
  'knowledge_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => knowledgeCollections.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    sourceType: text('source_type').$type<'file' | 'url' | 'text' | 'learned'>().notNull(),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    storageKey: text('storage_key'),
    url: text('url'),
    /** The text itself for typed-in documents and learned answers (editable in the app). */
    content: text('content'),
    status: text('status').$type<'queued' | 'processing' | 'ready' | 'failed'>().notNull().default('queued'),
    /** 0–100 while processing. */
    progress: integer('progress').notNull().default(0),
    error: jsonb('error').$type<KnowledgeDocumentError>(),
    format: text('format'),
    pages: integer('pages'),
    chunkCount: integer('chunk_count').notNull().default(0),
    /** Bumped on every re-index, so a stale ingestion job does not overwrite a newer one. */
    revision: integer('revision').notNull().default(1),
    createdByMemberId: uuid('created_by_member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }),
  },
  (t) => [
    index('knowledge_documents_org_idx').on(t.orgId, t.createdAt),
    index('knowledge_documents_collection_idx').on(t.collectionId),
  ],
);

export const knowledgeChunks = pgTable(
  'knowledge_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
    collectionId: uuid('collection_id').notNull(),
    ord: integer('ord').notNull(),
    heading: text('heading'),
    text: text('text').notNull(),
    page: integer('page'),
    embedding: vector('embedding', { dimensions: EMBEDDING_DIMENSIONS }),
    /** "provider:model" that produced the embedding: vectors of different models are not compared. */
    embeddingModel: text('embedding_model'),
    /**
     * Both Portuguese stemmings: 'portuguese' stems accented words right ("instalação" ~ "instalar"),
     * 'pt_unaccent' matches leads who type without accents ("instalacao").
     */
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector('portuguese'::regconfig, coalesce(heading, '') || ' ' || text) || to_tsvector('pt_unaccent'::regconfig, coalesce(heading, '') || ' ' || text)`,
      ),
  },
  (t) => [
    index('knowledge_chunks_document_idx').on(t.documentId, t.ord),
    index('knowledge_chunks_org_idx').on(t.orgId, t.collectionId),
    index('knowledge_chunks_tsv_idx').using('gin', t.tsv),
    index('knowledge_chunks_embedding_idx').using('hnsw', t.embedding.op('vector_cosine_ops')),
  ],
);

/**
 * Which words (stemmed lexemes, both configurations) each document uses: lets a search tell in a
 * millisecond which of a question's words the company's texts contain at all ("vcs", typos do not).
 */
export const knowledgeLexemes = pgTable(
  'knowledge_lexemes',
  {
    orgId: orgIdColumn(),
    lexeme: text('lexeme').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.lexeme, t.documentId] }),
    index('knowledge_lexemes_document_idx').on(t.documentId),
  ],
);

/**
 * What the team taught the AI: a question it could not answer and the answer a seller gave (or a
 * copilot suggestion a seller rewrote). Active ones live as a document in the "learned" collection.
 */
export const learnedAnswers = pgTable(
  'learned_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    status: text('status').$type<'proposed' | 'active' | 'dismissed'>().notNull().default('proposed'),
    source: text('source').$type<'question' | 'copilot_edit' | 'manual'>().notNull(),
    questionId: uuid('question_id'),
    suggestionId: uuid('suggestion_id'),
    documentId: uuid('document_id'),
    createdByMemberId: uuid('created_by_member_id'),
    approvedByMemberId: uuid('approved_by_member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('learned_answers_org_status_idx').on(t.orgId, t.status, t.createdAt)],
);
