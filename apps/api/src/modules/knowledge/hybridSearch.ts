import type { KnowledgeSearchResult } from '@piloto/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Reciprocal rank fusion constant (the usual 60: rank differences deep in a list matter little). */
const RRF_K = 60;
/** How many candidates each retriever contributes before fusion. */
const CANDIDATES = 40;

type Row = {
  chunk_id: string;
  document_id: string;
  document_title: string;
  collection_id: string;
  heading: string | null;
  text: string;
  page: number | null;
};

/**
 * Hybrid retrieval over a company's chunks: Portuguese full-text search (unaccented, stemmed, any of the
 * query's words) and, when a query vector is given, pgvector cosine similarity — fused by reciprocal
 * rank. Without a vector it is full-text only.
 */
export async function hybridSearch(
  db: Db,
  q: {
    orgId: string;
    query: string;
    /** Restrict to these collections; null = all. */
    collectionIds: string[] | null;
    limit: number;
    vector?: { values: number[]; model: string } | null;
  },
): Promise<KnowledgeSearchResult[]> {
  const inCollections = q.collectionIds
    ? q.collectionIds.length
      ? sql`and c.collection_id in (${sql.join(
          q.collectionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`and false`
    : sql``;
  // plainto_tsquery drops stop words and stems (both configurations, as the index does); its AND becomes
  // OR so a chatty question still matches.
  const fulltext = db.execute<Row & { rank: number }>(sql`
    with q as (
      select nullif(concat_ws(' | ',
        nullif(replace(plainto_tsquery('portuguese', ${q.query})::text, '&', '|'), ''),
        nullif(replace(plainto_tsquery('pt_unaccent', ${q.query})::text, '&', '|'), '')
      ), '')::tsquery as query
    )
    select c.id as chunk_id, c.document_id, d.title as document_title, c.collection_id, c.heading, c.text, c.page,
           ts_rank_cd(c.tsv, q.query, 1) as rank
    from knowledge_chunks c
    join knowledge_documents d on d.id = c.document_id
    cross join q
    where c.org_id = ${q.orgId} and q.query is not null and c.tsv @@ q.query ${inCollections}
    order by rank desc, c.id
    limit ${CANDIDATES}`);
  const vector = q.vector
    ? db.execute<Row>(sql`
    select c.id as chunk_id, c.document_id, d.title as document_title, c.collection_id, c.heading, c.text, c.page
    from knowledge_chunks c
    join knowledge_documents d on d.id = c.document_id
    where c.org_id = ${q.orgId} and c.embedding_model = ${q.vector.model} ${inCollections}
    order by c.embedding <=> ${JSON.stringify(q.vector.values)}::vector
    limit ${CANDIDATES}`)
    : null;
  const [ft, vec] = await Promise.all([fulltext, vector]);

  const fused = new Map<string, { row: Row; score: number; matchedBy: Array<'fulltext' | 'vector'> }>();
  const add = (rows: Row[], by: 'fulltext' | 'vector') =>
    rows.forEach((row, index) => {
      const entry = fused.get(row.chunk_id) ?? { row, score: 0, matchedBy: [] };
      entry.score += 1 / (RRF_K + index + 1);
      entry.matchedBy.push(by);
      fused.set(row.chunk_id, entry);
    });
  add(ft.rows, 'fulltext');
  if (vec) add(vec.rows, 'vector');
  return [...fused.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, q.limit)
    .map(({ row, score, matchedBy }) => ({
      chunkId: row.chunk_id,
      documentId: row.document_id,
      documentTitle: row.document_title,
      collectionId: row.collection_id,
      heading: row.heading,
      text: row.text,
      page: row.page,
      score: Number(score.toFixed(5)),
      matchedBy,
    }));
}
