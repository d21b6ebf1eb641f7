import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { MEMORY_DATA_DIR } from '../db/embedded.ts';
import { startPlatform } from '../platform/platform.ts';

/** Which database the integration tests run on: the embedded PGlite or the local PostgreSQL. */
export const testDbKind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const TEST_APP_URL = 'http://localhost:3000';

/** A fresh database per test file: a new in-memory PGlite, or a new database on the server. */
export async function createTestDatabase(
  kind: 'pglite' | 'postgres' = testDbKind,
): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { url: undefined, drop: async () => {} };
  const name = `piloto_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startTestApp(env: Record<string, string | undefined> = {}) {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: MEMORY_DATA_DIR,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '5',
    APP_URL: TEST_APP_URL,
    WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const platform = await startPlatform(config, logger);
  await platform.startWorkers();
  const app = await buildApp(platform);
  await app.ready();
  return {
    app,
    platform,
    config,
    async close() {
      await app.close();
      await platform.stop();
      await database.drop();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
