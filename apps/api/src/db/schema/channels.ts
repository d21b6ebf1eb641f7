import type { ChannelStatus, HandoffReason, ProviderKindName } from '@piloto/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs.ts';

/** The tenant column every domain table carries (deleting a company deletes its data). */
export const orgIdColumn = () =>
  uuid('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' });

/** A WhatsApp number connected through one provider. Credentials (and the webhook secret) are encrypted. */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    provider: text('provider').$type<ProviderKindName>().notNull(),
    phoneNumber: text('phone_number'),
    /** AES-256-GCM of JSON { credentials, webhookSecret } (platform/crypto.ts). */
    secrets: text('secrets').notNull(),
    /** Cloud API routes webhooks by phone_number_id; kept in clear to find the channel. */
    externalId: text('external_id'),
    status: text('status').$type<ChannelStatus>().notNull().default('unknown'),
    statusDetail: text('status_detail'),
    statusCheckedAt: timestamp('status_checked_at', { withTimezone: true }),
    dailySendLimit: integer('daily_send_limit'),
    /** Earliest time the next automated send may go out (per-number pacing with jitter). */
    nextSendAt: timestamp('next_send_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('channels_org_idx').on(t.orgId)],
);

/** Every webhook delivery, kept raw with what became of it: nothing a provider sends is lost. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    status: text('status').$type<'accepted' | 'rejected' | 'processed' | 'failed'>().notNull(),
    reason: text('reason'),
    body: text('body').notNull(),
    /** The normalized events parsed from the body (what the worker applies). */
    events: jsonb('events'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [index('webhook_events_channel_idx').on(t.channelId, t.status, t.receivedAt)],
);

/** A lead (or any person who writes). One person may have several identities (phone, LID, BSUID). */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    /** E.164 (+55DD9XXXXXXXX), normalized with the Brazilian 9th digit. */
    phoneE164: text('phone_e164'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_org_phone_idx').on(t.orgId, t.phoneE164)],
);

export const contactIdentities = pgTable(
  'contact_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'phone' | 'lid' | 'bsuid'>().notNull(),
    /** phone: E.164; lid: "…@lid"; bsuid: as Meta sends it. */
    value: text('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contact_identities_uq').on(t.orgId, t.kind, t.value),
    index('contact_identities_contact_idx').on(t.contactId),
  ],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    /** members.id of the seller in charge. */
    assigneeMemberId: uuid('assignee_member_id'),
    aiActive: boolean('ai_active').notNull().default(true),
    /** Why the AI last handed this conversation to a human (HandoffReason), shown in the inbox. */
    handoffReason: text('handoff_reason').$type<HandoffReason>(),
    /** The AI may answer again after this time even if a human wrote (agent's humanQuietMinutes). */
    aiQuietUntil: timestamp('ai_quiet_until', { withTimezone: true }),
    /** Debounce: the AI answers once the lead has been quiet until this time. */
    aiDueAt: timestamp('ai_due_at', { withTimezone: true }),
    /** Lease so only one AI run per conversation at a time, across instances. */
    aiRunId: uuid('ai_run_id'),
    aiRunStartedAt: timestamp('ai_run_started_at', { withTimezone: true }),
    /** Rolling summary of the older history (bounded tokens per turn). */
    aiSummary: text('ai_summary'),
    /** Messages up to this seq are covered by aiSummary. */
    aiSummarySeq: bigint('ai_summary_seq', { mode: 'number' }).notNull().default(0),
    /** The raw provider id replies go to (Z-API phone, Evolution remoteJid, Cloud wa_id). */
    replyTo: text('reply_to').notNull(),
    unreadCount: integer('unread_count').notNull().default(0),
    lastMessageId: uuid('last_message_id'),
    /**
     * The newest message's seq (reactions aside). Every message of a conversation is inserted holding its
     * row lock, so seqs follow commit order within a conversation and an AI answer can check, under that
     * lock, that nothing came in after what it saw.
     */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    /** Last time the lead wrote (Cloud API's 24-hour window). */
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open conversation per contact and channel.
    uniqueIndex('conversations_open_uq').on(t.channelId, t.contactId).where(sql`status = 'open'`),
    index('conversations_inbox_idx').on(t.orgId, t.status, t.lastMessageAt),
    // The recovery sweep's two questions, every minute: runs holding a lease, and messages left pending.
    index('conversations_ai_run_idx').on(t.aiRunStartedAt).where(sql`ai_run_id is not null`),
    index('conversations_ai_due_idx').on(t.aiDueAt).where(sql`ai_due_at is not null`),
  ],
);

export type StoredMedia = {
  storageKey: string | null;
  mimeType: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  seconds: number | null;
  voice: boolean;
  error: string | null;
  /** Where to fetch it from the provider, until it is stored. */
  ref?: unknown;
};

/** What the app understood from a media message (transcript, description, OCR or document text). */
export type MediaUnderstanding = {
  status: 'pending' | 'done' | 'failed';
  source: 'transcription' | 'vision' | 'ocr' | 'document' | null;
  text: string | null;
  /** Why it could not be understood, pt-BR, polite enough to tell the lead (shown to the seller too). */
  error: string | null;
  /**
   * Machine reason of a failure: a MediaError/KnowledgeFileError code (the lead is told), or
   * 'not_configured' / 'provider_failed' (a human takes over).
   */
  code?: string | null;
  model: string | null;
};

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    providerMessageId: text('provider_message_id'),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    senderType: text('sender_type').$type<'contact' | 'member' | 'ai' | 'phone' | 'system'>().notNull(),
    senderMemberId: uuid('sender_member_id'),
    kind: text('kind').notNull(),
    text: text('text'),
    media: jsonb('media').$type<StoredMedia>(),
    understanding: jsonb('understanding').$type<MediaUnderstanding>(),
    /** location, contacts and reaction payloads. */
    extra: jsonb('extra').$type<Record<string, unknown>>(),
    quotedMessageId: uuid('quoted_message_id'),
    quotedProviderMessageId: text('quoted_provider_message_id'),
    status: text('status').notNull(),
    statusDetail: text('status_detail'),
    attempts: integer('attempts').notNull().default(0),
    /**
     * AI bubbles: "typing…" shown for this long before the message arrives. Cleared once a provider
     * that types through a call of its own (Cloud API) has been asked to, so a retry does not type again.
     */
    typingMs: integer('typing_ms'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    providerTimestamp: timestamp('provider_timestamp', { withTimezone: true }),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Arrival order, to break ties between messages stamped in the same second. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    // Dedupe only on (channel, provider message id): two messages with the same text are both kept.
    uniqueIndex('messages_provider_uq').on(t.channelId, t.providerMessageId),
    index('messages_conversation_idx').on(t.conversationId, t.createdAt, t.seq),
    index('messages_text_search_idx').using('gin', sql`to_tsvector('pt_unaccent', coalesce(${t.text}, ''))`),
  ],
);

export const labels = pgTable(
  'labels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    color: text('color').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('labels_org_name_uq').on(t.orgId, t.name)],
);

export const conversationLabels = pgTable(
  'conversation_labels',
  {
    orgId: orgIdColumn(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    labelId: uuid('label_id')
      .notNull()
      .references(() => labels.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('conversation_labels_uq').on(t.conversationId, t.labelId)],
);

export const contactNotes = pgTable('contact_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  contactId: uuid('contact_id')
    .notNull()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  authorMemberId: uuid('author_member_id'),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const quickReplies = pgTable(
  'quick_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    shortcut: text('shortcut').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quick_replies_org_shortcut_uq').on(t.orgId, t.shortcut)],
);

/** Files a member uploaded to attach to a message (kept in storage under storageKey). */
export const uploads = pgTable('uploads', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  storageKey: text('storage_key').notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  uploadedByMemberId: uuid('uploaded_by_member_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
