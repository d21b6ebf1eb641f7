import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/harness.ts';
import {
  createInProcessEventBus,
  createPostgresEventBus,
  type EventBus,
  type RealtimeEvent,
} from './realtime.ts';

const logger = pino({ level: 'silent' });

function nextEvent(bus: EventBus, topic: string, ms = 5000): Promise<RealtimeEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no event on ${topic}`)), ms);
    const off = bus.subscribe(topic, (event) => {
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}

describe('in-process event bus (embedded mode)', () => {
  it('delivers to subscribers of the topic only, and stops after unsubscribe', async () => {
    const bus = createInProcessEventBus();
    const got: unknown[] = [];
    const off = bus.subscribe('org:a', (e) => got.push(e.payload));
    bus.subscribe('org:b', () => got.push('wrong topic'));
    await bus.publish('org:a', { messageId: 'm1' });
    off();
    await bus.publish('org:a', { messageId: 'm2' });
    expect(got).toEqual([{ messageId: 'm1' }]);
    await bus.close();
  });

  it('refuses payloads too large for NOTIFY, so both modes behave the same', async () => {
    const bus = createInProcessEventBus();
    await expect(bus.publish('org:a', { text: 'x'.repeat(9000) })).rejects.toThrow(/too large/);
  });
});

describe('PostgreSQL event bus (LISTEN/NOTIFY across instances)', () => {
  const enabled = process.env.TEST_DB === 'postgres';
  let url = '';
  let drop = async () => {};
  let pools: pg.Pool[] = [];
  let buses: EventBus[] = [];
  beforeAll(async () => {
    if (!enabled) return;
    const database = await createTestDatabase();
    url = database.url!;
    drop = database.drop;
  });
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    for (const pool of pools) await pool.end();
    await drop();
  });

  it.runIf(enabled)('an event published by one instance reaches the other', async () => {
    pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    buses = [
      await createPostgresEventBus(url, pools[0], logger),
      await createPostgresEventBus(url, pools[1], logger),
    ];
    const received = nextEvent(buses[1], 'org:123');
    await buses[0].publish('org:123', { type: 'message.created', id: 'abc' });
    expect(await received).toEqual({ topic: 'org:123', payload: { type: 'message.created', id: 'abc' } });
  });
});
