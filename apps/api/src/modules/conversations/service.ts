import type {
  Contact,
  Conversation,
  ConversationFilter,
  Label,
  Message,
  SendMessageBody,
  UpdateConversationBody,
} from '@piloto/contracts';
import { conversationFilterSchema } from '@piloto/contracts';
import { aliasedTable, and, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  channels,
  contactIdentities,
  contacts,
  conversationLabels,
  conversations,
  labels,
  members,
  messages,
  uploads,
  users,
} from '../../db/schema/index.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { MemberContext } from '../../platform/tenancy.ts';
import type { Outbox } from '../channels/outbox.ts';
import { presentMessage } from './present.ts';

const lastMessage = aliasedTable(messages, 'last_message');
const assigneeUser = aliasedTable(users, 'assignee_user');

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}
function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at);
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}

export function kindForMime(mime: string): 'image' | 'audio' | 'video' | 'document' {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return 'document';
}

export function createConversationsService(deps: { db: Db; bus: EventBus; outbox: Outbox }) {
  const { db, bus, outbox } = deps;
  const publishConversation = (orgId: string, conversationId: string) =>
    bus.publish(`org:${orgId}`, { type: 'conversation.updated', conversationId });

  const listColumns = {
    conv: conversations,
    contact: contacts,
    channel: { id: channels.id, name: channels.name, provider: channels.provider, status: channels.status },
    assigneeName: assigneeUser.name,
    // Drizzle reads a left-joined object as null when its first column is null: lead with a non-null one
    // (a voice note or a photo without caption has no text).
    last: {
      kind: lastMessage.kind,
      text: lastMessage.text,
      direction: lastMessage.direction,
      senderType: lastMessage.senderType,
      status: lastMessage.status,
      createdAt: lastMessage.createdAt,
    },
  };

  function baseQuery() {
    return db
      .select(listColumns)
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .leftJoin(members, eq(members.id, conversations.assigneeMemberId))
      .leftJoin(assigneeUser, eq(assigneeUser.id, members.userId))
      .leftJoin(lastMessage, eq(lastMessage.id, conversations.lastMessageId));
  }

  async function presentRows(
    orgId: string,
    rows: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>,
  ): Promise<Conversation[]> {
    const ids = rows.map((r) => r.conv.id);
    const contactIds = rows.map((r) => r.contact.id);
    const [labelRows, identityRows] = ids.length
      ? await Promise.all([
          db
            .select({
              conversationId: conversationLabels.conversationId,
              id: labels.id,
              name: labels.name,
              color: labels.color,
            })
            .from(conversationLabels)
            .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
            .where(and(eq(conversationLabels.orgId, orgId), inArray(conversationLabels.conversationId, ids))),
          db
            .select({
              contactId: contactIdentities.contactId,
              kind: contactIdentities.kind,
              value: contactIdentities.value,
            })
            .from(contactIdentities)
            .where(inArray(contactIdentities.contactId, contactIds)),
        ])
      : [[], []];
    return rows.map((r) => ({
      id: r.conv.id,
      channel: r.channel,
      contact: presentContact(
        r.contact,
        identityRows.filter((i) => i.contactId === r.contact.id),
      ),
      status: r.conv.status,
      assignee: r.conv.assigneeMemberId
        ? { memberId: r.conv.assigneeMemberId, name: r.assigneeName ?? 'Membro' }
        : null,
      aiActive: r.conv.aiActive,
      handoffReason: r.conv.handoffReason ?? null,
      labels: labelRows
        .filter((l) => l.conversationId === r.conv.id)
        .map(({ id, name, color }) => ({ id, name, color })),
      unreadCount: r.conv.unreadCount,
      lastMessage: r.last?.createdAt
        ? {
            text: r.last.text,
            kind: r.last.kind as Message['kind'],
            direction: r.last.direction!,
            senderType: r.last.senderType!,
            status: r.last.status as Message['status'],
            createdAt: r.last.createdAt.toISOString(),
          }
        : null,
      lastMessageAt: r.conv.lastMessageAt?.toISOString() ?? null,
      createdAt: r.conv.createdAt.toISOString(),
    }));
  }

  async function getConversationRow(orgId: string, conversationId: string) {
    const [row] = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)));
    if (!row) throw notFound('Conversa não encontrada');
    return row;
  }

  async function get(orgId: string, conversationId: string): Promise<Conversation> {
    const rows = await baseQuery().where(
      and(eq(conversations.orgId, orgId), eq(conversations.id, conversationId)),
    );
    if (!rows.length) throw notFound('Conversa não encontrada');
    return (await presentRows(orgId, rows))[0];
  }

  async function presentMessages(
    orgId: string,
    rows: Array<typeof messages.$inferSelect>,
  ): Promise<Message[]> {
    const memberIds = [...new Set(rows.map((r) => r.senderMemberId).filter((x): x is string => Boolean(x)))];
    const quotedIds = [...new Set(rows.map((r) => r.quotedMessageId).filter((x): x is string => Boolean(x)))];
    const [names, quotedRows] = await Promise.all([
      memberIds.length
        ? db
            .select({ id: members.id, name: users.name })
            .from(members)
            .innerJoin(users, eq(users.id, members.userId))
            .where(inArray(members.id, memberIds))
        : [],
      quotedIds.length
        ? db
            .select({
              id: messages.id,
              text: messages.text,
              kind: messages.kind,
              senderType: messages.senderType,
            })
            .from(messages)
            .where(and(eq(messages.orgId, orgId), inArray(messages.id, quotedIds)))
        : [],
    ]);
    return rows.map((row) => {
      const quoted = quotedRows.find((q) => q.id === row.quotedMessageId);
      return presentMessage(row, {
        senderName:
          row.senderType === 'ai' ? 'IA' : (names.find((n) => n.id === row.senderMemberId)?.name ?? null),
        quoted: quoted
          ? {
              id: quoted.id,
              text: quoted.text,
              kind: quoted.kind as Message['kind'],
              senderType: quoted.senderType,
            }
          : null,
      });
    });
  }

  return {
    get,
    getConversationRow,
    presentMessages,

    async list(actor: MemberContext, input: ConversationFilter) {
      const f = conversationFilterSchema.parse(input);
      const where: SQL[] = [eq(conversations.orgId, actor.orgId), eq(conversations.status, f.status)];
      if (f.view === 'mine') where.push(eq(conversations.assigneeMemberId, actor.memberId));
      if (f.view === 'unassigned') where.push(isNull(conversations.assigneeMemberId));
      if (f.channelId) where.push(eq(conversations.channelId, f.channelId));
      if (f.labelId) {
        where.push(
          sql`exists (select 1 from conversation_labels cl where cl.conversation_id = ${conversations.id} and cl.label_id = ${f.labelId})`,
        );
      }
      if (f.q) {
        const digits = f.q.replace(/\D/g, '');
        where.push(
          or(
            ilike(contacts.name, `%${f.q.replace(/[%_]/g, '')}%`),
            digits.length >= 4 ? ilike(contacts.phoneE164, `%${digits}%`) : undefined,
            sql`exists (select 1 from messages sm where sm.conversation_id = ${conversations.id}
                and to_tsvector('pt_unaccent', coalesce(sm.text, '')) @@ plainto_tsquery('pt_unaccent', ${f.q}))`,
          )!,
        );
      }
      const sortKey = sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;
      const cursor = f.cursor ? decodeCursor(f.cursor) : null;
      if (cursor)
        where.push(
          sql`(${sortKey}, ${conversations.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
        );
      const rows = await baseQuery()
        .where(and(...where))
        .orderBy(desc(sortKey), desc(conversations.id))
        .limit(f.limit + 1);
      const page = rows.slice(0, f.limit);
      const last = page.at(-1);
      const [counts] = await db
        .select({
          all: sql<number>`count(*) filter (where ${conversations.unreadCount} > 0)::int`,
          mine: sql<number>`count(*) filter (where ${conversations.unreadCount} > 0 and ${conversations.assigneeMemberId} = ${actor.memberId})::int`,
          unassigned: sql<number>`count(*) filter (where ${conversations.unreadCount} > 0 and ${conversations.assigneeMemberId} is null)::int`,
        })
        .from(conversations)
        .where(and(eq(conversations.orgId, actor.orgId), eq(conversations.status, 'open')));
      return {
        conversations: await presentRows(actor.orgId, page),
        nextCursor:
          rows.length > f.limit && last
            ? encodeCursor(last.conv.lastMessageAt ?? last.conv.createdAt, last.conv.id)
            : null,
        counts,
      };
    },

    async messages(orgId: string, conversationId: string, opts: { before?: string; limit: number }) {
      await getConversationRow(orgId, conversationId);
      const where: SQL[] = [eq(messages.orgId, orgId), eq(messages.conversationId, conversationId)];
      if (opts.before) {
        where.push(
          sql`(${messages.createdAt}, ${messages.seq}) < (select m.created_at, m.seq from messages m where m.id = ${opts.before} and m.org_id = ${orgId})`,
        );
      }
      const rows = await db
        .select()
        .from(messages)
        .where(and(...where))
        .orderBy(desc(messages.createdAt), desc(messages.seq))
        .limit(opts.limit + 1);
      const page = rows.slice(0, opts.limit).reverse();
      return { messages: await presentMessages(orgId, page), hasMore: rows.length > opts.limit };
    },

    async message(orgId: string, messageId: string): Promise<Message> {
      const [row] = await db
        .select()
        .from(messages)
        .where(and(eq(messages.orgId, orgId), eq(messages.id, messageId)));
      if (!row) throw notFound('Mensagem não encontrada');
      return (await presentMessages(orgId, [row]))[0];
    },

    /** A seller writes: the message goes to the outbox and the AI steps back from this conversation. */
    async send(actor: MemberContext, conversationId: string, body: SendMessageBody): Promise<Message> {
      const conv = await getConversationRow(actor.orgId, conversationId);
      let media = null;
      let kind: 'text' | 'image' | 'audio' | 'video' | 'document' = 'text';
      if (body.uploadId) {
        const [upload] = await db
          .select()
          .from(uploads)
          .where(and(eq(uploads.orgId, actor.orgId), eq(uploads.id, body.uploadId)));
        if (!upload) throw badRequest('UPLOAD_NOT_FOUND', 'Anexo não encontrado; envie o arquivo de novo');
        kind = kindForMime(upload.mimeType);
        media = {
          storageKey: upload.storageKey,
          mimeType: upload.mimeType,
          fileName: upload.fileName,
          sizeBytes: upload.sizeBytes,
          seconds: body.seconds ?? null,
          voice: Boolean(body.voice) && kind === 'audio',
          error: null,
        };
      }
      if (body.quotedMessageId) {
        const [quoted] = await db
          .select({ id: messages.id })
          .from(messages)
          .where(and(eq(messages.conversationId, conv.id), eq(messages.id, body.quotedMessageId)));
        if (!quoted) throw badRequest('QUOTED_NOT_FOUND', 'A mensagem respondida não é desta conversa');
      }
      await db
        .update(conversations)
        .set({
          aiActive: false,
          assigneeMemberId: conv.assigneeMemberId ?? actor.memberId,
          unreadCount: 0,
          updatedAt: new Date(),
        })
        .where(eq(conversations.id, conv.id));
      const id = await outbox.queue({
        orgId: actor.orgId,
        conversationId: conv.id,
        senderType: 'member',
        senderMemberId: actor.memberId,
        kind,
        text: body.text ?? null,
        media,
        quotedMessageId: body.quotedMessageId ?? null,
      });
      const [row] = await db.select().from(messages).where(eq(messages.id, id));
      return (await presentMessages(actor.orgId, [row]))[0];
    },

    async markRead(orgId: string, conversationId: string): Promise<void> {
      const conv = await getConversationRow(orgId, conversationId);
      if (conv.unreadCount === 0) return;
      await db.update(conversations).set({ unreadCount: 0 }).where(eq(conversations.id, conv.id));
      await publishConversation(orgId, conv.id);
    },

    async update(
      orgId: string,
      conversationId: string,
      patch: UpdateConversationBody,
    ): Promise<Conversation> {
      const conv = await getConversationRow(orgId, conversationId);
      if (patch.assigneeMemberId) {
        const [member] = await db
          .select({ id: members.id })
          .from(members)
          .where(
            and(
              eq(members.orgId, orgId),
              eq(members.id, patch.assigneeMemberId),
              eq(members.status, 'active'),
            ),
          );
        if (!member) throw badRequest('ASSIGNEE_NOT_FOUND', 'Essa pessoa não faz parte da equipe');
      }
      if (patch.status === 'open' && conv.status === 'closed') {
        const [other] = await db
          .select({ id: conversations.id })
          .from(conversations)
          .where(
            and(
              eq(conversations.channelId, conv.channelId),
              eq(conversations.contactId, conv.contactId),
              eq(conversations.status, 'open'),
            ),
          );
        if (other) throw badRequest('ALREADY_OPEN', 'Este contato já tem outra conversa aberta neste número');
      }
      await db
        .update(conversations)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(conversations.id, conv.id));
      await publishConversation(orgId, conv.id);
      return get(orgId, conv.id);
    },

    async setLabels(orgId: string, conversationId: string, labelIds: string[]): Promise<Conversation> {
      const conv = await getConversationRow(orgId, conversationId);
      const valid = labelIds.length
        ? await db
            .select({ id: labels.id })
            .from(labels)
            .where(and(eq(labels.orgId, orgId), inArray(labels.id, labelIds)))
        : [];
      if (valid.length !== new Set(labelIds).size)
        throw badRequest('LABEL_NOT_FOUND', 'Etiqueta não encontrada');
      await db.transaction(async (tx) => {
        await tx.delete(conversationLabels).where(eq(conversationLabels.conversationId, conv.id));
        if (valid.length) {
          await tx
            .insert(conversationLabels)
            .values(valid.map((l) => ({ orgId, conversationId: conv.id, labelId: l.id })));
        }
      });
      await publishConversation(orgId, conv.id);
      return get(orgId, conv.id);
    },

    async listLabels(orgId: string): Promise<Label[]> {
      return db
        .select({ id: labels.id, name: labels.name, color: labels.color })
        .from(labels)
        .where(eq(labels.orgId, orgId))
        .orderBy(labels.name);
    },
  };
}

export function presentContact(
  row: typeof contacts.$inferSelect,
  identities: Array<{ kind: 'phone' | 'lid' | 'bsuid'; value: string }>,
): Contact {
  return {
    id: row.id,
    name: row.name,
    phone: row.phoneE164,
    identities: identities.map(({ kind, value }) => ({ kind, value })),
    createdAt: row.createdAt.toISOString(),
  };
}

export type ConversationsService = ReturnType<typeof createConversationsService>;
