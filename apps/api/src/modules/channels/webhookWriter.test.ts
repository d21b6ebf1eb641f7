import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Jobs } from '../../platform/jobs.ts';
import { type AcceptedWebhook, createWebhookWriter } from './webhookWriter.ts';

/** A pool whose connections record their statements; `failConnects` connections fail first. */
function recordingPool(opts: { failConnects?: number; failInsert?: boolean } = {}) {
  let failConnects = opts.failConnects ?? 0;
  const statements: Array<{ text: string; values?: unknown[] }> = [];
  const pool = {
    async connect() {
      if (failConnects > 0) {
        failConnects--;
        throw new Error('connection refused');
      }
      return {
        async query(text: string, values?: unknown[]) {
          statements.push({ text, values });
          if (opts.failInsert && text.includes('insert into webhook_events')) throw new Error('disk full');
          return { rows: [] };
        },
        release() {},
      };
    },
  };
  return { pool: pool as unknown as pg.Pool, statements };
}

function recordingJobs() {
  const inserted: unknown[][] = [];
  const jobs = {
    boss: {
      async insert(_queue: string, items: unknown[]) {
        inserted.push(items);
      },
    },
  };
  return { jobs: jobs as unknown as Jobs, inserted };
}

const webhook = (n: number, status: AcceptedWebhook['status'] = 'accepted'): AcceptedWebhook => ({
  orgId: '00000000-0000-0000-0000-000000000001',
  channelId: '00000000-0000-0000-0000-000000000002',
  provider: 'cloud',
  status,
  reason: null,
  body: `{"n":${n}}`,
});

describe('webhook writer', () => {
  it('stores a burst in one transaction: one multi-row insert and one job for the batch', async () => {
    const { pool, statements } = recordingPool();
    const { jobs, inserted } = recordingJobs();
    const writer = createWebhookWriter({ pool, jobs, queue: 'webhook.apply' });
    const ids = await Promise.all([
      writer.write(webhook(1)),
      writer.write(webhook(2)),
      writer.write(webhook(3, 'processed')),
    ]);
    expect(new Set(ids).size).toBe(3);
    expect(statements.map((s) => s.text.trim().split(/\s+/)[0])).toEqual(['begin', 'insert', 'commit']);
    expect(statements[1].values?.[0]).toEqual(ids);
    // One job applies what has something to apply, in arrival order.
    expect(inserted).toEqual([[{ data: { eventIds: [ids[0], ids[1]] } }]]);
  });

  it('a database failure fails that batch loudly, and the next webhooks are stored again', async () => {
    const { pool, statements } = recordingPool({ failConnects: 1 });
    const { jobs } = recordingJobs();
    const writer = createWebhookWriter({ pool, jobs, queue: 'webhook.apply' });
    await expect(writer.write(webhook(1))).rejects.toThrow('connection refused');
    // Before, one failed connection left every later webhook waiting forever.
    const id = await writer.write(webhook(2));
    expect(statements[1].values?.[0]).toEqual([id]);
  });

  it('rolls back a batch whose insert fails, answering its requests with the error', async () => {
    const { pool, statements } = recordingPool({ failInsert: true });
    const { jobs, inserted } = recordingJobs();
    const writer = createWebhookWriter({ pool, jobs, queue: 'webhook.apply' });
    await expect(writer.write(webhook(1))).rejects.toThrow('disk full');
    expect(statements.map((s) => s.text.trim().split(/\s+/)[0])).toEqual(['begin', 'insert', 'rollback']);
    expect(inserted).toEqual([]);
  });
});
