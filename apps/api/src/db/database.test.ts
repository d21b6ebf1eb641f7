import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testDbKind } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe(`database (${testDbKind})`, () => {
  it('has pgvector with cosine distance and an HNSW index', async () => {
    const { db } = t.platform;
    await db.execute(sql`create temporary table probe_vectors (id int, embedding vector(3))`);
    await db.execute(sql`create index on probe_vectors using hnsw (embedding vector_cosine_ops)`);
    await db.execute(
      sql`insert into probe_vectors values (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.9,0.1,0]')`,
    );
    const rows = await db.execute<{ id: number }>(
      sql`select id from probe_vectors order by embedding <=> '[1,0,0]' limit 2`,
    );
    expect(rows.rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('searches Portuguese text by stem and without accents', async () => {
    const { db } = t.platform;
    const match = await db.execute<{ hit: boolean; stemmed: string }>(sql`
      select to_tsvector('pt_unaccent', 'Promoção de pães e cafés na padaria') @@ plainto_tsquery('pt_unaccent', 'promocao cafe') as hit,
             to_tsvector('portuguese', 'vendedores vendendo') :: text as stemmed`);
    expect(match.rows[0].hit).toBe(true);
    expect(match.rows[0].stemmed).toContain('vend');
    const miss = await db.execute<{ hit: boolean }>(
      sql`select to_tsvector('pt_unaccent', 'Entrega grátis') @@ plainto_tsquery('pt_unaccent', 'boleto') as hit`,
    );
    expect(miss.rows[0].hit).toBe(false);
  });

  it('applies migrations idempotently on every start', async () => {
    const { runMigrations } = await import('./migrate.ts');
    await runMigrations(t.platform.database.pool);
    const tables = await t.platform.db.execute<{ n: number }>(
      sql`select count(*)::int as n from information_schema.tables where table_name in ('users','orgs','members','invitations')`,
    );
    expect(tables.rows[0].n).toBe(4);
  });
});
