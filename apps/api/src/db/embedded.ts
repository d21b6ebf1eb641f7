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
    keepExtendedQueriesWhole(server);
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

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  midQueryHandler?: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/**
 * PGlite has one backend session, and pglite-socket feeds it protocol messages one at a time from all
 * connections. It keeps transactions together, but not an extended query's Parse/Bind/Execute/Sync:
 * two connections' queries could interleave ("bind message supplies 1 parameters, but prepared
 * statement requires 8"). This keeps every message of one connection's query together until its Sync,
 * as a real server does per session.
 */
export function keepExtendedQueriesWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const originalClear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    if (queue.midQueryHandler === handlerId) queue.midQueryHandler = null;
    originalClear(handlerId);
  };
  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner =
          this.db.isInTransaction() && this.lastHandlerId !== null
            ? this.lastHandlerId
            : (this.midQueryHandler ?? null);
        const index = owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.midQueryHandler = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0];
        // Startup messages begin with a length (first byte 0); they never leave a query open.
        const ends = type === SYNC || type === SIMPLE_QUERY || type === TERMINATE || type === 0;
        this.midQueryHandler = ends ? null : item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }.bind(queue);
}
