import type { Conversation, Message } from '@piloto/contracts';
import type { messages } from '../../db/schema/index.ts';
import { STUCK_AFTER_MS } from '../channels/outbox.ts';

type MessageRow = typeof messages.$inferSelect;

/** A stored message as the inbox shows it. */
export function presentMessage(
  row: MessageRow,
  extras: { senderName: string | null; quoted: Message['quoted']; reactionTargetId?: string | null },
): Message {
  const extra = (row.extra ?? {}) as {
    location?: { latitude: number; longitude: number; name?: string };
    contacts?: Array<{ name: string; phones: string[] }>;
    reaction?: { emoji: string };
  };
  const now = Date.now();
  const stuck =
    (row.status === 'accepted' &&
      row.acceptedAt !== null &&
      now - row.acceptedAt.getTime() > STUCK_AFTER_MS) ||
    (row.status === 'sending' && now - row.createdAt.getTime() > 2 * 60_000);
  return {
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    senderType: row.senderType,
    senderName: extras.senderName,
    kind: row.kind as Message['kind'],
    text: row.deletedAt ? null : row.text,
    media:
      row.media && !row.deletedAt
        ? {
            url: row.media.storageKey ? `/api/v1/orgs/${row.orgId}/media/${row.id}` : null,
            mimeType: row.media.mimeType,
            fileName: row.media.fileName,
            sizeBytes: row.media.sizeBytes,
            seconds: row.media.seconds,
            voice: row.media.voice,
            error: row.media.error,
          }
        : null,
    understanding:
      row.understanding && !row.deletedAt
        ? {
            status: row.understanding.status,
            source: row.understanding.source,
            text: row.understanding.text,
            error: row.understanding.error,
          }
        : null,
    location: extra.location
      ? {
          latitude: extra.location.latitude,
          longitude: extra.location.longitude,
          name: extra.location.name ?? null,
        }
      : null,
    contacts: extra.contacts ?? null,
    reaction: extra.reaction
      ? { emoji: extra.reaction.emoji, targetMessageId: extras.reactionTargetId ?? row.quotedMessageId }
      : null,
    quoted: row.kind === 'reaction' ? null : extras.quoted,
    status: row.status as Message['status'],
    statusDetail: row.statusDetail,
    stuck,
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export type ConversationListRow = Omit<Conversation, 'labels'>;
