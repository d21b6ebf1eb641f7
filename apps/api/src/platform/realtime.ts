import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';

export type RealtimeEvent = { topic: string; payload: unknown };
export type EventListener = (event: RealtimeEvent) => void;

/**
 * Real-time fan-out (new messages, statuses, assignments) to every server instance.
 * Topics are scoped by the publisher, e.g. `org:<orgId>`. Payloads stay small (ids, not bodies):
 * NOTIFY carries at most 8000 bytes.
 */
export type EventBus = {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, listener: EventListener): () => void;
  close(): Promise<void>;
};

const CHANNEL = 'piloto_events';
export const MAX_EVENT_BYTES = 7900;

/** One process (embedded PGlite, where LISTEN does not cross connections): an in-process emitter. */
export function createInProcessEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(topic, payload) {
      assertSmall(topic, payload);
      emitter.emit(topic, { topic, payload });
    },
    subscribe(topic, listener) {
      emitter.on(topic, listener);
      return () => emitter.off(topic, listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/** Several instances on a real PostgreSQL: LISTEN/NOTIFY on one channel, dispatched by topic. */
export async function createPostgresEventBus(
  connectionString: string,
  pool: pg.Pool,
  logger: Logger,
): Promise<EventBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let closed = false;
  let listener: pg.Client | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString, application_name: 'piloto-events' });
    client.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        const event = JSON.parse(msg.payload) as RealtimeEvent;
        emitter.emit(event.topic, event);
      } catch (error) {
        logger.error({ err: error }, 'malformed realtime event');
      }
    });
    client.on('error', (error) => {
      logger.warn({ err: error }, 'realtime listener lost its connection; reconnecting');
      client.end().catch(() => {});
      if (!closed) setTimeout(() => connect().catch(() => {}), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };
  await connect();

  return {
    async publish(topic, payload) {
      const text = assertSmall(topic, payload);
      await pool.query('select pg_notify($1, $2)', [CHANNEL, text]);
    },
    subscribe(topic, fn) {
      emitter.on(topic, fn);
      return () => emitter.off(topic, fn);
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      await listener?.end().catch(() => {});
    },
  };
}

function assertSmall(topic: string, payload: unknown): string {
  const text = JSON.stringify({ topic, payload });
  if (Buffer.byteLength(text) > MAX_EVENT_BYTES) {
    throw new Error(`realtime event on ${topic} is too large; publish ids and let clients fetch`);
  }
  return text;
}
