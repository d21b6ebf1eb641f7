import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Db, queryPrepared } from '../../db/client.ts';
import {
  channels,
  conversations,
  type MediaUnderstanding,
  messages,
  type StoredMedia,
} from '../../db/schema/index.ts';
import { ProviderError } from '../../platform/httpClient.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { Storage } from '../../platform/storage.ts';
import { AudioConversionError, toVoiceNote } from '../../platform/voiceNote.ts';
import type { OutgoingMessage, TypingHint } from './provider.ts';
import type { ChannelsService } from './service.ts';

export const SEND_QUEUE = 'channel.send';
export const MAX_SEND_ATTEMPTS = 5;
/** A sent message with no word from WhatsApp after this long is flagged in the inbox. */
export const STUCK_AFTER_MS = 10 * 60 * 1000;
const WAIT_FOR_CONNECTION_MS = 30_000;
/** Unofficial numbers: a human-like gap between automated sends, so nothing bursts a number into a ban. */
export const PACING_JITTER_MS = { min: 1500, max: 4000 };
/** Cloud API: 80 messages/s per number by default (error 130429 beyond that). */
export const CLOUD_MIN_GAP_MS = 1000 / 80;
/**
 * A typing call is dismissed by the next message sent (Cloud API), so a bubble starts typing only once
 * the bubbles before it are out; it checks again this often, and stops waiting after TYPING_WAIT_MAX_MS.
 */
const TYPING_WAIT_POLL_MS = 500;
const TYPING_WAIT_MAX_MS = 2 * 60_000;

/**
 * A turn's answer is stale once a message newer than `seq` exists (only the lead's, with `inboundOnly`).
 * A reaction is not: it asks for no answer, and no run would follow it.
 */
export type StaleAfter = { seq: number; inboundOnly?: boolean };
const newerThan = ({ seq, inboundOnly }: StaleAfter) =>
  inboundOnly
    ? sql`m.seq > ${seq} and m.kind <> 'reaction' and m.direction = 'inbound'`
    : sql`m.seq > ${seq} and m.kind <> 'reaction'`;

export type QueueOutbound = {
  orgId: string;
  conversationId: string;
  senderType: 'member' | 'ai' | 'system';
  senderMemberId?: string | null;
  kind: 'text' | 'image' | 'document' | 'audio' | 'video';
  text?: string | null;
  media?: StoredMedia | null;
  /** For the AI's voice notes: what was said, shown under the audio in the inbox. */
  understanding?: MediaUnderstanding | null;
  quotedMessageId?: string | null;
  /** Arrives around this time (the AI's "typing…" delay between bubbles). */
  notBefore?: Date;
  /** Shows "typing…" for this long before it arrives: the send starts this much before `notBefore`. */
  typingMs?: number;
};

/**
 * Every outgoing message is a row first, then sent by a job: retried with backoff, paced per number,
 * held while the number is disconnected, and never silently lost (it ends sent or failed with a reason).
 */
export function createOutbox(deps: {
  db: Db;
  jobs: Jobs;
  bus: EventBus;
  storage: Storage;
  channels: ChannelsService;
  logger: Logger;
  ffmpegPath: string;
}) {
  const { db, jobs, bus, storage, channels: channelsService, logger } = deps;
  const publish = (orgId: string, conversationId: string, messageId: string) =>
    bus.publish(`org:${orgId}`, { type: 'message.updated', conversationId, messageId });

  async function setState(
    id: string,
    status: string,
    statusDetail: string | null,
    extra: Partial<typeof messages.$inferInsert> = {},
  ) {
    const [row] = await db
      .update(messages)
      .set({ status, statusDetail, ...extra })
      .where(eq(messages.id, id))
      .returning({ orgId: messages.orgId, conversationId: messages.conversationId });
    if (row) await publish(row.orgId, row.conversationId, id);
  }

  /** The lead sees "typing…" (where the provider can show it) and the message goes out `typingMs` later. */
  async function typeFirst(
    msg: typeof messages.$inferSelect,
    to: string,
    show: ((hint: TypingHint) => Promise<void>) | undefined,
  ): Promise<void> {
    const typingMs = msg.typingMs ?? 0;
    if (show && Date.now() - msg.createdAt.getTime() < TYPING_WAIT_MAX_MS) {
      const [ahead] = await db
        .select({ id: messages.id })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, msg.conversationId),
            eq(messages.direction, 'outbound'),
            lt(messages.seq, msg.seq),
            inArray(messages.status, ['queued', 'sending']),
          ),
        )
        .limit(1);
      if (ahead) {
        await later(msg.id, TYPING_WAIT_POLL_MS);
        return;
      }
    }
    // Only one job gets to type: a duplicate or a retry finds the hint spent and just sends.
    const [claimed] = await db
      .update(messages)
      .set({ typingMs: null })
      .where(and(eq(messages.id, msg.id), eq(messages.status, 'queued'), isNotNull(messages.typingMs)))
      .returning({ id: messages.id });
    if (!claimed) return;
    if (show) {
      const [lastInbound] = await db
        .select({ pid: messages.providerMessageId })
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, msg.conversationId),
            eq(messages.direction, 'inbound'),
            isNotNull(messages.providerMessageId),
          ),
        )
        .orderBy(desc(messages.createdAt), desc(messages.seq))
        .limit(1);
      try {
        await show({
          to,
          durationMs: typingMs,
          ...(lastInbound?.pid ? { lastInboundProviderMessageId: lastInbound.pid } : {}),
        });
      } catch (error) {
        // A hint, never a reason not to send.
        logger.warn({ err: error, messageId: msg.id }, 'typing indicator failed; sending anyway');
      }
    }
    await later(msg.id, typingMs);
  }

  /**
   * The outbox row, in one statement that first moves the conversation (holding its row lock, taking the
   * message's seq: see conversations.lastSeq) and then inserts the message with the conversation's
   * number. Nothing is written when the conversation is not this company's or, given `staleAfter`, when
   * someone wrote after it — checked on the conversation as it is once locked, so a message still being
   * stored counts. Then the send job is queued and the inbox is told. Null when nothing was written.
   */
  async function insertOutbound(input: QueueOutbound, staleAfter?: StaleAfter): Promise<string | null> {
    const typingMs = input.typingMs && input.typingMs > 0 ? Math.round(input.typingMs) : null;
    const startAfter = input.notBefore && new Date(input.notBefore.getTime() - (typingMs ?? 0));
    const json = (value: unknown) => (value ? JSON.stringify(value) : null);
    const id = crypto.randomUUID();
    const statement = !staleAfter
      ? 'outbox_insert'
      : staleAfter.inboundOnly
        ? 'outbox_insert_unless_lead'
        : 'outbox_insert_unless_any';
    const rows = await queryPrepared<{ id: string }>(
      db,
      statement,
      sql`
      with moved as (
        update conversations c
           set last_seq = nextval(pg_get_serial_sequence('messages', 'seq')),
               last_message_id = ${id}::uuid, last_message_at = now(), updated_at = now()
         where c.id = ${input.conversationId} and c.org_id = ${input.orgId}
           ${
             !staleAfter
               ? sql``
               : staleAfter.inboundOnly
                 ? sql`and not exists (select 1 from messages m where m.conversation_id = c.id and ${newerThan(staleAfter)})`
                 : sql`and c.last_seq <= ${staleAfter.seq}`
           }
        returning c.org_id, c.id, c.channel_id, c.last_seq
      ), row as (
        insert into messages (id, seq, org_id, conversation_id, channel_id, direction, sender_type, sender_member_id,
                              kind, text, media, understanding, quoted_message_id, typing_ms, status)
        select ${id}::uuid, moved.last_seq, moved.org_id, moved.id, moved.channel_id, 'outbound', ${input.senderType},
               ${input.senderMemberId ?? null}::uuid, ${input.kind}, ${input.text ?? null}, ${json(input.media)}::jsonb,
               ${json(input.understanding)}::jsonb, ${input.quotedMessageId ?? null}::uuid, ${typingMs}::int, 'queued'
          from moved
        returning id
      )
      select id from row`,
    );
    const row = rows[0];
    if (!row) return null;
    // The row is the outbox: from here the send job and the inbox move independently.
    await bus.publish(`org:${input.orgId}`, {
      type: 'message.created',
      conversationId: input.conversationId,
      messageId: row.id,
    });
    await Promise.all([
      jobs.send(SEND_QUEUE, { messageId: row.id }, startAfter ? { startAfter } : undefined),
      bus.publish(`org:${input.orgId}`, {
        type: 'conversation.updated',
        conversationId: input.conversationId,
      }),
    ]);
    return row.id;
  }

  async function later(messageId: string, ms: number) {
    await jobs.send(SEND_QUEUE, { messageId }, { startAfter: new Date(Date.now() + ms) });
  }

  /** Reserves this number's next send slot, `gap` ms after the previous one; returns how long to wait. */
  async function reserveSlot(channelId: string, gap: number): Promise<number> {
    const [row] = await db
      .update(channels)
      .set({
        nextSendAt: sql`greatest(coalesce(${channels.nextSendAt}, now()), now()) + make_interval(secs => ${gap / 1000})`,
      })
      .where(eq(channels.id, channelId))
      .returning({
        waitMs: sql<number>`extract(epoch from (${channels.nextSendAt} - now())) * 1000 - ${gap}`,
      });
    return Math.max(0, Number(row?.waitMs ?? 0));
  }

  async function sentToday(channelId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(
        and(
          eq(messages.channelId, channelId),
          eq(messages.direction, 'outbound'),
          sql`${messages.acceptedAt} >= date_trunc('day', now())`,
        ),
      );
    return row.n;
  }

  return {
    async queue(input: QueueOutbound): Promise<string> {
      const id = await insertOutbound(input);
      if (!id) throw new Error(`conversation ${input.conversationId} is not in company ${input.orgId}`);
      return id;
    },

    /**
     * An AI reply: queued only if nobody wrote after what the turn saw (`staleAfter`) — checked in the
     * same statement. Null when stale: the next turn answers everything.
     */
    async queueReply(input: QueueOutbound, staleAfter: StaleAfter): Promise<string | null> {
      return insertOutbound(input, staleAfter);
    },

    /** Whether a message (any, or the lead's only) came in the conversation after `staleAfter.seq`. */
    async wroteAfter(conversationId: string, staleAfter: StaleAfter): Promise<boolean> {
      const { rows } = await db.execute(
        sql`select 1 from messages m where m.conversation_id = ${conversationId} and ${newerThan(staleAfter)} limit 1`,
      );
      return rows.length > 0;
    },

    /** The `channel.send` job. Runs twice safely: only a queued message is claimed. */
    async send(messageId: string): Promise<void> {
      const [msg] = await db.select().from(messages).where(eq(messages.id, messageId));
      if (msg?.status !== 'queued') return;
      const [conv] = await db.select().from(conversations).where(eq(conversations.id, msg.conversationId));
      const row = await channelsService.getRow(msg.orgId, msg.channelId).catch(() => null);
      if (!row) {
        await setState(msg.id, 'failed', 'O número foi removido antes do envio');
        return;
      }
      if (row.provider !== 'sandbox' && (row.status === 'disconnected' || row.status === 'qr_needed')) {
        await setState(msg.id, 'queued', `Aguardando o número ${row.name} reconectar`);
        await later(msg.id, WAIT_FOR_CONNECTION_MS);
        return;
      }
      if (row.provider === 'zapi' || row.provider === 'evolution') {
        if (row.dailySendLimit && (await sentToday(row.id)) >= row.dailySendLimit) {
          await setState(
            msg.id,
            'queued',
            `Limite diário de ${row.dailySendLimit} envios deste número atingido; sai amanhã`,
          );
          await later(msg.id, 60 * 60 * 1000);
          return;
        }
      }
      const { provider, ctx } = channelsService.load(row);
      if (msg.typingMs && provider.typing?.via !== 'send') {
        const typing = provider.typing?.via === 'call' ? provider.typing : undefined;
        await typeFirst(msg, conv.replyTo, typing && ((hint) => typing.show(ctx, hint)));
        return;
      }
      if (row.provider !== 'sandbox') {
        const gap =
          row.provider === 'cloud'
            ? CLOUD_MIN_GAP_MS
            : PACING_JITTER_MS.min + Math.random() * (PACING_JITTER_MS.max - PACING_JITTER_MS.min);
        const wait = await reserveSlot(row.id, gap);
        if (wait > 15_000) {
          await later(msg.id, wait);
          return;
        }
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const [claimed] = await db
        .update(messages)
        .set({ status: 'sending', attempts: sql`${messages.attempts} + 1` })
        .where(and(eq(messages.id, msg.id), eq(messages.status, 'queued')))
        .returning({ attempts: messages.attempts });
      if (!claimed) return;

      try {
        const outgoing: OutgoingMessage = {
          to: conv.replyTo,
          kind: msg.kind === 'video' ? 'document' : (msg.kind as OutgoingMessage['kind']),
        };
        if (msg.text) outgoing.text = msg.text;
        if (msg.typingMs && provider.typing?.via === 'send') outgoing.typingMs = msg.typingMs;
        if (msg.media?.storageKey) {
          outgoing.media = {
            data: await storage.get(msg.media.storageKey),
            mimeType: msg.media.mimeType ?? 'application/octet-stream',
            fileName: msg.media.fileName ?? 'arquivo',
            caption: msg.text ?? undefined,
            voice: msg.media.voice,
          };
        }
        if (msg.quotedMessageId) {
          const [quoted] = await db
            .select({ pid: messages.providerMessageId })
            .from(messages)
            .where(eq(messages.id, msg.quotedMessageId));
          if (quoted?.pid) outgoing.replyToProviderMessageId = quoted.pid;
        }
        if (
          outgoing.media?.voice &&
          row.provider !== 'sandbox' &&
          !outgoing.media.mimeType.startsWith('audio/ogg')
        ) {
          // Browsers record WebM; WhatsApp plays voice notes only as OGG/Opus.
          const converted = await toVoiceNote(outgoing.media.data, deps.ffmpegPath);
          outgoing.media = {
            ...outgoing.media,
            data: converted.data,
            mimeType: converted.mimeType,
            fileName: 'audio.ogg',
          };
        }
        const result = await provider.send(ctx, outgoing);
        // The sandbox has no phone in between: it is delivered as soon as it is "sent".
        await setState(msg.id, row.provider === 'sandbox' ? 'delivered' : 'accepted', null, {
          providerMessageId: result.providerMessageId,
          acceptedAt: new Date(),
        });
      } catch (error) {
        if (error instanceof AudioConversionError) {
          await setState(msg.id, 'failed', `Áudio inválido: ${error.message}`);
          return;
        }
        const retryable = error instanceof ProviderError ? error.retryable : true;
        const reason =
          error instanceof ProviderError ? error.message : `Erro inesperado: ${(error as Error).message}`;
        if (!(error instanceof ProviderError))
          logger.error({ err: error, messageId: msg.id }, 'send failed unexpectedly');
        if (retryable && claimed.attempts < MAX_SEND_ATTEMPTS) {
          const retryAfter =
            (error instanceof ProviderError && error.retryAfterMs) || backoffMs(claimed.attempts);
          await setState(
            msg.id,
            'queued',
            `${reason} — nova tentativa ${claimed.attempts + 1} de ${MAX_SEND_ATTEMPTS} em ${Math.round(retryAfter / 1000)} s`,
          );
          await later(msg.id, retryAfter);
        } else {
          await setState(msg.id, 'failed', reason);
        }
      }
    },

    /** The number is back: everything waiting for it goes out now. */
    async resumeChannel(channelId: string): Promise<void> {
      const waiting = await db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.channelId, channelId), eq(messages.status, 'queued')));
      for (const m of waiting) await jobs.send(SEND_QUEUE, { messageId: m.id });
    },
  };
}

export function backoffMs(attempt: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);
}

export type Outbox = ReturnType<typeof createOutbox>;
