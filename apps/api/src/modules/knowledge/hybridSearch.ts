import type { KnowledgeSearchResult } from '@piloto/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Reciprocal rank fusion constant (the usual 60: rank differences deep in a list matter little). */
const RRF_K = 60;
/** How many candidates each retriever contributes before fusion. */
const CANDIDATES = 40;
/** How many "any word" matches are ranked at most (see below). */
const LOOSE_CANDIDATES = 3000;

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
  // The question's words, stemmed both ways (as the index is), stop words dropped. Chunks with every word
  // the company's texts use at all ("vcs" or a typo do not count) rank first; when they are few, chunks
  // with any of the words follow — at most LOOSE_CANDIDATES of those are ranked, so common words cannot
  // make one search rank a whole corpus.
  const terms = sql`
    with lexemes as (
      select cfg, lexeme
      from unnest(array['portuguese', 'pt_unaccent']) as cfg,
        lateral unnest(tsvector_to_array(to_tsvector(cfg::regconfig, ${q.query}))) as lexeme
    ),
    known as (
      select l.cfg, l.lexeme from lexemes l
      where exists (
        select 1 from knowledge_chunks c
        where c.org_id = ${q.orgId} and c.tsv @@ quote_literal(l.lexeme)::tsquery ${inCollections}
      )
    ),
    q as (
      select
        (select nullif(string_agg('(' || words || ')', ' | '), '')::tsquery
          from (select string_agg(quote_literal(lexeme), ' & ') as words from known group by cfg) k) as every_word,
        (select nullif(string_agg(distinct quote_literal(lexeme), ' | '), '')::tsquery from lexemes) as any_word
    )`;
  const fulltext = (async () => {
    const strict = await db.execute<Row>(sql`${terms}
      select c.id as chunk_id, c.document_id, d.title as document_title, c.collection_id, c.heading, c.text, c.page
      from knowledge_chunks c
      join knowledge_documents d on d.id = c.document_id
      cross join q
      where c.org_id = ${q.orgId} and q.every_word is not null and c.tsv @@ q.every_word ${inCollections}
      order by ts_rank_cd(c.tsv, q.every_word, 1) desc, c.id
      limit ${CANDIDATES}`);
    if (strict.rows.length >= CANDIDATES) return strict.rows;
    const loose = await db.execute<Row>(sql`${terms}
      select c.id as chunk_id, c.document_id, d.title as document_title, c.collection_id, c.heading, c.text, c.page
      from (
        select c.* from knowledge_chunks c cross join q
        where c.org_id = ${q.orgId} and q.any_word is not null and c.tsv @@ q.any_word ${inCollections}
        limit ${LOOSE_CANDIDATES}
      ) c
      join knowledge_documents d on d.id = c.document_id
      cross join q
      order by ts_rank_cd(c.tsv, q.any_word, 1) desc, c.id
      limit ${CANDIDATES}`);
    const seen = new Set(strict.rows.map((r) => r.chunk_id));
    return [...strict.rows, ...loose.rows.filter((r) => !seen.has(r.chunk_id))].slice(0, CANDIDATES);
  })();
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
  add(ft, 'fulltext');
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
