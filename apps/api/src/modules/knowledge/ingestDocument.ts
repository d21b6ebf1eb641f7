import { and, eq, sql } from 'drizzle-orm';
import type { Job } from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { knowledgeChunks, knowledgeDocuments, knowledgeLexemes } from '../../db/schema/index.ts';
import type { HttpClient } from '../../platform/httpClient.ts';
import { urlFetchProblem } from '../../platform/publicUrl.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { Storage } from '../../platform/storage.ts';
import type { AgentsService } from '../agents/service.ts';
import { chunkDocument } from './chunkDocument.ts';
import type { EmbedderFactory } from './embeddings.ts';
import { extractDocument } from './extract/extractDocument.ts';
import { extractHtml } from './extract/extractHtml.ts';
import { KnowledgeFileError } from './extract/knowledgeFileError.ts';

const EMBED_BATCH = 64;
const MAX_URL_BYTES = 25 * 1024 * 1024;
const INSERT_BATCH = 200;
const MAX_REDIRECTS = 5;

type Chunk = { ord: number; heading: string | null; text: string; page?: number };

/**
 * The `knowledge.ingest` job: extract the text, chunk it by structure, embed it (when the company has
 * an embedding model) and swap the document's chunks in one transaction. A job for an older revision
 * (the document was edited or re-indexed meanwhile) does nothing. Bad files fail at once with a clear
 * message; a failing embedding model is retried, and on the last attempt the document is indexed for
 * full-text search only, so nothing is lost.
 */
export function createDocumentIngestion(deps: {
  db: Db;
  bus: EventBus;
  storage: Storage;
  http: HttpClient;
  agents: AgentsService;
  embedders: EmbedderFactory;
  logger: Logger;
  retryLimit: number;
  /** Pages on private networks may be imported (see ALLOW_PRIVATE_URLS). */
  allowPrivateUrls: boolean;
}) {
  const { db, bus, logger } = deps;

  async function current(documentId: string, revision: number) {
    const [row] = await db
      .select()
      .from(knowledgeDocuments)
      .where(and(eq(knowledgeDocuments.id, documentId), eq(knowledgeDocuments.revision, revision)));
    return row ?? null;
  }

  async function setProgress(row: typeof knowledgeDocuments.$inferSelect, values: Partial<typeof row>) {
    await db
      .update(knowledgeDocuments)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(knowledgeDocuments.id, row.id), eq(knowledgeDocuments.revision, row.revision)));
    await bus.publish(`org:${row.orgId}`, { type: 'knowledge.updated', documentId: row.id });
  }

  async function chunksOf(row: typeof knowledgeDocuments.$inferSelect): Promise<{
    chunks: Chunk[];
    format: string;
    pages: number | null;
  }> {
    if (row.sourceType === 'learned') {
      // A question and its answer stay together: one chunk.
      return {
        chunks: [{ ord: 0, heading: row.title, text: row.content ?? '' }],
        format: 'text',
        pages: null,
      };
    }
    if (row.sourceType === 'text') {
      const doc = await extractDocument({
        bytes: Buffer.from(row.content ?? '', 'utf8'),
        fileName: `${row.title}.md`,
        mimeType: 'text/markdown',
      });
      return { chunks: chunkDocument(doc), format: 'markdown', pages: null };
    }
    if (row.sourceType === 'url') {
      const { bytes, contentType } = await fetchPage(row.url!);
      const fileName = new URL(row.url!).pathname.split('/').pop() || 'pagina.html';
      const doc = /html/i.test(contentType)
        ? { format: 'html' as const, ...extractHtml(bytes.toString('utf8')) }
        : await extractDocument({ bytes, fileName, mimeType: contentType });
      return {
        chunks: chunkDocument(doc),
        format: doc.format,
        pages: 'pages' in doc ? (doc.pages ?? null) : null,
      };
    }
    const bytes = await deps.storage.get(row.storageKey!);
    const doc = await extractDocument({
      bytes,
      fileName: row.fileName ?? 'arquivo',
      mimeType: row.mimeType ?? undefined,
    });
    return { chunks: chunkDocument(doc), format: doc.format, pages: doc.pages ?? null };
  }

  /** A user-given URL: every hop (redirects included) must lead to an address we may fetch. */
  async function fetchPage(start: string): Promise<{ bytes: Buffer; contentType: string }> {
    let url = start;
    let res: Awaited<ReturnType<HttpClient['request']>> | undefined;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const problem = await urlFetchProblem(url, { allowPrivate: deps.allowPrivateUrls });
      if (problem) throw new KnowledgeFileError('unreachable', problem);
      res = await deps.http.request('knowledge-url', {
        url,
        headers: { 'user-agent': 'PilotoDeVendas.IA/1.0 (+importacao de base de conhecimento)' },
        timeoutMs: 20_000,
        redirect: 'manual',
      });
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location) break;
      url = new URL(location, url).toString();
      res = undefined;
    }
    if (!res) throw new KnowledgeFileError('unreachable', 'A página redireciona vezes demais.');
    if (res.status >= 400) {
      throw new KnowledgeFileError(
        'unreachable',
        `A página respondeu com erro ${res.status}. Confira o endereço e se ela é pública.`,
      );
    }
    if (res.body.length > MAX_URL_BYTES)
      throw new KnowledgeFileError('too_big', 'A página é grande demais para importar (máx. 25 MB).');
    return { bytes: res.body, contentType: res.headers.get('content-type') ?? 'text/html' };
  }

  return async function ingestDocument(
    data: { documentId: string; revision: number },
    job: Pick<Job, 'retryCount'>,
  ): Promise<void> {
    const row = await current(data.documentId, data.revision);
    if (!row) return; // deleted, or a newer revision took over
    const lastAttempt = job.retryCount >= deps.retryLimit;
    await setProgress(row, { status: 'processing', progress: 5, error: null });

    let extracted: Awaited<ReturnType<typeof chunksOf>>;
    try {
      extracted = await chunksOf(row);
    } catch (error) {
      if (error instanceof KnowledgeFileError || lastAttempt) {
        const message =
          error instanceof KnowledgeFileError
            ? error.message
            : 'Não foi possível ler o documento. Tente reindexar; se continuar, envie outro formato.';
        logger.warn({ err: error, documentId: row.id }, 'knowledge document rejected');
        await setProgress(row, {
          status: 'failed',
          progress: 0,
          error: { code: error instanceof KnowledgeFileError ? error.code : 'extraction_failed', message },
        });
        return;
      }
      throw error;
    }
    const { chunks } = extracted;
    if (!chunks.length) {
      await setProgress(row, {
        status: 'failed',
        progress: 0,
        error: { code: 'empty', message: 'Não encontramos texto neste documento.' },
      });
      return;
    }
    await setProgress(row, { progress: 20, format: extracted.format, pages: extracted.pages });

    // Embeddings, when the company has a model; on its last attempt, full-text only rather than nothing.
    const { keys, models } = await deps.agents.aiOf(row.orgId);
    const embedder = deps.embedders(models.embeddings, keys);
    let vectors: number[][] | null = null;
    let warning: { code: string; message: string } | null = null;
    if (embedder) {
      try {
        vectors = [];
        for (let i = 0; i < chunks.length; i += EMBED_BATCH) {
          const batch = chunks.slice(i, i + EMBED_BATCH);
          vectors.push(...(await embedder.embed(batch.map((c) => embeddingText(row.title, c)))));
          await setProgress(row, { progress: 20 + Math.round((70 * (i + batch.length)) / chunks.length) });
        }
      } catch (error) {
        if (!lastAttempt) throw error;
        logger.warn({ err: error, documentId: row.id }, 'embeddings failed; indexing for full-text only');
        vectors = null;
        warning = {
          code: 'embeddings_failed',
          message:
            'Indexado só para busca por palavras: o modelo de embeddings falhou. Reindexe quando ele voltar.',
        };
      }
    }

    const swapped = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ revision: knowledgeDocuments.revision })
        .from(knowledgeDocuments)
        .where(eq(knowledgeDocuments.id, row.id))
        .for('update');
      if (locked?.revision !== row.revision) return false;
      await tx.delete(knowledgeChunks).where(eq(knowledgeChunks.documentId, row.id));
      for (let i = 0; i < chunks.length; i += INSERT_BATCH) {
        await tx.insert(knowledgeChunks).values(
          chunks.slice(i, i + INSERT_BATCH).map((c, j) => ({
            orgId: row.orgId,
            documentId: row.id,
            collectionId: row.collectionId,
            ord: c.ord,
            heading: c.heading,
            text: c.text,
            page: c.page ?? null,
            embedding: vectors?.[i + j] ?? null,
            embeddingModel: vectors ? embedder!.model : null,
          })),
        );
      }
      await tx.delete(knowledgeLexemes).where(eq(knowledgeLexemes.documentId, row.id));
      await tx.execute(sql`
        insert into knowledge_lexemes (org_id, lexeme, document_id)
        select distinct c.org_id, l.lexeme, c.document_id
        from knowledge_chunks c, unnest(tsvector_to_array(c.tsv)) as l(lexeme)
        where c.document_id = ${row.id}`);
      await tx
        .update(knowledgeDocuments)
        .set({
          status: 'ready',
          progress: 100,
          error: warning,
          chunkCount: chunks.length,
          indexedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(knowledgeDocuments.id, row.id));
      return true;
    });
    if (swapped) await bus.publish(`org:${row.orgId}`, { type: 'knowledge.updated', documentId: row.id });
  };
}

/** The document's title travels with each chunk into its vector: "Garantia" means more with context. */
function embeddingText(title: string, chunk: Chunk): string {
  return [title, chunk.heading, chunk.text].filter(Boolean).join('\n');
}
