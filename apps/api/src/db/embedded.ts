import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { AppError } from '../platform/errors.ts';

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

export const MEMORY_DATA_DIR = 'memory://';

/**
 * Embedded PostgreSQL (PGlite) served on a loopback socket, so the app, pg-boss, better-auth and
 * LangGraph all speak node-postgres exactly as they do against Cloud SQL (STACK-NOTES.md).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  maxConnections: number,
): Promise<EmbeddedPostgres> {
  const inMemory = dataDir === MEMORY_DATA_DIR;
  const pgDir = inMemory ? MEMORY_DATA_DIR : path.join(dataDir, 'pg');
  const releaseLock = inMemory ? () => {} : takeDataDirLock(dataDir);
  try {
    if (!inMemory) fs.mkdirSync(pgDir, { recursive: true });
    const pglite = await PGlite.create(pgDir, { extensions: { vector, unaccent } });
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const conn = server.getServerConn(); // "127.0.0.1:PORT"
    return {
      url: `postgres://postgres@${conn}/postgres?sslmode=disable`,
      stop: async () => {
        await server.stop();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite has no lock of its own and two processes on one directory lose writes silently,
 * so the directory is claimed with a pid file created exclusively.
 */
export function takeDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'pg.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new AppError(
          409,
          'DATA_DIR_IN_USE',
          `O diretório de dados ${dataDir} já está em uso pelo processo ${holder}. ` +
            'Pare a outra instância ou use outro DATA_DIR (ou defina DATABASE_URL para um PostgreSQL).',
        );
      }
      // The previous owner died without cleaning up: the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError(409, 'DATA_DIR_IN_USE', `Não foi possível reservar o diretório de dados ${dataDir}`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
