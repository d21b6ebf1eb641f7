import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Jobs } from '../../platform/jobs.ts';

export type AcceptedWebhook = {
  orgId: string;
  channelId: string;
  provider: string;
  /** 'accepted' → a job applies it; 'processed' → nothing in it to apply (kept for the record). */
  status: 'accepted' | 'processed';
  reason: string | null;
  body: string;
};

const MAX_BATCH = 250;
const MAX_WAIT_MS = 4;

/**
 * Webhooks arrive by the thousand per second on a busy Cloud API number. Each must be stored (and its
 * job enqueued) before we answer 200, but one INSERT + one job per request would make the database the
 * bottleneck. Requests that arrive within a few milliseconds share one transaction: one multi-row INSERT
 * and one job for the batch. Nobody is answered before their row and job are committed together.
 */
export function createWebhookWriter(deps: { pool: pg.Pool; jobs: Jobs; queue: string }) {
  let pending: Array<{
    id: string;
    item: AcceptedWebhook;
    resolve: () => void;
    reject: (e: unknown) => void;
  }> = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing = Promise.resolve();

  /** Commits a batch, or rejects its requests; never throws, so the chain of commits goes on. */
  async function flush(batch: typeof pending): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await deps.pool.connect();
    } catch (error) {
      for (const b of batch) b.reject(error);
      return;
    }
    try {
      await client.query('begin');
      await client.query(
        `insert into webhook_events (id, org_id, channel_id, provider, status, reason, body)
         select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          batch.map((b) => b.id),
          batch.map((b) => b.item.orgId),
          batch.map((b) => b.item.channelId),
          batch.map((b) => b.item.provider),
          batch.map((b) => b.item.status),
          batch.map((b) => b.item.reason),
          batch.map((b) => b.item.body),
        ],
      );
      const toApply = batch.filter((b) => b.item.status === 'accepted');
      if (toApply.length) {
        // One job applies the batch, in arrival order: one job row per webhook cost a quarter of the throughput.
        await deps.jobs.boss.insert(deps.queue, [{ data: { eventIds: toApply.map((b) => b.id) } }], {
          db: { executeSql: (text: string, values?: unknown[]) => client.query(text, values) },
        });
      }
      await client.query('commit');
      for (const b of batch) b.resolve();
    } catch (error) {
      await client.query('rollback').catch(() => {});
      for (const b of batch) b.reject(error);
    } finally {
      client.release();
    }
  }

  function schedule() {
    const batch = pending;
    pending = [];
    timer = undefined;
    // Keep commits in order, one batch at a time per instance; requests queue up meanwhile.
    flushing = flushing.then(() => flush(batch));
  }

  return {
    /** Resolves with the event id once it is durably stored (and its job enqueued). */
    write(item: AcceptedWebhook): Promise<string> {
      const id = randomUUID();
      return new Promise<string>((resolve, reject) => {
        pending.push({ id, item, resolve: () => resolve(id), reject });
        if (pending.length >= MAX_BATCH) {
          clearTimeout(timer);
          schedule();
        } else if (!timer) {
          timer = setTimeout(schedule, MAX_WAIT_MS);
        }
      });
    },
  };
}

export type WebhookWriter = ReturnType<typeof createWebhookWriter>;
