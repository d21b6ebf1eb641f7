import type { SQL } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Database = {
  /** Connection string every library (pg-boss, event bus) connects with. */
  url: string;
  embedded: boolean;
  pool: pg.Pool;
  db: Db;
  close: () => Promise<void>;
};

/** Extra connections beyond the app pool: pg-boss's pool and the LISTEN client. */
const SIDE_CONNECTIONS = 12;

export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_MAX'>,
): Promise<Database> {
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres(config.DATA_DIR, config.DATABASE_POOL_MAX + SIDE_CONNECTIONS);
  const url = config.DATABASE_URL ?? embedded!.url;
  const pool = new pg.Pool({ connectionString: url, max: config.DATABASE_POOL_MAX });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  if (embedded) sharedSession.add(db);
  return {
    url,
    embedded: Boolean(embedded),
    pool,
    db,
    close: async () => {
      await pool.end();
      await embedded?.stop();
    },
  };
}

const dialect = new PgDialect();
/** Embedded PGlite serves every pooled connection from one session: named statements would collide. */
const sharedSession = new WeakSet<Db>();

/**
 * The name for a hot statement prepared once per connection (parsed and planned once: planning a
 * statement with several subqueries costs more than running it). One name per statement text; none
 * on embedded PGlite, whose connections share one session.
 */
export function statementName(db: Db, name: string): string {
  return sharedSession.has(db) ? '' : name;
}

/** A hot statement, run as a named prepared statement (see statementName). */
export async function queryPrepared<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const { rows } = await db.$client.query({
    name: statementName(db, name) || undefined,
    text,
    values: params,
  });
  return rows as T[];
}
