import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conversations, messages, type StoredMedia } from '../../db/schema/index.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { DeliveryStatus, NormalizedEvent, NormalizedMessage } from '../channels/provider.ts';
import { resolveContact } from './contacts.ts';

type ChannelRef = { id: string; orgId: string };

/** Status order: a late "delivered" never overwrites "read". `failed` only replaces pre-delivery states. */
const statusRank: Record<string, number> = {
  queued: 0,
  sending: 1,
  accepted: 2,
  sent: 3,
  delivered: 4,
  read: 5,
  played: 6,
};

export type IngestResult = {
  createdMessageIds: string[];
  mediaToFetch: string[];
  connection?: { state: 'connected' | 'disconnected' | 'qr_needed'; detail?: string };
  /** Statuses for messages we do not know yet (a webhook racing our own send): retry later. */
  unknownStatusIds: string[];
};

/** Media kinds the app turns into text for the agent (see modules/media). */
export const UNDERSTOOD_KINDS = new Set(['audio', 'image', 'document']);

export function createIngest(deps: {
  db: Db;
  bus: EventBus;
  /** A lead wrote in this conversation (the AI agent's debounce starts here). */
  afterInbound: (orgId: string, conversationId: string, channelId: string) => Promise<void>;
}) {
  const { db, bus } = deps;
  const publish = (orgId: string, event: Record<string, unknown>) => bus.publish(`org:${orgId}`, event);

  async function applyMessage(
    channel: ChannelRef,
    m: NormalizedMessage,
    result: IngestResult,
  ): Promise<void> {
    const outcome = await db.transaction(async (tx) => {
      // Dedupe first: a redelivered webhook must not touch anything.
      const [existing] = await tx
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.channelId, channel.id), eq(messages.providerMessageId, m.providerMessageId)));
      if (existing) return null;
      const contactId = await resolveContact(tx, channel.orgId, m.peer);
      // Locked: the message's seq is taken under the conversation's row lock (see conversations.lastSeq).
      let [conv] = await tx
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.channelId, channel.id),
            eq(conversations.contactId, contactId),
            eq(conversations.status, 'open'),
          ),
        )
        .for('update');
      if (!conv) {
        [conv] = await tx
          .insert(conversations)
          .values({ orgId: channel.orgId, channelId: channel.id, contactId, replyTo: m.peer.replyTo })
          .returning();
      }
      const quoted = m.quotedProviderMessageId ?? m.reaction?.targetProviderMessageId;
      const [quotedRow] = quoted
        ? await tx
            .select({ id: messages.id })
            .from(messages)
            .where(and(eq(messages.channelId, channel.id), eq(messages.providerMessageId, quoted)))
        : [];
      const media: StoredMedia | null = m.media
        ? {
            storageKey: null,
            mimeType: m.media.mimeType ?? null,
            fileName: m.media.fileName ?? null,
            sizeBytes: m.media.sizeBytes ?? null,
            seconds: m.media.seconds ?? null,
            voice: Boolean(m.media.voice),
            error: null,
            ref: m.media.ref,
          }
        : null;
      const inbound = m.direction === 'inbound';
      const [row] = await tx
        .insert(messages)
        .values({
          orgId: channel.orgId,
          conversationId: conv.id,
          channelId: channel.id,
          providerMessageId: m.providerMessageId,
          direction: inbound ? 'inbound' : 'outbound',
          senderType: inbound ? 'contact' : 'phone',
          kind: m.kind,
          text: m.text ?? m.media?.caption ?? null,
          media,
          // A lead's voice note, photo or document is understood (transcribed, described, read) before the AI answers.
          understanding:
            inbound && UNDERSTOOD_KINDS.has(m.kind)
              ? { status: 'pending', source: null, text: null, error: null, model: null }
              : null,
          extra:
            (m.location ?? m.contacts ?? m.reaction)
              ? { location: m.location, contacts: m.contacts, reaction: m.reaction }
              : null,
          quotedMessageId: quotedRow?.id ?? null,
          quotedProviderMessageId: quoted ?? null,
          status: inbound ? 'received' : 'sent',
          providerTimestamp: m.timestamp,
          createdAt: m.timestamp,
        })
        .onConflictDoNothing()
        .returning({ id: messages.id, seq: messages.seq });
      if (!row) return null;
      // Reactions decorate another message; they do not move the conversation up or count as unread.
      if (m.kind !== 'reaction') {
        await tx
          .update(conversations)
          .set({
            lastMessageId: row.id,
            lastMessageAt: m.timestamp,
            unreadCount: inbound ? sql`${conversations.unreadCount} + 1` : conversations.unreadCount,
            lastInboundAt: inbound ? m.timestamp : conversations.lastInboundAt,
            // The business answered from the phone: a human is in this conversation, the AI steps back.
            aiActive: inbound ? conversations.aiActive : false,
            lastSeq: sql`greatest(${conversations.lastSeq}, ${row.seq})`,
            // Pending for the AI from the moment it is stored: if this process dies before a run takes
            // it, the recovery sweep still finds it (a run clears the mark; no agent, the sweep does).
            aiDueAt: inbound ? sql`now()` : conversations.aiDueAt,
            // Replies go to the id the provider used last (a LID may become a phone).
            replyTo: inbound ? m.peer.replyTo : conversations.replyTo,
            updatedAt: new Date(),
          })
          .where(eq(conversations.id, conv.id));
      }
      return { messageId: row.id, conversationId: conv.id };
    });
    if (!outcome) return;
    result.createdMessageIds.push(outcome.messageId);
    if (m.media) result.mediaToFetch.push(outcome.messageId);
    await publish(channel.orgId, {
      type: 'message.created',
      conversationId: outcome.conversationId,
      messageId: outcome.messageId,
    });
    await Promise.all([
      publish(channel.orgId, { type: 'conversation.updated', conversationId: outcome.conversationId }),
      m.direction === 'inbound' && m.kind !== 'reaction'
        ? deps.afterInbound(channel.orgId, outcome.conversationId, channel.id)
        : undefined,
    ]);
  }

  async function applyStatus(
    channel: ChannelRef,
    e: { providerMessageId: string; status: DeliveryStatus; error?: { code: string; message: string } },
    result: IngestResult,
  ): Promise<void> {
    const [row] = await db
      .select({ id: messages.id, status: messages.status, conversationId: messages.conversationId })
      .from(messages)
      .where(and(eq(messages.channelId, channel.id), eq(messages.providerMessageId, e.providerMessageId)));
    if (!row) {
      result.unknownStatusIds.push(e.providerMessageId);
      return;
    }
    const current = statusRank[row.status] ?? -1;
    const next = e.status === 'failed' ? (current < statusRank.delivered ? 99 : -1) : statusRank[e.status];
    if (next <= current) return;
    await db
      .update(messages)
      .set({
        status: e.status,
        statusDetail:
          e.status === 'failed'
            ? `WhatsApp não entregou: ${e.error?.message ?? 'motivo não informado'}`
            : null,
      })
      .where(eq(messages.id, row.id));
    await publish(channel.orgId, {
      type: 'message.updated',
      conversationId: row.conversationId,
      messageId: row.id,
    });
  }

  async function applyEditOrDelete(
    channel: ChannelRef,
    e: Extract<NormalizedEvent, { type: 'edit' | 'delete' }>,
  ) {
    const set = e.type === 'edit' ? { text: e.text, editedAt: e.timestamp } : { deletedAt: e.timestamp };
    const rows = await db
      .update(messages)
      .set(set)
      .where(and(eq(messages.channelId, channel.id), eq(messages.providerMessageId, e.providerMessageId)))
      .returning({ id: messages.id, conversationId: messages.conversationId });
    for (const r of rows)
      await publish(channel.orgId, {
        type: 'message.updated',
        conversationId: r.conversationId,
        messageId: r.id,
      });
  }

  return {
    /** Applies one webhook's normalized events; safe to run twice (dedupe on provider ids). */
    async apply(channel: ChannelRef, events: NormalizedEvent[]): Promise<IngestResult> {
      const result: IngestResult = { createdMessageIds: [], mediaToFetch: [], unknownStatusIds: [] };
      for (const event of events) {
        if (event.type === 'message') await applyMessage(channel, reviveDates(event), result);
        else if (event.type === 'status') await applyStatus(channel, event, result);
        else if (event.type === 'edit' || event.type === 'delete')
          await applyEditOrDelete(channel, reviveDates(event));
        else if (event.type === 'connection')
          result.connection = { state: event.state, detail: event.detail };
      }
      return result;
    },

    async knownProviderIds(channelId: string, ids: string[]): Promise<string[]> {
      if (!ids.length) return [];
      const rows = await db
        .select({ id: messages.providerMessageId })
        .from(messages)
        .where(and(eq(messages.channelId, channelId), inArray(messages.providerMessageId, ids)));
      return rows.map((r) => r.id!);
    },
  };
}

/** Events come back from jsonb with dates as strings. */
function reviveDates<T extends { timestamp: Date | string }>(event: T): T {
  return { ...event, timestamp: new Date(event.timestamp) };
}

export type Ingest = ReturnType<typeof createIngest>;
