import { z } from 'zod';

export const knowledgeCollectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** 'learned' is the collection of answers the team taught the AI. */
  kind: z.enum(['documents', 'learned']),
  documentCount: z.number(),
  createdAt: z.string(),
});
export type KnowledgeCollection = z.infer<typeof knowledgeCollectionSchema>;

export const knowledgeCollectionBodySchema = z.object({
  name: z.string().trim().min(2, 'Dê um nome à coleção').max(80),
  description: z.string().trim().max(500).default(''),
});

export const knowledgeDocumentStatusSchema = z.enum(['queued', 'processing', 'ready', 'failed']);

export const knowledgeDocumentSchema = z.object({
  id: z.string(),
  collectionId: z.string(),
  title: z.string(),
  sourceType: z.enum(['file', 'url', 'text', 'learned']),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  url: z.string().nullable(),
  /** Typed-in documents and learned answers: their text (editable). */
  content: z.string().nullable(),
  status: knowledgeDocumentStatusSchema,
  /** 0–100 while processing. */
  progress: z.number(),
  /** Why it failed, pt-BR (e.g. "O PDF está protegido por senha"). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  format: z.string().nullable(),
  pages: z.number().nullable(),
  chunkCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  indexedAt: z.string().nullable(),
});
export type KnowledgeDocument = z.infer<typeof knowledgeDocumentSchema>;

export const knowledgeTextDocumentBodySchema = z.object({
  collectionId: z.uuid(),
  title: z.string().trim().min(2, 'Dê um título ao documento').max(200),
  content: z.string().trim().min(1, 'Escreva o conteúdo').max(200_000),
});
export const knowledgeUrlDocumentBodySchema = z.object({
  collectionId: z.uuid(),
  url: z.url('Informe um endereço válido (https://...)'),
  title: z.string().trim().max(200).optional(),
});
export const knowledgeDocumentPatchSchema = z.object({
  title: z.string().trim().min(2).max(200).optional(),
  collectionId: z.uuid().optional(),
  /** Only for typed-in documents and learned answers. */
  content: z.string().trim().min(1).max(200_000).optional(),
});

export const knowledgeChunkSchema = z.object({
  id: z.string(),
  ord: z.number(),
  heading: z.string().nullable(),
  text: z.string(),
  page: z.number().nullable(),
});

export const knowledgeSearchBodySchema = z.object({
  query: z.string().trim().min(2, 'Escreva uma pergunta').max(500),
  /** Restrict to these collections (e.g. an agent's); empty = all. */
  collectionIds: z.array(z.uuid()).default([]),
  limit: z.number().int().min(1).max(20).default(5),
});
export const knowledgeSearchResultSchema = z.object({
  chunkId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  collectionId: z.string(),
  heading: z.string().nullable(),
  text: z.string(),
  page: z.number().nullable(),
  score: z.number(),
  /** Which retrievers found it. */
  matchedBy: z.array(z.enum(['fulltext', 'vector'])),
});
export type KnowledgeSearchResult = z.infer<typeof knowledgeSearchResultSchema>;
export const knowledgeSearchResponseSchema = z.object({
  /** 'fulltext' when no embedding model is configured (or it failed). */
  mode: z.enum(['hybrid', 'fulltext']),
  results: z.array(knowledgeSearchResultSchema),
  /** Why the search is full-text only, pt-BR; null in hybrid mode. */
  notice: z.string().nullable(),
});

export const learnedAnswerSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  status: z.enum(['proposed', 'active', 'dismissed']),
  source: z.enum(['question', 'copilot_edit', 'manual']),
  conversationId: z.string().nullable(),
  createdByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LearnedAnswer = z.infer<typeof learnedAnswerSchema>;
export const learnedAnswerBodySchema = z.object({
  question: z.string().trim().min(3, 'Escreva a pergunta').max(1000),
  answer: z.string().trim().min(1, 'Escreva a resposta').max(4000),
});

/** A seller answers the agent's question; by default the answer is also saved for future leads. */
export const questionAnswerBodySchema = z.object({
  answer: z.string().trim().min(1, 'Escreva a resposta').max(4000),
  saveForFuture: z.boolean().default(true),
  /** The question as it should be stored (the seller may rephrase it); default: the agent's. */
  learnedQuestion: z.string().trim().min(3).max(1000).optional(),
});
