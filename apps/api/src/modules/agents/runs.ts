import {
  AIMessage,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from '@langchain/core/messages';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { Command, isInterrupted } from '@langchain/langgraph';
import type { AgentConfig, AiTaskModels, HandoffReason } from '@piloto/contracts';
import { and, desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import {
  agentTraces,
  contacts,
  conversations,
  type MediaUnderstanding,
  messages,
  type orgs,
  questions,
  type StoredMedia,
  suggestions,
} from '../../db/schema/index.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { Outbox, StaleAfter } from '../channels/outbox.ts';
import { buildAgentGraph, createGraphCache } from './graph.ts';
import { type AiKeys, type ChatModelFactory, modelProblem } from './models.ts';
import { checkAnswer } from './outputGuard.ts';
import { costMicros } from './pricing.ts';
import { HANDOFF_MESSAGE, HOLDING_MESSAGE, profileNote, systemPrompt } from './prompts.ts';
import { createRunRecovery, type PendingWork } from './recovery.ts';
import { splitIntoBubbles, standsAlone, typingDelayMs } from './replyStyle.ts';
import { createRunLease } from './runLease.ts';
import type { AgentsService } from './service.ts';
import { createAskHumanTool } from './tools/askHuman.ts';
import { createHandoffTool } from './tools/handoffToHuman.ts';
import { type RunContext, runConfig } from './tools/runContext.ts';
import { createScheduleFollowupTool, type FollowupScheduler } from './tools/scheduleFollowup.ts';
import { createSearchKnowledgeTool, type KnowledgeSearch } from './tools/searchKnowledge.ts';
import { createUpdateLeadTool } from './tools/updateLead.ts';
import {
  HISTORY_WINDOW,
  type HistoryMessage,
  type MediaGate,
  mediaGate,
  readTurnContext,
  type TurnContext,
} from './turnContext.ts';
import { isWithinBusinessHours } from './workingHours.ts';

export const AGENT_RUN_QUEUE = 'agent.run';
/** Turns run right in the process that stored the lead's message (debounce 0), at most this many at once. */
const MAX_INLINE_RUNS = 4;
const LEAD_ASKS_FOR_HUMAN =
  /\b(falar|conversar|atendimento)\s+(com\s+)?(um|uma|o|a)?\s*(humano|atendente|pessoa|vendedor|vendedora|gerente)\b/i;

type Dispatch = {
  texts: string[];
  status: 'replied' | 'suggested' | 'handoff' | 'asked_human' | 'superseded' | 'failed' | 'skipped';
};
const STALE: Dispatch = { texts: [], status: 'superseded' };

export function createAgentRuns(deps: {
  db: Db;
  jobs: Jobs;
  bus: EventBus;
  outbox: Outbox;
  agents: AgentsService;
  /** The company's row (name, hours), briefly cached by the orgs module. */
  orgRow: (orgId: string) => Promise<typeof orgs.$inferSelect>;
  modelFactory: ChatModelFactory;
  checkpointer: BaseCheckpointSaver;
  knowledge: KnowledgeSearch;
  /** Stores what the team taught (the knowledge module's learned answers). */
  teach: Teach;
  followups: FollowupScheduler;
  /** Speaks a reply as a stored voice note (null when the company has no speech model). */
  speak?: Speak;
  logger: Logger;
  config: Config;
}) {
  const { db, jobs, bus, outbox, agents, logger } = deps;
  const publish = (orgId: string, event: Record<string, unknown>) => bus.publish(`org:${orgId}`, event);

  const lease = createRunLease({ db, leaseMs: deps.config.AI_RUN_LEASE_SECONDS * 1000, logger });
  const acquireLease = lease.acquire;
  const releaseLease = lease.release;
  const recovery = createRunRecovery({
    db,
    agents,
    lease,
    logger,
    enqueueRun: async (conversationId) => {
      await jobs.send(
        AGENT_RUN_QUEUE,
        { conversationId },
        { singletonKey: `recover:${conversationId}`, singletonSeconds: 60 },
      );
    },
    enqueueResume: async (questionId) => {
      await jobs.send(AGENT_RESUME_QUEUE, { questionId });
    },
    pendingWork: async (agent, orgId, threadId) => pendingWork(agent, await loadTurn(orgId), threadId),
    continueRun: async (conv, agentRow, { threadId, traceId, cutoffSeq }) =>
      execute(conv, agentRow, { continue: threadId, traceId, cutoffSeq }, await loadTurn(conv.orgId)),
  });
  /** One compiled graph per model client and agent version; each run brings its context in the config. */
  const graphFor = createGraphCache((model, agent: { id: string; version: number; config: AgentConfig }) =>
    buildAgentGraph({
      model,
      tools: [
        createSearchKnowledgeTool(deps.knowledge),
        createUpdateLeadTool(db, agent.config.qualificationFields),
        createAskHumanTool(),
        createHandoffTool(),
        createScheduleFollowupTool(deps.followups),
      ],
      checkpointer: deps.checkpointer,
    }),
  );
  /** Turns started in this process without a job (see onInbound); allowed once its workers run. */
  const inlineRuns = new Set<Promise<void>>();
  let inlineAllowed = false;

  /**
   * After a lead's message: (re)arm the debounce so a burst gets one answer. Without a debounce, a
   * process that runs workers starts the turn right here, with no job hop (see runInline). With the
   * conversation's number known (`channelId`), the agent comes from the cache.
   */
  async function onInbound(orgId: string, conversationId: string, channelId?: string): Promise<void> {
    if (!channelId) {
      const [conv] = await db
        .select({ status: conversations.status, channelId: conversations.channelId })
        .from(conversations)
        .where(eq(conversations.id, conversationId));
      if (conv?.status !== 'open') return;
      channelId = conv.channelId;
    }
    const agent = await agents.forChannel(orgId, channelId);
    if (!agent) return;
    if (agent.config.debounceSeconds === 0 && inlineAllowed && inlineRuns.size < MAX_INLINE_RUNS) {
      runInline(conversationId);
      return;
    }
    const due = new Date(Date.now() + agent.config.debounceSeconds * 1000);
    const armed = await db
      .update(conversations)
      .set({ aiDueAt: due })
      .where(and(eq(conversations.id, conversationId), eq(conversations.status, 'open')))
      .returning({ id: conversations.id });
    if (!armed.length) return;
    await jobs.send(AGENT_RUN_QUEUE, { conversationId }, { startAfter: due });
  }

  /**
   * A turn in this process: one statement takes the lease with the message (or, while another run
   * holds it, leaves the message pending for a run shortly after), while another reads the turn's
   * context. If this process dies, the recovery sweep finds the expired lease or the pending message
   * and runs the turn again.
   */
  function runInline(conversationId: string) {
    const running: Promise<void> = (async () => {
      const runId = crypto.randomUUID();
      const [leased, context] = await Promise.allSettled([
        lease.armAndAcquire(conversationId, runId),
        readTurnContext(db, conversationId),
      ]);
      if (leased.status === 'rejected') throw leased.reason;
      if (leased.value === null) return;
      if (!leased.value.leased) {
        await jobs.send(AGENT_RUN_QUEUE, { conversationId }, { startAfter: new Date(Date.now() + 2000) });
        return;
      }
      // The context may have been read before a run that just ended handed off: who answers now comes
      // from the lease statement (current once it held the row), not from that read.
      const { aiActive, handoffReason } = leased.value;
      const read =
        context.status === 'fulfilled' && context.value
          ? { ...context.value, conversation: { ...context.value.conversation, aiActive, handoffReason } }
          : undefined;
      await runLeased(conversationId, runId, read);
    })()
      .catch(async (error) => {
        // What the job runner would do: try again shortly (a run cut short continues from its checkpoint).
        logger.warn({ err: error, conversationId }, 'AI run failed; retrying through the job queue');
        await jobs
          .send(AGENT_RUN_QUEUE, { conversationId }, { startAfter: new Date(Date.now() + 3000) })
          .catch((err) => logger.error({ err, conversationId }, 'could not queue the AI run retry'));
      })
      .finally(() => inlineRuns.delete(running));
    inlineRuns.add(running);
  }

  /** What a turn reads about the company once: its row (name, hours) and its AI keys — both cached briefly. */
  async function loadTurn(orgId: string): Promise<Turn> {
    const [org, { keys, models }] = await Promise.all([deps.orgRow(orgId), agents.aiOf(orgId)]);
    return { org, keys, models };
  }

  /** What a checkpointed thread still has to do, read through the agent's graph (null without a model). */
  async function pendingWork(agent: AgentConfig, turn: Turn, threadId: string): Promise<PendingWork> {
    const choice = agent.model ?? agent.fallbackModel;
    if (!choice) return null;
    const graph = buildAgentGraph({
      model: deps.modelFactory(choice, turn.keys),
      tools: [],
      checkpointer: deps.checkpointer,
    });
    const state = await graph.getState({ configurable: { thread_id: threadId } });
    return { next: [...state.next], interrupted: state.tasks.some((t) => t.interrupts.length > 0) };
  }

  async function handOff(orgId: string, conversationId: string, reason: HandoffReason) {
    await db
      .update(conversations)
      .set({ aiActive: false, handoffReason: reason, updatedAt: new Date() })
      .where(eq(conversations.id, conversationId));
    await publish(orgId, { type: 'conversation.updated', conversationId });
  }

  /**
   * What the model sees: the instructions, a rolling summary of the older history, the lead's profile
   * and the recent messages. Once more than two windows of messages pile up past the summary, the older
   * ones are folded into it, so tokens per turn stop growing with the conversation.
   */
  async function modelInput(
    conv: typeof conversations.$inferSelect,
    agent: AgentConfig,
    turn: Turn,
    context: TurnContext,
  ): Promise<{ messages: BaseMessage[]; trace: Array<{ role: string; text: string }> }> {
    const { org } = turn;
    let summary = conv.aiSummary;
    let history = context.history.slice(-HISTORY_WINDOW * 2);
    const summarize = context.history.length > HISTORY_WINDOW * 2 && summarizerFor(agent, turn);
    if (summarize) {
      const folded = await foldIntoSummary(conv, summarize);
      if (folded) ({ summary, history } = folded);
    }
    const out: BaseMessage[] = [new SystemMessage(systemPrompt(agent, { name: org.name }))];
    const trace: Array<{ role: string; text: string }> = [];
    const note = [summary ? `Resumo da conversa até aqui: ${summary}` : null, profileNote(context.profile)]
      .filter(Boolean)
      .join('\n');
    if (note) {
      out.push(new SystemMessage(note));
      trace.push({ role: 'summary', text: note });
    }
    for (const m of history) {
      const text = renderText(m);
      out.push(m.direction === 'inbound' ? new HumanMessage(text) : new AIMessage(text));
      trace.push({ role: m.direction === 'inbound' ? 'lead' : 'business', text });
    }
    return { messages: out, trace };
  }

  /** Folds all but the last window of messages into the rolling summary; the window that remains. */
  async function foldIntoSummary(
    conv: typeof conversations.$inferSelect,
    summarize: (transcript: string) => Promise<string>,
  ): Promise<{ summary: string; history: HistoryMessage[] } | null> {
    const since = (seq: number) =>
      and(eq(messages.conversationId, conv.id), gt(messages.seq, seq), sql`${messages.kind} <> 'reaction'`);
    const columns = {
      seq: messages.seq,
      direction: messages.direction,
      text: messages.text,
      kind: messages.kind,
      media: messages.media,
      understanding: messages.understanding,
    };
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(since(conv.aiSummarySeq));
    const older = await db
      .select(columns)
      .from(messages)
      .where(since(conv.aiSummarySeq))
      .orderBy(messages.createdAt, messages.seq)
      .limit(n - HISTORY_WINDOW);
    const transcript = older
      .map((m) => `${m.direction === 'inbound' ? 'Lead' : 'Empresa'}: ${renderText(m)}`)
      .join('\n');
    try {
      const summary = await summarize(
        `${conv.aiSummary ? `Resumo anterior: ${conv.aiSummary}\n\n` : ''}${transcript.slice(-60_000)}`,
      );
      const summarySeq = older.at(-1)!.seq;
      await db
        .update(conversations)
        .set({ aiSummary: summary, aiSummarySeq: summarySeq })
        .where(eq(conversations.id, conv.id));
      const history = (
        await db
          .select(columns)
          .from(messages)
          .where(since(summarySeq))
          .orderBy(desc(messages.createdAt), desc(messages.seq))
          .limit(HISTORY_WINDOW * 2)
      ).reverse();
      return { summary, history };
    } catch (error) {
      logger.warn(
        { err: error, conversationId: conv.id },
        'could not summarize the history; using the window only',
      );
      return null;
    }
  }

  /** Summaries run on the company's cheap model for classification/summaries, else the agent's own. */
  function summarizerFor(agent: AgentConfig, turn: Turn) {
    const choice = turn.models.classifier ?? agent.model;
    if (!choice) return null;
    return async (transcript: string) => {
      const model = deps.modelFactory(choice, turn.keys);
      const reply = await model.invoke([
        new SystemMessage(
          'Resuma esta conversa de vendas no WhatsApp em até 10 linhas, em português: o que o lead quer, dados que ele informou, objeções, o que foi combinado e o que está pendente.',
        ),
        new HumanMessage(transcript),
      ]);
      return contentText(reply);
    };
  }

  /** The newest message of the conversation (reactions aside). */
  async function latestSeq(conversationId: string): Promise<number> {
    const [row] = await db
      .select({ seq: conversations.lastSeq })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    return row?.seq ?? 0;
  }

  /**
   * Writes the turn's outcome: piloto → outbox (bubbles with typing delays); copiloto → suggestions.
   * A message that arrived while the model thought makes the answer stale and nothing is written: the
   * lead's (the next run answers both) or, in a new turn, a seller's (a human stepped in).
   */
  async function dispatch(
    conv: typeof conversations.$inferSelect,
    agent: AgentConfig,
    text: string,
    { cutoffSeq, staleAfter }: { cutoffSeq: number; staleAfter: StaleAfter },
    traceId: string,
  ): Promise<Dispatch> {
    const split = { split: agent.replyStyle.splitMessages, max: agent.replyStyle.maxMessagesPerTurn };
    if (agent.mode === 'copiloto') {
      // 1–3 alternatives (separated by a "---" line), each a suggestion of its own bubbles.
      const alternatives = text
        .split(/^\s*---\s*$/m)
        .map((alt) => splitIntoBubbles(alt, split))
        .filter((b) => b.length)
        .slice(0, 3);
      if (!alternatives.length) return { texts: [], status: 'skipped' };
      if (await outbox.wroteAfter(conv.id, staleAfter)) return STALE;
      await db
        .update(suggestions)
        .set({ status: 'superseded', resolvedAt: new Date() })
        .where(and(eq(suggestions.conversationId, conv.id), eq(suggestions.status, 'pending')));
      for (const texts of alternatives) {
        const [s] = await db
          .insert(suggestions)
          .values({ orgId: conv.orgId, conversationId: conv.id, traceId, texts })
          .returning({ id: suggestions.id });
        await publish(conv.orgId, {
          type: 'suggestion.created',
          conversationId: conv.id,
          suggestionId: s.id,
        });
      }
      return { texts: alternatives.map((b) => b.join('\n\n')), status: 'suggested' };
    }
    const bubbles = splitIntoBubbles(text.replace(/^\s*---\s*$/gm, ''), split);
    if (!bubbles.length) return { texts: [], status: 'skipped' };
    if (await answersByVoice(conv, agent, cutoffSeq)) {
      // Speaking takes a while: not for an answer that is already stale.
      if (await outbox.wroteAfter(conv.id, staleAfter)) return STALE;
      const voiced = await replyByVoice(conv, agent, bubbles, staleAfter);
      if (voiced === 'stale') return STALE;
      if (voiced === 'sent') return { texts: bubbles, status: 'replied' };
    }
    let delay = 0;
    for (const [i, bubble] of bubbles.entries()) {
      delay += agent.replyStyle.typingDelay ? typingDelayMs(bubble) : 0;
      const message = {
        orgId: conv.orgId,
        conversationId: conv.id,
        senderType: 'ai' as const,
        kind: 'text' as const,
        text: bubble,
        notBefore: delay ? new Date(Date.now() + delay) : undefined,
        typingMs: agent.replyStyle.typingDelay ? typingDelayMs(bubble) : undefined,
      };
      if (i > 0) await outbox.queue(message);
      else if (!(await outbox.queueReply(message, staleAfter))) return STALE;
    }
    return { texts: bubbles, status: 'replied' };
  }

  /** Voice per agent: never, always, or when the lead's last message of the turn was audio. */
  async function answersByVoice(
    conv: typeof conversations.$inferSelect,
    agent: AgentConfig,
    cutoffSeq: number,
  ) {
    if (agent.voiceReply === 'never' || !deps.speak) return false;
    if (agent.voiceReply === 'always') return true;
    const [last] = await db
      .select({ kind: messages.kind })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conv.id),
          eq(messages.direction, 'inbound'),
          sql`${messages.seq} <= ${cutoffSeq}`,
          sql`${messages.kind} <> 'reaction'`,
        ),
      )
      .orderBy(desc(messages.seq))
      .limit(1);
    return last?.kind === 'audio';
  }

  /**
   * The spoken part goes as one voice note; links, Pix keys and codes (things people copy) follow as
   * text. If speech fails, the caller sends text instead: the lead always gets the answer.
   */
  async function replyByVoice(
    conv: typeof conversations.$inferSelect,
    agent: AgentConfig,
    bubbles: string[],
    staleAfter: StaleAfter,
  ): Promise<'sent' | 'stale' | 'not_spoken'> {
    const literal = bubbles.filter((b) => standsAlone(b));
    const spoken = bubbles.filter((b) => !standsAlone(b)).join('\n\n');
    if (!spoken) return 'not_spoken';
    try {
      const voice = await deps.speak!(conv.orgId, agent, spoken);
      if (!voice) return 'not_spoken';
      // Speaking took a while: the note goes only if nobody wrote meanwhile.
      const queued = await outbox.queueReply(
        {
          orgId: conv.orgId,
          conversationId: conv.id,
          senderType: 'ai',
          kind: 'audio',
          media: voice,
          understanding: { status: 'done', source: 'transcription', text: spoken, error: null, model: null },
        },
        staleAfter,
      );
      if (!queued) return 'stale';
    } catch (error) {
      logger.warn({ err: error, conversationId: conv.id }, 'voice reply failed; answering with text');
      return 'not_spoken';
    }
    for (const bubble of literal)
      await outbox.queue({
        orgId: conv.orgId,
        conversationId: conv.id,
        senderType: 'ai',
        kind: 'text',
        text: bubble,
      });
    return 'sent';
  }

  async function sendOrSuggest(conv: typeof conversations.$inferSelect, agent: AgentConfig, text: string) {
    if (agent.mode === 'piloto')
      await outbox.queue({
        orgId: conv.orgId,
        conversationId: conv.id,
        senderType: 'ai',
        kind: 'text',
        text,
      });
  }

  /**
   * One graph invocation — a new turn, a resumed one (the team answered), or the rest of a run a crash
   * cut short (same thread and trace) — its trace, and what it leads to.
   */
  async function execute(
    conv: typeof conversations.$inferSelect,
    agentRow: { id: string; version: number; config: AgentConfig },
    input:
      | {
          messages: BaseMessage[];
          trace: Array<{ role: string; text: string }>;
          /** From the turn's context: the lead's last message it answers, the newest message it saw, the lead's number. */
          cutoffSeq: number;
          seenSeq: number;
          phone: string | null;
        }
      | { resume: string; threadId: string }
      | { continue: string; traceId: string; cutoffSeq: number },
    turn: Turn,
  ) {
    const agent = agentRow.config;
    const started = Date.now();
    // The guard needs the lead's number once the model answers: read it meanwhile.
    const leadPhone = 'phone' in input ? Promise.resolve(input.phone) : phoneOf(conv.contactId);
    leadPhone.catch(() => {});
    // The trace row is written while the graph starts (its id is ours); the outcome waits for it.
    const trace = { id: 'continue' in input ? input.traceId : crypto.randomUUID() };
    const traceSaved: Promise<unknown> =
      'continue' in input
        ? Promise.resolve()
        : db
            .insert(agentTraces)
            .values({
              id: trace.id,
              orgId: conv.orgId,
              agentId: agentRow.id,
              agentVersion: agentRow.version,
              conversationId: conv.id,
              mode: agent.mode,
              model: agent.model ? `${agent.model.provider}:${agent.model.name}` : null,
              status: 'running',
              input:
                'messages' in input
                  ? input.trace
                  : [{ role: 'system', text: `Resposta da equipe: ${input.resume}` }],
              retrieved: [],
              toolCalls: [],
              output: [],
            })
            .then(() => undefined);
    traceSaved.catch(() => {});
    // Continuing, the answer covers what the lead had written when the run began.
    // Resuming, it covers what was written when the answer came back.
    const cutoffSeq = 'cutoffSeq' in input ? input.cutoffSeq : await latestSeq(conv.id);
    const threadId =
      'threadId' in input ? input.threadId : 'continue' in input ? input.continue : `${conv.id}:${trace.id}`;
    const ctx: RunContext = {
      orgId: conv.orgId,
      contactId: conv.contactId,
      conversationId: conv.id,
      collectionIds: agent.knowledgeCollectionIds,
      handoff: null,
      retrieved: [],
    };
    const finish = async (values: Partial<typeof agentTraces.$inferInsert>) => {
      await traceSaved;
      await db
        .update(agentTraces)
        .set({ latencyMs: Date.now() - started, retrieved: ctx.retrieved, ...values })
        .where(eq(agentTraces.id, trace.id));
    };

    const { keys } = turn;
    const choices = [agent.model, agent.fallbackModel].filter((c): c is NonNullable<typeof c> => Boolean(c));
    let lastError: unknown;
    for (const choice of choices) {
      const graph = graphFor(deps.modelFactory(choice, keys), agentRow);
      try {
        const config = runConfig(threadId, ctx);
        const result =
          'messages' in input
            ? await graph.invoke({ messages: input.messages }, config)
            : 'resume' in input
              ? await graph.invoke(new Command({ resume: input.resume }), config)
              : await graph.invoke(null, config); // from the last checkpoint: finished steps do not run again
        await traceSaved;
        const produced = producedBy(input, result.messages as BaseMessage[]);
        const toolCalls = collectToolCalls(produced);
        const usage = sumUsage(produced);
        const base = {
          model: `${choice.provider}:${choice.name}`,
          toolCalls,
          tokensIn: usage.input,
          tokensOut: usage.output,
          costMicros: costMicros(choice.name, usage.input, usage.output),
        };
        if (isInterrupted(result)) {
          const question = String(
            (result.__interrupt__[0]?.value as { question?: string })?.question ??
              'A IA precisa de uma informação da equipe',
          );
          const groupId = await similarPendingQuestion(conv.orgId, question);
          const [q] = await db
            .insert(questions)
            .values({
              orgId: conv.orgId,
              conversationId: conv.id,
              traceId: trace.id,
              threadId,
              question,
              groupId,
            })
            .returning({ id: questions.id });
          await sendOrSuggest(conv, agent, HOLDING_MESSAGE);
          await publish(conv.orgId, { type: 'question.updated', conversationId: conv.id, questionId: q.id });
          await finish({ ...base, status: 'asked_human', output: [HOLDING_MESSAGE] });
          return;
        }
        if (ctx.handoff) {
          await handOff(conv.orgId, conv.id, ctx.handoff.reason);
          if (ctx.handoff.reason === 'lead_requested') await sendOrSuggest(conv, agent, HANDOFF_MESSAGE);
          await finish({
            ...base,
            status: 'handoff',
            handoffReason: ctx.handoff.reason,
            output: [ctx.handoff.note],
          });
          return;
        }
        const final = contentText(produced.filter((m) => m instanceof AIMessage).at(-1));
        const verdict = await guard(agent, final, ctx.retrieved, turn, await leadPhone);
        if (!verdict.ok) {
          // Whatever the lead talked the model into, it does not leave: a human takes over.
          await handOff(conv.orgId, conv.id, 'model_failure');
          await finish({
            ...base,
            status: 'failed',
            handoffReason: 'model_failure',
            error: `Resposta bloqueada pela proteção: ${verdict.reason}`,
            output: [],
          });
          return;
        }
        // Anything newer than what the run covers (the lead, or a seller stepping in) makes the answer
        // stale. A run a crash cut short knows only when it began: a newer message from the lead.
        const staleAfter =
          'seenSeq' in input
            ? { seq: input.seenSeq }
            : 'continue' in input
              ? { seq: cutoffSeq, inboundOnly: true }
              : { seq: cutoffSeq };
        const outcome = await dispatch(conv, agent, final, { cutoffSeq, staleAfter }, trace.id);
        await finish({ ...base, status: outcome.status, output: outcome.texts });
        return;
      } catch (error) {
        lastError = error;
        logger.warn({ err: error, conversationId: conv.id, model: choice.name }, 'agent model failed');
      }
    }
    // Retries inside the client, then the fallback model, failed: a human takes over, with a note.
    await handOff(conv.orgId, conv.id, 'model_failure');
    await finish({
      status: 'failed',
      handoffReason: 'model_failure',
      error: lastError ? String((lastError as Error).message ?? lastError) : 'sem modelo',
    });
  }

  /**
   * A turn under the conversation's lease (released at the end): unless a human is in the conversation,
   * a crashed run is still to finish, someone already answered, or the lead's media is still being
   * understood, the agent answers everything the lead wrote.
   */
  async function runLeased(conversationId: string, runId: string, read?: TurnContext | null): Promise<void> {
    try {
      const context = read === undefined ? await readTurnContext(db, conversationId) : read;
      if (!context) return;
      const conv = context.conversation;
      const agentRow = await agents.forChannel(conv.orgId, conv.channelId);
      if (!agentRow) return;
      const agent = agentRow.config;
      if (!conv.aiActive && !(await quietPeriodOver(conv, agent))) return; // humans come first
      if (await recovery.continueOrphan(conv, agentRow, runId)) return; // a crashed run goes first
      const turn = await loadTurn(conv.orgId);
      const { last } = context;
      if (last?.direction !== 'inbound') return; // someone already answered
      const gate = mediaGate(context.leadTurn);
      if (gate?.action === 'wait') {
        // A voice note or photo is still being understood; its job wakes the agent when done.
        await jobs.send(
          AGENT_RUN_QUEUE,
          { conversationId: conv.id },
          { startAfter: new Date(Date.now() + 3000) },
        );
        return;
      }
      if (gate) {
        await mediaOutcome(conv, agentRow, gate);
        return;
      }
      const lastText =
        last.understanding?.status === 'done' ? (last.understanding.text ?? '') : (last.text ?? '');
      const pre = preChecks(agent, lastText, turn);
      if (pre) {
        await handOff(conv.orgId, conv.id, pre);
        await recordTurnWithoutModel(conv, agentRow, {
          status: 'handoff',
          handoffReason: pre,
          input: [{ role: 'lead', text: last.text ?? '' }],
          output: [],
        });
        if (pre === 'lead_requested') await sendOrSuggest(conv, agent, HANDOFF_MESSAGE);
        return;
      }
      const input = await modelInput(conv, agent, turn, context);
      const answers = { cutoffSeq: context.cutoffSeq, seenSeq: context.seenSeq };
      await execute(conv, agentRow, { ...input, ...answers, phone: context.phone }, turn);
    } finally {
      await releaseLease(conversationId, runId);
    }
  }

  const api = {
    onInbound,

    /** Lets onInbound start turns in this process (called by processes that run the job workers). */
    allowInlineRuns() {
      inlineAllowed = true;
    },

    /** Waits (at most `ms`) for the turns started in this process, before the database closes. */
    async drain(ms = 7_000): Promise<void> {
      inlineAllowed = false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...inlineRuns]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, ms);
        }),
      ]);
      clearTimeout(timer);
    },

    /** Queues the runs of dead processes (on worker start and every minute). */
    recoverStaleRuns: () => recovery.sweep(),

    /** The `agent.run` job: one run per conversation at a time, after the debounce window. */
    async run(conversationId: string): Promise<void> {
      const [conv] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
      if (conv?.status !== 'open') return;
      if (conv.aiDueAt && conv.aiDueAt.getTime() > Date.now() + 25) return; // a newer message re-armed the timer
      const runId = crypto.randomUUID();
      if (!(await acquireLease(conv.id, runId))) {
        await jobs.send(AGENT_RUN_QUEUE, { conversationId }, { startAfter: new Date(Date.now() + 2000) });
        return;
      }
      await runLeased(conv.id, runId);
    },

    /**
     * A seller answered the agent's question: the interrupted graph resumes with it — and so does every
     * similar pending question grouped with it. Saved for the future, the answer becomes knowledge, so
     * the next lead who asks gets it without a question to the team.
     */
    async answerQuestion(
      orgId: string,
      questionId: string,
      memberId: string,
      input: { answer: string; saveForFuture: boolean; learnedQuestion?: string },
    ) {
      const [q] = await db
        .select()
        .from(questions)
        .where(and(eq(questions.orgId, orgId), eq(questions.id, questionId)));
      if (!q) return null;
      if (q.status !== 'pending') return q;
      const group = q.groupId ?? q.id;
      const answered = await db
        .update(questions)
        .set({
          status: 'answered',
          answer: input.answer,
          answeredByMemberId: memberId,
          answeredAt: new Date(),
        })
        .where(
          and(
            eq(questions.orgId, orgId),
            eq(questions.status, 'pending'),
            or(eq(questions.id, q.id), eq(questions.id, group), eq(questions.groupId, group)),
          ),
        )
        .returning();
      if (!answered.some((a) => a.id === q.id)) return q;
      for (const a of answered) {
        await jobs.send(AGENT_RESUME_QUEUE, { questionId: a.id });
        await publish(orgId, {
          type: 'question.updated',
          conversationId: a.conversationId,
          questionId: a.id,
        });
      }
      if (input.saveForFuture) {
        await deps.teach(orgId, memberId, {
          question: input.learnedQuestion ?? q.question,
          answer: input.answer,
          source: 'question',
          questionId: q.id,
          activate: true,
        });
      }
      return answered.find((a) => a.id === q.id)!;
    },

    /** The `agent.resume` job: like a run, it holds the conversation's lease; it resumes a thread once. */
    async resume(questionId: string): Promise<void> {
      const [q] = await db.select().from(questions).where(eq(questions.id, questionId));
      if (q?.status !== 'answered' || !q.answer) return;
      const [conv] = await db.select().from(conversations).where(eq(conversations.id, q.conversationId));
      const agentRow = conv && (await agents.forChannel(conv.orgId, conv.channelId));
      if (!conv || !agentRow) return;
      const runId = crypto.randomUUID();
      if (!(await acquireLease(conv.id, runId, { takesPending: false }))) {
        await jobs.send(AGENT_RESUME_QUEUE, { questionId }, { startAfter: new Date(Date.now() + 2000) });
        return;
      }
      try {
        const turn = await loadTurn(conv.orgId);
        // A retried job finds the thread finished: the answer was already given.
        const work = await pendingWork(agentRow.config, turn, q.threadId).catch(() => undefined);
        if (work && !work.next.length) return;
        await execute(conv, agentRow, { resume: q.answer, threadId: q.threadId }, turn);
      } finally {
        await releaseLease(conv.id, runId);
      }
    },

    /** Seller's decision on a copilot suggestion: sent as is, edited, or dismissed (recorded). */
    async resolveSuggestion(
      orgId: string,
      suggestionId: string,
      memberId: string,
      action: { send: string } | 'dismiss',
    ) {
      const [s] = await db
        .select()
        .from(suggestions)
        .where(and(eq(suggestions.orgId, orgId), eq(suggestions.id, suggestionId)));
      if (!s) return null;
      if (action === 'dismiss') {
        await db
          .update(suggestions)
          .set({ status: 'dismissed', resolvedByMemberId: memberId, resolvedAt: new Date() })
          .where(eq(suggestions.id, s.id));
        return { suggestion: s, edited: false };
      }
      const edited =
        !s.texts.some((t) => normalize(t) === normalize(action.send)) &&
        normalize(s.texts.join('\n\n')) !== normalize(action.send);
      // The other alternatives of the same turn are no longer needed.
      if (s.traceId) {
        await db
          .update(suggestions)
          .set({ status: 'superseded', resolvedAt: new Date() })
          .where(and(eq(suggestions.traceId, s.traceId), eq(suggestions.status, 'pending')));
      }
      await db
        .update(suggestions)
        .set({
          status: edited ? 'edited' : 'accepted',
          sentText: action.send,
          resolvedByMemberId: memberId,
          resolvedAt: new Date(),
        })
        .where(eq(suggestions.id, s.id));
      // A material rewrite teaches: proposed as a learned answer, approved with one click.
      if (edited && materiallyDifferent(s.texts.join('\n\n'), action.send) && s.traceId) {
        const question = await leadQuestionOf(s.traceId);
        if (question)
          await deps.teach(orgId, memberId, {
            question,
            answer: action.send,
            source: 'copilot_edit',
            suggestionId: s.id,
            activate: false,
          });
      }
      return { suggestion: s, edited };
    },
  };
  return api;

  /** What the answer may mention: the lead's own number and whatever the company itself wrote down. */
  function guard(
    agent: AgentConfig,
    answer: string,
    retrieved: Array<{ text: string }>,
    turn: Turn,
    leadPhone: string | null,
  ) {
    const prompt = systemPrompt(agent, { name: turn.org.name });
    const companyText = [agent.instructions, agent.persona, ...retrieved.map((r) => r.text)].join('\n');
    return checkAnswer(answer, {
      systemPrompt: prompt,
      allowedPhones: [leadPhone ?? '', ...(companyText.match(/\+?\d[\d\s().-]{8,}\d/g) ?? [])],
      allowedEmails: companyText.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? [],
    });
  }

  async function phoneOf(contactId: string): Promise<string | null> {
    const [contact] = await db
      .select({ phone: contacts.phoneE164 })
      .from(contacts)
      .where(eq(contacts.id, contactId));
    return contact?.phone ?? null;
  }

  /**
   * A pending question from another conversation that asks the same thing (most words in common),
   * so sellers answer once: its group id, or null.
   */
  async function similarPendingQuestion(orgId: string, question: string): Promise<string | null> {
    const pending = await db
      .select({ id: questions.id, groupId: questions.groupId, question: questions.question })
      .from(questions)
      .where(and(eq(questions.orgId, orgId), eq(questions.status, 'pending')))
      .orderBy(desc(questions.createdAt))
      .limit(200);
    const words = stems(question);
    let best: { id: string; score: number } | null = null;
    for (const p of pending) {
      const score = overlap(words, stems(p.question));
      if (score >= 0.6 && (!best || score > best.score)) best = { id: p.groupId ?? p.id, score };
    }
    return best?.id ?? null;
  }

  /** The lead's messages the suggestion answered (the last ones in the turn's input). */
  async function leadQuestionOf(traceId: string): Promise<string | null> {
    const [t] = await db
      .select({ input: agentTraces.input })
      .from(agentTraces)
      .where(eq(agentTraces.id, traceId));
    const input = (t?.input ?? []) as Array<{ role: string; text: string }>;
    const lastBusiness = input.map((m) => m.role).lastIndexOf('business');
    const lead = input
      .slice(lastBusiness + 1)
      .filter((m) => m.role === 'lead')
      .map((m) => m.text);
    return lead.length ? lead.join('\n').slice(0, 1000) : null;
  }

  async function mediaOutcome(
    conv: typeof conversations.$inferSelect,
    agentRow: { id: string; version: number; config: AgentConfig },
    gate: Exclude<MediaGate, { action: 'wait' } | null>,
  ) {
    const agent = agentRow.config;
    if (gate.action === 'reply') await sendOrSuggest(conv, agent, gate.text);
    else await handOff(conv.orgId, conv.id, gate.reason);
    await recordTurnWithoutModel(conv, agentRow, {
      status: gate.action === 'reply' ? (agent.mode === 'piloto' ? 'replied' : 'suggested') : 'handoff',
      handoffReason: gate.action === 'handoff' ? gate.reason : null,
      input: [{ role: 'system', text: 'Mídia do lead que não pôde ser entendida' }],
      output: [gate.action === 'reply' ? gate.text : gate.note],
    });
  }

  /** The trace of a turn decided without the model (a rule handed off, or bad media got a fixed reply). */
  function recordTurnWithoutModel(
    conv: typeof conversations.$inferSelect,
    agentRow: { id: string; version: number; config: AgentConfig },
    turn: {
      status: string;
      handoffReason: HandoffReason | null;
      input: Array<{ role: string; text: string }>;
      output: string[];
    },
  ) {
    return db.insert(agentTraces).values({
      orgId: conv.orgId,
      agentId: agentRow.id,
      agentVersion: agentRow.version,
      conversationId: conv.id,
      mode: agentRow.config.mode,
      retrieved: [],
      toolCalls: [],
      ...turn,
    });
  }

  /** A human took over (not a handoff): the AI may come back after the agent's quiet period. */
  async function quietPeriodOver(
    conv: typeof conversations.$inferSelect,
    agent: AgentConfig,
  ): Promise<boolean> {
    if (conv.handoffReason || agent.humanQuietMinutes === null) return false;
    const [human] = await db
      .select({ at: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.conversationId, conv.id), sql`${messages.senderType} in ('member', 'phone')`))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    if (human && Date.now() - human.at.getTime() < agent.humanQuietMinutes * 60_000) return false;
    await db.update(conversations).set({ aiActive: true }).where(eq(conversations.id, conv.id));
    return true;
  }

  function preChecks(agent: AgentConfig, lastText: string, turn: Turn): HandoffReason | null {
    const { org } = turn;
    if (
      agent.workingHours === 'business_hours' &&
      !isWithinBusinessHours(org.businessHours, org.timeZone, new Date())
    ) {
      return 'out_of_hours';
    }
    const lower = lastText.toLowerCase();
    if (agent.handoff.keywords.some((k) => lower.includes(k.toLowerCase()))) return 'keyword';
    if (agent.handoff.onLeadRequest && LEAD_ASKS_FOR_HUMAN.test(lastText)) return 'lead_requested';
    if (modelProblem(agent.model, turn.keys, deps.config)) return 'no_model';
    return null;
  }
}

export const AGENT_RESUME_QUEUE = 'agent.resume';

type Turn = { org: typeof orgs.$inferSelect; keys: AiKeys; models: AiTaskModels };

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Text → a stored OGG/Opus voice note in the agent's voice (null: no speech model configured). */
export type Speak = (orgId: string, agent: AgentConfig, text: string) => Promise<StoredMedia | null>;

export type Teach = (
  orgId: string,
  memberId: string | null,
  input: {
    question: string;
    answer: string;
    source: 'question' | 'copilot_edit';
    questionId?: string;
    suggestionId?: string;
    activate: boolean;
  },
) => Promise<unknown>;

const STOP_WORDS = new Set(
  'a o as os de da do das dos e em no na nos nas um uma uns umas para pra por com que se qual quais quanto quanta como voces vcs voce vc eu me meu minha ele ela isso esse essa tem ter sao ser foi mais ou ja nao sim ao aos'.split(
    ' ',
  ),
);
/** Lowercased, unaccented 5-letter stems of the meaningful words. */
function stems(text: string): Set<string> {
  const words =
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !STOP_WORDS.has(w)).map((w) => w.slice(0, 5)));
}
/** Overlap coefficient: shared stems over the smaller set. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}
/** A rewrite that changed what is said (not just a typo or a greeting): under 70% of words shared. */
function materiallyDifferent(suggested: string, sent: string): boolean {
  const a = stems(suggested);
  const b = stems(sent);
  if (!b.size) return false;
  let shared = 0;
  for (const w of b) if (a.has(w)) shared++;
  return shared / Math.max(a.size, b.size) < 0.7;
}

const KIND_LABELS: Record<string, string> = {
  audio: 'Áudio',
  image: 'Imagem',
  document: 'Documento',
  video: 'Vídeo',
  sticker: 'Figurinha',
  location: 'Localização',
  contact: 'Contato',
};

/** A message as the model reads it: media come as what was understood of them (transcript, description, text). */
export function renderText(m: {
  direction: string;
  text: string | null;
  kind: string;
  media: { fileName: string | null } | null;
  understanding?: MediaUnderstanding | null;
}): string {
  const u = m.understanding;
  const label = KIND_LABELS[m.kind] ?? m.kind;
  const file = m.media?.fileName ? ` "${m.media.fileName}"` : '';
  if (u?.status === 'done' && u.text) {
    if (m.direction !== 'inbound') return u.text; // the AI's own voice note: what it said
    if (u.source === 'transcription') return `[Áudio do lead, transcrito]\n${u.text}`;
    if (u.source === 'document') return `[Documento${file} enviado pelo lead; texto extraído]\n${u.text}`;
    const caption = m.text ? ` com a legenda "${m.text}"` : '';
    return `[Imagem enviada pelo lead${caption}; ${u.source === 'ocr' ? 'texto lido nela' : 'descrição'}]\n${u.text}`;
  }
  if (u?.status === 'failed') return `[${label}${file} que não conseguimos abrir: ${u.error}]`;
  return m.text ?? (m.media?.fileName ? `[${m.kind}: ${m.media.fileName}]` : `[${m.kind}]`);
}

function contentText(message: BaseMessage | undefined): string {
  if (!message) return '';
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/**
 * What the turn added to the thread: after its input; continuing a run a crash cut short, after the
 * lead's last message (the turn's input ends with it); resuming, the whole thread.
 */
function producedBy(
  input: { messages: BaseMessage[] } | { resume: string } | { continue: string },
  all: BaseMessage[],
) {
  if ('messages' in input) return all.slice(input.messages.length);
  if ('continue' in input) return all.slice(all.findLastIndex((m) => HumanMessage.isInstance(m)) + 1);
  return all;
}

function collectToolCalls(produced: BaseMessage[]) {
  const calls: Array<{ name: string; args: unknown; result: unknown }> = [];
  for (const m of produced) {
    if (m instanceof AIMessage)
      for (const c of m.tool_calls ?? []) calls.push({ name: c.name, args: c.args, result: null });
    if (m instanceof ToolMessage) {
      const call = [...calls].reverse().find((c) => c.result === null);
      if (call) call.result = m.content;
    }
  }
  return calls;
}

function sumUsage(produced: BaseMessage[]) {
  let input = 0;
  let output = 0;
  for (const m of produced) {
    if (m instanceof AIMessage && m.usage_metadata) {
      input += m.usage_metadata.input_tokens;
      output += m.usage_metadata.output_tokens;
    }
  }
  return { input, output };
}

export type AgentRuns = ReturnType<typeof createAgentRuns>;
