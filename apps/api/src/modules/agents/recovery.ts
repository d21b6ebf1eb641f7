import type { AgentConfig } from '@piloto/contracts';
import { and, desc, eq, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { agentTraces, conversations, messages, questions } from '../../db/schema/index.ts';
import type { RunLease } from './runLease.ts';
import type { AgentsService } from './service.ts';

/** What a checkpointed thread still has to do (null: nothing checkpointed, or no model to read it with). */
export type PendingWork = { next: string[]; interrupted: boolean } | null;

type Conversation = typeof conversations.$inferSelect;
type AgentRow = { id: string; version: number; config: AgentConfig };

/** The every-minute sweep for runs of dead processes. */
export const AGENT_RECOVER_QUEUE = 'agent.recover';
/** The error of a trace whose run died with nothing to continue from. */
export const INTERRUPTED_ERROR = 'interrompido';

/**
 * A run cut short by a crash resumes from its last checkpoint instead of starting over. Its process
 * stopped renewing the conversation's lease; `sweep` (on worker start and every minute) finds such
 * leases and queues the conversation's run; that run takes the lease over, finds the dead run's trace
 * still 'running', and continues its graph on the same thread and trace — the tools that already ran
 * are not run again. With nothing to continue, the trace is closed as interrupted and the turn starts anew.
 */
export function createRunRecovery(deps: {
  db: Db;
  agents: AgentsService;
  lease: RunLease;
  logger: Logger;
  /** Queues the conversation's `agent.run` (at most once a minute). */
  enqueueRun: (conversationId: string) => Promise<void>;
  /** Queues the `agent.resume` of an answered question. */
  enqueueResume: (questionId: string) => Promise<void>;
  pendingWork: (agent: AgentConfig, orgId: string, threadId: string) => Promise<PendingWork>;
  /**
   * Runs the rest of a checkpointed thread under its trace, with a normal run's outcome; its answer
   * covers the lead's messages up to `cutoffSeq` (newer ones make it stale, as in a normal run).
   */
  continueRun: (
    conv: Conversation,
    agentRow: AgentRow,
    orphan: { threadId: string; traceId: string; cutoffSeq: number },
  ) => Promise<void>;
}) {
  const { db, lease, logger } = deps;

  async function closeAsInterrupted(traceIds: string[]) {
    if (!traceIds.length) return;
    await db
      .update(agentTraces)
      .set({ status: 'failed', error: INTERRUPTED_ERROR })
      .where(and(inArray(agentTraces.id, traceIds), eq(agentTraces.status, 'running')));
  }

  async function runningTraces(conversationId: string) {
    return db
      .select({ id: agentTraces.id, createdAt: agentTraces.createdAt })
      .from(agentTraces)
      .where(and(eq(agentTraces.conversationId, conversationId), eq(agentTraces.status, 'running')))
      .orderBy(desc(agentTraces.createdAt));
  }

  async function pendingWork(agent: AgentConfig, orgId: string, threadId: string): Promise<PendingWork> {
    try {
      return await deps.pendingWork(agent, orgId, threadId);
    } catch (error) {
      logger.warn({ err: error, threadId }, 'could not read the checkpoint of an interrupted run');
      return null;
    }
  }

  /**
   * A dead run that was resuming a question has no thread of its own: the question's thread, if it
   * still has work, resumes through its job (which runs once per thread).
   */
  async function resumeCutShortAnswer(conv: Conversation, agent: AgentConfig, before: Date) {
    const [q] = await db
      .select({ id: questions.id, threadId: questions.threadId })
      .from(questions)
      .where(
        and(
          eq(questions.conversationId, conv.id),
          eq(questions.status, 'answered'),
          lte(questions.answeredAt, before),
        ),
      )
      .orderBy(desc(questions.answeredAt))
      .limit(1);
    if (!q || !(await pendingWork(agent, conv.orgId, q.threadId))?.next.length) return false;
    await deps.enqueueResume(q.id);
    return true;
  }

  return {
    /**
     * Called by a run right after it takes the lease. True when it dealt with a dead run of the
     * conversation instead (continued it, or handed it to its question's resume) and nothing else is
     * left to do; false when the turn still has to run (nothing to continue, or the lead wrote meanwhile).
     */
    async continueOrphan(conv: Conversation, agentRow: AgentRow, runId: string): Promise<boolean> {
      if (!lease.foundOrphans(runId)) return false;
      const [latest, ...older] = await runningTraces(conv.id);
      await closeAsInterrupted(older.map((t) => t.id));
      if (!latest) return false;
      const threadId = `${conv.id}:${latest.id}`;
      const work = await pendingWork(agentRow.config, conv.orgId, threadId);
      if (work?.next.length) {
        if (work.interrupted) {
          // It died after recording its question to the team: that outcome stands.
          const [asked] = await db
            .select({ id: questions.id })
            .from(questions)
            .where(eq(questions.traceId, latest.id))
            .limit(1);
          if (asked) {
            await db.update(agentTraces).set({ status: 'asked_human' }).where(eq(agentTraces.id, latest.id));
            return true;
          }
        }
        logger.info({ conversationId: conv.id, traceId: latest.id }, 'continuing an interrupted AI run');
        // What the lead had written when the dead run began (times of inbound messages are the provider's).
        const [{ seq }] = await db
          .select({ seq: sql<string>`coalesce(max(${messages.seq}), 0)` })
          .from(messages)
          .where(
            and(
              eq(messages.conversationId, conv.id),
              eq(messages.direction, 'inbound'),
              lte(messages.createdAt, latest.createdAt),
            ),
          );
        await deps.continueRun(conv, agentRow, { threadId, traceId: latest.id, cutoffSeq: Number(seq) });
        // If the lead wrote while the run was down, its answer was stale: this run answers them now.
        const [done] = await db
          .select({ status: agentTraces.status })
          .from(agentTraces)
          .where(eq(agentTraces.id, latest.id));
        return done?.status !== 'superseded';
      }
      await closeAsInterrupted([latest.id]);
      return resumeCutShortAnswer(conv, agentRow.config, latest.createdAt);
    },

    /**
     * Finds runs whose process died (lease not renewed) and queues their recovery without waiting for
     * job expiry; and lead messages left pending that long with no run (their process died before
     * queueing or starting one).
     */
    async sweep(): Promise<number> {
      const columns = {
        id: conversations.id,
        orgId: conversations.orgId,
        channelId: conversations.channelId,
        status: conversations.status,
        aiActive: conversations.aiActive,
        aiRunId: conversations.aiRunId,
      };
      /** Whether an AI still answers this conversation (open, no human in it, an agent on its number). */
      const aiAnswers = async (c: { status: string; aiActive: boolean; orgId: string; channelId: string }) =>
        c.status === 'open' && c.aiActive && Boolean(await deps.agents.forChannel(c.orgId, c.channelId));
      const stale = await db
        .select(columns)
        .from(conversations)
        .where(and(isNotNull(conversations.aiRunId), lt(conversations.aiRunStartedAt, lease.expiredBefore())))
        .limit(500);
      let queued = 0;
      for (const c of stale) {
        if (await aiAnswers(c)) {
          await deps.enqueueRun(c.id);
          queued++;
          continue;
        }
        // No AI answers here any more (closed, a human took over, agent removed): just let the dead run go.
        await closeAsInterrupted((await runningTraces(c.id)).map((t) => t.id));
        await lease.releaseExpired(c.id, c.aiRunId!);
      }
      const forgotten = await db
        .select(columns)
        .from(conversations)
        .where(
          and(
            isNotNull(conversations.aiDueAt),
            lt(conversations.aiDueAt, lease.expiredBefore()),
            isNull(conversations.aiRunId),
          ),
        )
        .limit(500);
      for (const c of forgotten) {
        if (await aiAnswers(c)) {
          await deps.enqueueRun(c.id);
          queued++;
        } else {
          // Nothing answers here (no agent, a human took over, closed): the mark just goes.
          await db
            .update(conversations)
            .set({ aiDueAt: null })
            .where(and(eq(conversations.id, c.id), isNull(conversations.aiRunId)));
        }
      }
      if (stale.length || forgotten.length)
        logger.info(
          { stale: stale.length, pending: forgotten.length, queued },
          'recovering AI runs of dead processes',
        );
      return queued;
    },
  };
}

export type RunRecovery = ReturnType<typeof createRunRecovery>;
