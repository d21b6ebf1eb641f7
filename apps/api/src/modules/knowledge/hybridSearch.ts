import type { KnowledgeSearchResult } from '@piloto/contracts';
import { type SQL, sql } from 'drizzle-orm';
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
  const fulltext = fullTextCandidates(db, q.orgId, q.query, inCollections);
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

/**
 * Full-text candidates. The question's words are stemmed both ways (as the index is), stop words
 * dropped. Chunks containing every word the company's texts use at all (a "vcs" or a typo that no
 * document has does not count) rank first; when they are few, chunks with any of the words follow —
 * at most LOOSE_CANDIDATES of those are ranked, so common words cannot make one search rank a corpus.
 * The queries go to the database as literals, so the planner sees how selective they are.
 */
async function fullTextCandidates(db: Db, orgId: string, query: string, inCollections: SQL): Promise<Row[]> {
  const words = await db.execute<{ cfg: string; lexeme: string; known: boolean }>(sql`
    select l.cfg, w.lexeme,
      exists (select 1 from knowledge_lexemes k where k.org_id = ${orgId} and k.lexeme = w.lexeme) as known
    from unnest(array['portuguese', 'pt_unaccent']) as l(cfg),
      lateral unnest(tsvector_to_array(to_tsvector(l.cfg::regconfig, ${query}))) as w(lexeme)`);
  const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const everyWord = ['portuguese', 'pt_unaccent']
    .map((cfg) => words.rows.filter((w) => w.cfg === cfg && w.known).map((w) => quote(w.lexeme)))
    .filter((known) => known.length)
    .map((known) => `(${known.join(' & ')})`)
    .join(' | ');
  const anyWord = [...new Set(words.rows.map((w) => quote(w.lexeme)))].join(' | ');
  if (!anyWord) return [];
  const columns = sql`c.id as chunk_id, c.document_id, d.title as document_title, c.collection_id, c.heading, c.text, c.page`;
  const strict = everyWord
    ? (
        await db.execute<Row>(sql`
          select ${columns}
          from knowledge_chunks c
          join knowledge_documents d on d.id = c.document_id
          where c.org_id = ${orgId} and c.tsv @@ ${everyWord}::tsquery ${inCollections}
          order by ts_rank_cd(c.tsv, ${everyWord}::tsquery, 1) desc, c.id
          limit ${CANDIDATES}`)
      ).rows
    : [];
  if (strict.length >= CANDIDATES) return strict;
  const loose = await db.execute<Row>(sql`
    select ${columns}
    from (
      select c.* from knowledge_chunks c
      where c.org_id = ${orgId} and c.tsv @@ ${anyWord}::tsquery ${inCollections}
      limit ${LOOSE_CANDIDATES}
    ) c
    join knowledge_documents d on d.id = c.document_id
    order by ts_rank_cd(c.tsv, ${anyWord}::tsquery, 1) desc, c.id
    limit ${CANDIDATES}`);
  const seen = new Set(strict.map((r) => r.chunk_id));
  return [...strict, ...loose.rows.filter((r) => !seen.has(r.chunk_id))].slice(0, CANDIDATES);
}
