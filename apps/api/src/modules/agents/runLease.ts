import type { HandoffReason } from '@piloto/contracts';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Db, queryPrepared } from '../../db/client.ts';
import { conversations } from '../../db/schema/index.ts';

/**
 * One AI run per conversation at a time, across instances: a run holds the conversation's lease
 * (`ai_run_id`) and renews it while its process lives. A lease left unrenewed for `leaseMs` belongs to a
 * dead process: another run may take it over and recover what the dead one left (see recovery.ts).
 */
export function createRunLease(deps: { db: Db; leaseMs: number; logger: Logger }) {
  const { db, leaseMs, logger } = deps;
  const renewals = new Map<string, NodeJS.Timeout>();
  /** Runs that found a trace of their conversation still 'running' when they took the lease. */
  const withOrphans = new Set<string>();
  const expiredBefore = () => new Date(Date.now() - leaseMs);
  // Spelled out: inside an UPDATE, drizzle leaves column names unqualified.
  const orphansOf = (conversationId: string) =>
    sql<boolean>`exists (select 1 from agent_traces t where t.conversation_id = ${conversationId} and t.status = 'running')`;

  function renewWhileAlive(conversationId: string, runId: string) {
    const timer = setInterval(() => {
      db.update(conversations)
        .set({ aiRunStartedAt: new Date() })
        .where(and(eq(conversations.id, conversationId), eq(conversations.aiRunId, runId)))
        .catch((error) => logger.warn({ err: error, conversationId }, 'could not renew the AI run lease'));
    }, leaseMs / 3);
    timer.unref();
    renewals.set(runId, timer);
  }

  return {
    leaseMs,
    /** Leases last renewed before this instant belong to dead processes. */
    expiredBefore,

    /**
     * Takes the lease if it is free or expired. A turn reads the conversation after this, so every
     * message already stored is its to answer: the pending mark (`ai_due_at`, once due) is cleared —
     * unless the run continues an older thread (`takesPending: false`).
     */
    async acquire(
      conversationId: string,
      runId: string,
      opts: { takesPending: boolean } = { takesPending: true },
    ): Promise<boolean> {
      const now = new Date();
      const [row] = await db
        .update(conversations)
        .set({
          aiRunId: runId,
          aiRunStartedAt: now,
          ...(opts.takesPending
            ? {
                aiDueAt: sql`case when ${conversations.aiDueAt} <= ${new Date(now.getTime() + 25)} then null else ${conversations.aiDueAt} end`,
              }
            : {}),
        })
        .where(
          and(
            eq(conversations.id, conversationId),
            or(isNull(conversations.aiRunId), lt(conversations.aiRunStartedAt, expiredBefore())),
          ),
        )
        .returning({ orphans: orphansOf(conversationId) });
      if (!row) return false;
      if (row.orphans) withOrphans.add(runId);
      renewWhileAlive(conversationId, runId);
      return true;
    },

    /**
     * A lead's message with no debounce, in one statement: takes the lease for this run when it is free
     * (the message is this run's to answer) or, when another run holds it, marks the message pending
     * (due now) for the run that comes after. Whether it took the lease, with who answers the conversation
     * as of then (null: the conversation is not open).
     */
    async armAndAcquire(
      conversationId: string,
      runId: string,
    ): Promise<
      { leased: false } | { leased: true; aiActive: boolean; handoffReason: HandoffReason | null } | null
    > {
      const now = new Date().toISOString();
      const free = sql`(ai_run_id is null or ai_run_started_at < ${expiredBefore().toISOString()}::timestamptz)`;
      const [row] = await queryPrepared<{
        leased: boolean;
        orphans: boolean;
        ai_active: boolean;
        handoff_reason: HandoffReason | null;
      }>(
        db,
        'agent_arm_and_acquire',
        sql`update conversations set
              ai_due_at = case when ${free} then null else ${now}::timestamptz end,
              ai_run_id = case when ${free} then ${runId}::uuid else ai_run_id end,
              ai_run_started_at = case when ${free} then ${now}::timestamptz else ai_run_started_at end
            where id = ${conversationId} and status = 'open'
            returning ai_run_id = ${runId}::uuid as leased, ${orphansOf(conversationId)} as orphans,
                      ai_active, handoff_reason`,
      );
      if (!row) return null;
      if (!row.leased) return { leased: false };
      if (row.orphans) withOrphans.add(runId);
      renewWhileAlive(conversationId, runId);
      return { leased: true, aiActive: row.ai_active, handoffReason: row.handoff_reason };
    },

    /** Whether this run, when it took the lease, found traces of the conversation left 'running'. */
    foundOrphans(runId: string): boolean {
      return withOrphans.delete(runId);
    },

    async release(conversationId: string, runId: string): Promise<void> {
      clearInterval(renewals.get(runId));
      renewals.delete(runId);
      withOrphans.delete(runId);
      await db
        .update(conversations)
        .set({ aiRunId: null, aiRunStartedAt: null })
        .where(and(eq(conversations.id, conversationId), eq(conversations.aiRunId, runId)));
    },

    /** Frees a dead process's lease (unless someone took it over meanwhile). */
    async releaseExpired(conversationId: string, runId: string): Promise<void> {
      await db
        .update(conversations)
        .set({ aiRunId: null, aiRunStartedAt: null })
        .where(
          and(
            eq(conversations.id, conversationId),
            eq(conversations.aiRunId, runId),
            lt(conversations.aiRunStartedAt, expiredBefore()),
          ),
        );
    },
  };
}

export type RunLease = ReturnType<typeof createRunLease>;
