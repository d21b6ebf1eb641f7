// npm run bench:rag — hybrid knowledge search over 100,000 chunks on real PostgreSQL (pgvector HNSW +
// Portuguese full-text), next to full-text-only and vector-only searches measured in the same run;
// then the ingestion rate of a 100-page PDF (extract + chunk + embed + store).
//
// Target (issue #6): hybrid search p95 < 50 ms over 100k chunks.
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { runMigrations } from '../apps/api/src/db/migrate.ts';
import * as schema from '../apps/api/src/db/schema/index.ts';
import { EMBEDDING_DIMENSIONS } from '../apps/api/src/db/schema/index.ts';
import { chunkDocument } from '../apps/api/src/modules/knowledge/chunkDocument.ts';
import { extractDocument } from '../apps/api/src/modules/knowledge/extract/extractDocument.ts';
import { hybridSearch } from '../apps/api/src/modules/knowledge/hybridSearch.ts';
import { createTestDatabase } from '../apps/api/src/testing/harness.ts';
import { makePdf } from '../packages/testkit/src/index.ts';
import { embeddingVector } from '../packages/testkit/src/openai/embeddingVector.ts';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95) - 1] ?? Number.NaN;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// A Portuguese small-business vocabulary: chunks and questions are drawn from it, so both retrievers
// have real work (many matches per term) rather than unique tokens.
const TOPICS = [
  'preço',
  'parcelamento',
  'cartão de crédito',
  'boleto',
  'Pix',
  'desconto',
  'garantia',
  'troca',
  'devolução',
  'entrega',
  'frete',
  'instalação',
  'manutenção',
  'assistência técnica',
  'prazo',
  'orçamento',
  'visita técnica',
  'financiamento',
  'contrato',
  'nota fiscal',
  'agendamento',
  'horário de atendimento',
  'endereço',
  'estoque',
  'catálogo',
  'tamanho',
  'cor',
  'modelo',
  'voltagem',
  'potência',
  'consumo',
  'economia',
  'bateria',
  'inversor',
  'painel solar',
  'telhado',
  'projeto',
  'homologação',
  'concessionária',
  'conta de luz',
  'plano mensal',
  'mensalidade',
  'matrícula',
  'consulta',
  'exame',
  'retorno',
  'convênio',
  'reembolso',
  'cancelamento',
  'multa',
];
const FILLER =
  'o cliente pode solicitar pelo WhatsApp e nossa equipe responde em horário comercial com todas as condições'.split(
    ' ',
  );

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function chunkText(random: () => number): { heading: string; text: string } {
  const pick = () => TOPICS[Math.floor(random() * TOPICS.length)];
  const heading = `${pick()} e ${pick()}`;
  const sentences: string[] = [];
  for (let i = 0; i < 6; i++) {
    const words = [
      pick(),
      ...FILLER.slice(0, 4 + Math.floor(random() * 10)),
      pick(),
      `${Math.floor(random() * 90) + 10}`,
    ];
    sentences.push(`${words.join(' ')}.`);
  }
  return { heading, text: sentences.join(' ') };
}

async function seed(pool: pg.Pool, orgId: string, collectionId: string) {
  const random = rng(42);
  const documents = 1000;
  const docIds: string[] = [];
  for (let d = 0; d < documents; d++) {
    const id = randomUUID();
    docIds.push(id);
    await pool.query(
      `insert into knowledge_documents (id, org_id, collection_id, title, source_type, status, progress)
       values ($1, $2, $3, $4, 'text', 'ready', 100)`,
      [id, orgId, collectionId, `Documento ${d}`],
    );
  }
  const batch = 500;
  for (let start = 0; start < CHUNKS; start += batch) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let i = start; i < Math.min(CHUNKS, start + batch); i++) {
      const { heading, text } = chunkText(random);
      const vector = embeddingVector(`${heading}\n${text}`, EMBEDDING_DIMENSIONS);
      const n = values.length;
      rows.push(
        `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}::vector, 'bench:hash')`,
      );
      values.push(orgId, docIds[i % documents], collectionId, i, heading, text, JSON.stringify(vector));
    }
    await pool.query(
      `insert into knowledge_chunks (org_id, document_id, collection_id, ord, heading, text, embedding, embedding_model)
       values ${rows.join(',')}`,
      values,
    );
    if ((start / batch) % 20 === 0) process.stdout.write(`\r  ${start + batch} trechos inseridos`);
  }
  process.stdout.write('\n');
}

async function main() {
  // BENCH_DB_URL reuses a database seeded by an earlier run (with BENCH_KEEP_DB=1): no 3-minute load.
  const reuse = process.env.BENCH_DB_URL;
  const created = reuse ? { url: reuse, drop: async () => {} } : await createTestDatabase('postgres');
  const pool = new pg.Pool({ connectionString: created.url, max: 4 });
  try {
    await runMigrations(pool);
    const db = drizzle(pool, { schema });
    const seeded = await pool.query<{ org_id: string; collection_id: string }>(
      'select org_id, collection_id from knowledge_chunks limit 1',
    );
    let orgId: string;
    let collectionId: string;
    let t0 = performance.now();
    if (reuse && seeded.rows.length) {
      ({ org_id: orgId, collection_id: collectionId } = seeded.rows[0]);
      console.log('Usando o banco já semeado.');
    } else {
      orgId = randomUUID();
      await pool.query("insert into orgs (id, name, business_hours) values ($1, 'Bench', '{}')", [orgId]);
      collectionId = randomUUID();
      await pool.query("insert into knowledge_collections (id, org_id, name) values ($1, $2, 'Bench')", [
        collectionId,
        orgId,
      ]);
      console.log(`Semeando ${CHUNKS} trechos com embeddings de ${EMBEDDING_DIMENSIONS} dimensões...`);
      // Bulk load without the HNSW index, then build it once (how a real backfill is done).
      await pool.query('drop index if exists knowledge_chunks_embedding_idx');
      await seed(pool, orgId, collectionId);
      await pool.query("set maintenance_work_mem = '1GB'");
      await pool.query(
        'create index knowledge_chunks_embedding_idx on knowledge_chunks using hnsw (embedding vector_cosine_ops)',
      );
      console.log(`  carga + índices em ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // What ingestion writes beside the chunks (the seed inserts chunks directly).
    await pool.query(`insert into knowledge_lexemes (org_id, lexeme, document_id)
      select distinct c.org_id, l.lexeme, c.document_id
      from knowledge_chunks c, unnest(tsvector_to_array(c.tsv)) as l(lexeme)
      on conflict do nothing`);
    await pool.query('analyze knowledge_chunks');
    await pool.query('analyze knowledge_lexemes');

    const random = rng(7);
    const questions = Array.from({ length: QUERIES }, () => {
      const a = TOPICS[Math.floor(random() * TOPICS.length)];
      const b = TOPICS[Math.floor(random() * TOPICS.length)];
      return `vcs tem ${a} com ${b}? qual o prazo`;
    });
    const run = async (mode: 'hybrid' | 'fulltext' | 'vector') => {
      const times: number[] = [];
      for (const query of questions) {
        const vector = { values: embeddingVector(query, EMBEDDING_DIMENSIONS), model: 'bench:hash' };
        const started = performance.now();
        const results = await hybridSearch(db, {
          orgId,
          query: mode === 'vector' ? '' : query,
          collectionIds: null,
          limit: 5,
          vector: mode === 'fulltext' ? null : vector,
        });
        times.push(performance.now() - started);
        if (!results.length) throw new Error(`no results for "${query}" (${mode})`);
      }
      return times;
    };
    await run('hybrid'); // warm the caches
    const fulltext = await run('fulltext');
    const vector = await run('vector');
    const hybrid = await run('hybrid');
    const fmt = (xs: number[]) => `p50 ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms`;
    console.log(`\nBusca sobre ${CHUNKS} trechos (${QUERIES} perguntas):`);
    console.log(`  só palavras (linha de base): ${fmt(fulltext)}`);
    console.log(`  só vetores:                  ${fmt(vector)}`);
    console.log(`  híbrida (RRF):               ${fmt(hybrid)}`);
    console.log(
      `  razão híbrida/só palavras (p95): ${(p95(hybrid) / p95(fulltext)).toFixed(2)}× · meta p95 < 50 ms: ${
        p95(hybrid) < 50 ? 'OK' : 'NÃO ATINGIDA'
      }`,
    );

    // Ingestion of a 100-page PDF: extract, chunk, embed (in-process stand-in model), store.
    const pages = Array.from({ length: 100 }, (_, i) => ({
      heading: `Capítulo ${i + 1}`,
      paragraphs: Array.from({ length: 6 }, () => chunkText(random).text),
    }));
    const pdf = await makePdf({ pages });
    t0 = performance.now();
    const doc = await extractDocument({ bytes: pdf, fileName: 'manual.pdf', mimeType: 'application/pdf' });
    const tExtract = performance.now() - t0;
    const chunks = chunkDocument(doc);
    const tChunk = performance.now() - t0 - tExtract;
    const documentId = randomUUID();
    await pool.query(
      `insert into knowledge_documents (id, org_id, collection_id, title, source_type, status) values ($1, $2, $3, 'Manual', 'file', 'processing')`,
      [documentId, orgId, collectionId],
    );
    const t1 = performance.now();
    const vectors = chunks.map((c) => embeddingVector(c.text, EMBEDDING_DIMENSIONS));
    const tEmbed = performance.now() - t1;
    for (let i = 0; i < chunks.length; i += 200) {
      const slice = chunks.slice(i, i + 200);
      await db.insert(schema.knowledgeChunks).values(
        slice.map((c, j) => ({
          orgId,
          documentId,
          collectionId,
          ord: c.ord,
          heading: c.heading,
          text: c.text,
          page: c.page ?? null,
          embedding: vectors[i + j],
          embeddingModel: 'bench:hash',
        })),
      );
    }
    const tStore = performance.now() - t1 - tEmbed;
    const total = performance.now() - t0;
    console.log(
      `\nPDF de 100 páginas (${(pdf.length / 1024).toFixed(0)} KB): ${chunks.length} trechos em ${(total / 1000).toFixed(2)} s — ${(
        100 / (total / 1000)
      ).toFixed(
        0,
      )} páginas/s (extração ${tExtract.toFixed(0)} ms, divisão ${tChunk.toFixed(0)} ms, embeddings ${tEmbed.toFixed(0)} ms, gravação com índices HNSW e GIN ${tStore.toFixed(0)} ms; um modelo de embeddings real soma a latência dele)`,
    );
  } finally {
    await pool.end();
    // BENCH_KEEP_DB=1 leaves the seeded database for EXPLAIN ANALYZE sessions.
    if (process.env.BENCH_KEEP_DB) console.log(`banco mantido: ${created.url}`);
    else await created.drop();
  }
}

await main();
