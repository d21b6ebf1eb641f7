import type { Question, Suggestion, Trace } from '@piloto/contracts';
import { and, desc, eq, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  agents,
  agentTraces,
  contacts,
  conversations,
  members,
  questions,
  suggestions,
  users,
} from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';

/** Read side of the agents module: traces (logs), pending suggestions, questions to the team. */
export function createAgentInsights(deps: { db: Db }) {
  const { db } = deps;

  const traceBase = () =>
    db
      .select({
        t: agentTraces,
        contactName: contacts.name,
        agentName: sql<string>`${agents.config}->>'name'`,
      })
      .from(agentTraces)
      .innerJoin(conversations, eq(conversations.id, agentTraces.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .innerJoin(agents, eq(agents.id, agentTraces.agentId));

  const questionBase = () =>
    db
      .select({ q: questions, contactName: contacts.name, answeredByName: users.name })
      .from(questions)
      .innerJoin(conversations, eq(conversations.id, questions.conversationId))
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .leftJoin(members, eq(members.id, questions.answeredByMemberId))
      .leftJoin(users, eq(users.id, members.userId));
  const presentQuestion = (r: Awaited<ReturnType<typeof questionBase>>[number]): Question => ({
    id: r.q.id,
    conversationId: r.q.conversationId,
    contactName: r.contactName,
    question: r.q.question,
    similar: [],
    status: r.q.status,
    answer: r.q.answer,
    answeredByName: r.answeredByName,
    createdAt: r.q.createdAt.toISOString(),
  });

  return {
    async listTraces(
      orgId: string,
      f: { agentId?: string; conversationId?: string; status?: string; cursor?: string },
    ) {
      // A turn still running has no outcome yet; it shows up once it finishes.
      const where: SQL[] = [eq(agentTraces.orgId, orgId), ne(agentTraces.status, 'running')];
      if (f.agentId) where.push(eq(agentTraces.agentId, f.agentId));
      if (f.conversationId) where.push(eq(agentTraces.conversationId, f.conversationId));
      if (f.status) where.push(eq(agentTraces.status, f.status));
      if (f.cursor) {
        const [at, id] = Buffer.from(f.cursor, 'base64url').toString().split('|');
        where.push(
          or(
            lt(agentTraces.createdAt, new Date(at)),
            and(eq(agentTraces.createdAt, new Date(at)), lt(agentTraces.id, id)),
          )!,
        );
      }
      const rows = await traceBase()
        .where(and(...where))
        .orderBy(desc(agentTraces.createdAt), desc(agentTraces.id))
        .limit(51);
      const page = rows.slice(0, 50);
      const last = page.at(-1);
      return {
        traces: page.map((r) => ({
          id: r.t.id,
          conversationId: r.t.conversationId,
          contactName: r.contactName,
          agentName: r.agentName,
          agentVersion: r.t.agentVersion,
          mode: r.t.mode,
          status: r.t.status as Trace['status'],
          handoffReason: r.t.handoffReason ?? null,
          latencyMs: r.t.latencyMs,
          createdAt: r.t.createdAt.toISOString(),
          preview: (r.t.output as string[])[0] ?? r.t.error ?? null,
          totalTokens: r.t.tokensIn + r.t.tokensOut,
        })),
        nextCursor:
          rows.length > 50 && last
            ? Buffer.from(`${last.t.createdAt.toISOString()}|${last.t.id}`).toString('base64url')
            : null,
      };
    },

    async trace(orgId: string, traceId: string): Promise<Trace> {
      const [r] = await traceBase().where(and(eq(agentTraces.orgId, orgId), eq(agentTraces.id, traceId)));
      if (!r) throw notFound('Registro não encontrado');
      return {
        id: r.t.id,
        conversationId: r.t.conversationId,
        contactName: r.contactName,
        agentId: r.t.agentId,
        agentName: r.agentName,
        agentVersion: r.t.agentVersion,
        mode: r.t.mode,
        model: r.t.model,
        status: r.t.status as Trace['status'],
        handoffReason: r.t.handoffReason ?? null,
        input: r.t.input as Trace['input'],
        retrievedPassages: r.t.retrieved as Trace['retrievedPassages'],
        toolCalls: r.t.toolCalls as Trace['toolCalls'],
        output: r.t.output as string[],
        tokens: { input: r.t.tokensIn, output: r.t.tokensOut },
        costMicros: r.t.costMicros,
        latencyMs: r.t.latencyMs,
        error: r.t.error,
        createdAt: r.t.createdAt.toISOString(),
      };
    },

    async pendingSuggestions(orgId: string, conversationId: string): Promise<Suggestion[]> {
      const rows = await db
        .select()
        .from(suggestions)
        .where(
          and(
            eq(suggestions.orgId, orgId),
            eq(suggestions.conversationId, conversationId),
            eq(suggestions.status, 'pending'),
          ),
        )
        .orderBy(desc(suggestions.createdAt));
      return rows.map((s) => ({
        id: s.id,
        conversationId: s.conversationId,
        texts: s.texts,
        status: s.status,
        createdAt: s.createdAt.toISOString(),
      }));
    },

    /** Pending questions come grouped: similar ones ride along with the first (answered together). */
    async questions(orgId: string, status: 'pending' | 'answered'): Promise<Question[]> {
      const rows = await questionBase()
        .where(and(eq(questions.orgId, orgId), eq(questions.status, status)))
        .orderBy(desc(questions.createdAt))
        .limit(200);
      if (status !== 'pending') return rows.map(presentQuestion);
      const leaders = rows.filter((r) => !r.q.groupId || !rows.some((o) => o.q.id === r.q.groupId));
      return leaders.map((r) => ({
        ...presentQuestion(r),
        similar: rows
          .filter(
            (o) =>
              o.q.id !== r.q.id && (o.q.groupId === r.q.id || (r.q.groupId && o.q.groupId === r.q.groupId)),
          )
          .map((o) => ({ id: o.q.id, contactName: o.contactName, question: o.q.question })),
      }));
    },

    /**
     * Questions the AI asked the team per week (in the company's time zone), and how many answers were
     * saved as knowledge: as the AI learns, the first number must fall.
     */
    async questionsPerWeek(orgId: string, weeks: number) {
      const result = await db.execute<{ week: string; questions: number; saved: number }>(sql`
        with o as (select time_zone from orgs where id = ${orgId}),
        w as (
          select generate_series(
            date_trunc('week', now() at time zone o.time_zone) - make_interval(weeks => ${weeks - 1}),
            date_trunc('week', now() at time zone o.time_zone),
            interval '1 week'
          ) as week
          from o
        )
        select to_char(w.week, 'YYYY-MM-DD') as week,
          (select count(*)::int from questions q, o
            where q.org_id = ${orgId}
              and date_trunc('week', q.created_at at time zone o.time_zone) = w.week) as questions,
          (select count(*)::int from learned_answers l, o
            where l.org_id = ${orgId} and l.status = 'active'
              and date_trunc('week', l.created_at at time zone o.time_zone) = w.week) as saved
        from w order by w.week`);
      return result.rows;
    },

    async question(orgId: string, questionId: string): Promise<Question> {
      const [r] = await questionBase().where(and(eq(questions.orgId, orgId), eq(questions.id, questionId)));
      if (!r) throw notFound('Pergunta não encontrada');
      return presentQuestion(r);
    },
  };
}

export type AgentInsights = ReturnType<typeof createAgentInsights>;
