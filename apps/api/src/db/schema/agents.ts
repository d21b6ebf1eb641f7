import type { AgentConfig, AiTaskModels, HandoffReason } from '@piloto/contracts';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgIdColumn } from './channels.ts';

/** An AI agent; `config` is the current version's configuration. */
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    config: jsonb('config').$type<AgentConfig>().notNull(),
    version: integer('version').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('agents_org_idx').on(t.orgId)],
);

/** Every saved configuration; a trace names the version that produced it. */
export const agentVersions = pgTable(
  'agent_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    config: jsonb('config').$type<AgentConfig>().notNull(),
    createdByUserId: text('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agent_versions_agent_idx').on(t.agentId, t.version)],
);

/** One AI turn: what went in, which tools ran, what came out, cost and latency. */
export const agentTraces = pgTable(
  'agent_traces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    agentId: uuid('agent_id').notNull(),
    agentVersion: integer('agent_version').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    mode: text('mode').$type<'piloto' | 'copiloto'>().notNull(),
    model: text('model'),
    status: text('status').notNull(),
    handoffReason: text('handoff_reason').$type<HandoffReason>(),
    input: jsonb('input').notNull(),
    retrieved: jsonb('retrieved').notNull(),
    toolCalls: jsonb('tool_calls').notNull(),
    output: jsonb('output').notNull(),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    costMicros: integer('cost_micros'),
    latencyMs: integer('latency_ms').notNull().default(0),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agent_traces_org_idx').on(t.orgId, t.createdAt),
    index('agent_traces_conversation_idx').on(t.conversationId),
  ],
);

export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    conversationId: uuid('conversation_id').notNull(),
    traceId: uuid('trace_id'),
    texts: jsonb('texts').$type<string[]>().notNull(),
    status: text('status')
      .$type<'pending' | 'accepted' | 'edited' | 'dismissed' | 'superseded'>()
      .notNull()
      .default('pending'),
    sentText: text('sent_text'),
    resolvedByMemberId: uuid('resolved_by_member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('suggestions_conversation_idx').on(t.conversationId, t.status)],
);

/** A question the agent asked the team (ask_human); answering resumes the interrupted graph. */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    conversationId: uuid('conversation_id').notNull(),
    traceId: uuid('trace_id'),
    /** LangGraph thread to resume with the answer. */
    threadId: text('thread_id').notNull(),
    question: text('question').notNull(),
    /** The first pending question of a group of similar ones: answering it answers them all. */
    groupId: uuid('group_id'),
    status: text('status').$type<'pending' | 'answered' | 'cancelled'>().notNull().default('pending'),
    answer: text('answer'),
    answeredByMemberId: uuid('answered_by_member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [index('questions_org_status_idx').on(t.orgId, t.status)],
);

/** Lead qualification the agent keeps up to date (update_lead). */
export const leadProfiles = pgTable(
  'lead_profiles',
  {
    orgId: orgIdColumn(),
    contactId: uuid('contact_id').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    score: integer('score'),
    stage: text('stage'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.contactId] })],
);

/** The company's own AI provider keys, sealed like channel credentials. */
export const aiSettings = pgTable('ai_settings', {
  orgId: orgIdColumn().primaryKey(),
  secrets: text('secrets').notNull(),
  /** A model per task (embeddings, transcription, vision, speech, classifier); null = the default. */
  models: jsonb('models').$type<Partial<AiTaskModels>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
