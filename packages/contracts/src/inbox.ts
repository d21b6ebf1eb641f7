import { z } from 'zod';
import { handoffReasonSchema } from './agents.ts';
import { channelStatusSchema, providerKindSchema } from './channels.ts';
import { mediaUnderstandingSchema } from './media.ts';

export const messageKindSchema = z.enum([
  'text',
  'audio',
  'image',
  'video',
  'document',
  'sticker',
  'location',
  'contact',
  'reaction',
  'unsupported',
]);
export type MessageKindName = z.infer<typeof messageKindSchema>;

/**
 * A message's real state. `accepted` = the provider took it (Z-API queues while the phone is offline);
 * only `sent`/`delivered`/`read`/`played` come from WhatsApp itself.
 */
export const messageStatusSchema = z.enum([
  'received',
  'queued',
  'sending',
  'accepted',
  'sent',
  'delivered',
  'read',
  'played',
  'failed',
]);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const senderTypeSchema = z.enum(['contact', 'member', 'ai', 'phone', 'system']);

export const messageMediaSchema = z.object({
  /** Authenticated URL (session cookie) to the stored file; null while it is still being downloaded. */
  url: z.string().nullable(),
  mimeType: z.string().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  seconds: z.number().nullable(),
  voice: z.boolean(),
  /** Download or format problem, shown to the seller. */
  error: z.string().nullable(),
});

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  senderType: senderTypeSchema,
  senderName: z.string().nullable(),
  kind: messageKindSchema,
  text: z.string().nullable(),
  media: messageMediaSchema.nullable(),
  /** What the app understood of a media: transcript, description, text read (or why it could not). */
  understanding: mediaUnderstandingSchema.nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().nullable() }).nullable(),
  contacts: z.array(z.object({ name: z.string(), phones: z.array(z.string()) })).nullable(),
  reaction: z.object({ emoji: z.string(), targetMessageId: z.string().nullable() }).nullable(),
  quoted: z
    .object({
      id: z.string(),
      text: z.string().nullable(),
      kind: messageKindSchema,
      senderType: senderTypeSchema,
    })
    .nullable(),
  status: messageStatusSchema,
  /** Why it failed / is retrying / waits (pt-BR), or null. */
  statusDetail: z.string().nullable(),
  /** Handed to the provider long ago with no confirmation from WhatsApp since. */
  stuck: z.boolean(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Message = z.infer<typeof messageSchema>;

export const labelSchema = z.object({ id: z.string(), name: z.string(), color: z.string() });
export type Label = z.infer<typeof labelSchema>;

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** E.164, e.g. +5511987654321; null for a LID-only or username-only contact. */
  phone: z.string().nullable(),
  identities: z.array(z.object({ kind: z.enum(['phone', 'lid', 'bsuid']), value: z.string() })),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  channel: z.object({
    id: z.string(),
    name: z.string(),
    provider: providerKindSchema,
    status: channelStatusSchema,
  }),
  contact: contactSchema,
  status: z.enum(['open', 'closed']),
  assignee: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  /** The AI answers this conversation; false once a human took over (until handed back). */
  aiActive: z.boolean(),
  /** Why the AI last handed this conversation to a human (shown in the inbox), or null. */
  handoffReason: handoffReasonSchema.nullable(),
  labels: z.array(labelSchema),
  unreadCount: z.number(),
  lastMessage: z
    .object({
      text: z.string().nullable(),
      kind: messageKindSchema,
      direction: z.enum(['inbound', 'outbound']),
      senderType: senderTypeSchema,
      status: messageStatusSchema,
      createdAt: z.string(),
    })
    .nullable(),
  lastMessageAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationFilterSchema = z.object({
  view: z.enum(['mine', 'unassigned', 'all']).default('all'),
  status: z.enum(['open', 'closed']).default('open'),
  channelId: z.uuid().optional(),
  labelId: z.uuid().optional(),
  /** Name, phone or message text. */
  q: z.string().trim().max(100).optional(),
  /** Opaque cursor from the previous page. */
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ConversationFilter = z.input<typeof conversationFilterSchema>;

export const sendMessageBodySchema = z
  .object({
    text: z.string().trim().max(4096, 'Mensagem longa demais (máx. 4.096 caracteres)').optional(),
    /** From POST /orgs/:orgId/uploads. */
    uploadId: z.uuid().optional(),
    /** Send an audio upload as a recorded voice note. */
    voice: z.boolean().optional(),
    /** Length of a recorded voice note, as the browser measured it. */
    seconds: z.number().min(0).max(3600).optional(),
    quotedMessageId: z.uuid().optional(),
  })
  .refine((b) => Boolean(b.text) || Boolean(b.uploadId), {
    message: 'Escreva uma mensagem ou anexe um arquivo',
  });
export type SendMessageBody = z.infer<typeof sendMessageBodySchema>;

export const updateConversationBodySchema = z
  .object({
    assigneeMemberId: z.uuid().nullable(),
    status: z.enum(['open', 'closed']),
    aiActive: z.boolean(),
  })
  .partial();
export type UpdateConversationBody = z.infer<typeof updateConversationBodySchema>;

export const uploadSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
});
export type Upload = z.infer<typeof uploadSchema>;

export const contactNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export const quickReplySchema = z.object({ id: z.string(), shortcut: z.string(), text: z.string() });
export type QuickReply = z.infer<typeof quickReplySchema>;
export const teammateSchema = z.object({ memberId: z.string(), name: z.string(), role: z.string() });

/** Server-sent events on GET /api/v1/orgs/:orgId/events (event name = type; data = JSON). */
export const inboxEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message.created'), conversationId: z.string(), messageId: z.string() }),
  z.object({ type: z.literal('message.updated'), conversationId: z.string(), messageId: z.string() }),
  z.object({ type: z.literal('conversation.updated'), conversationId: z.string() }),
  z.object({ type: z.literal('channel.updated'), channelId: z.string() }),
  z.object({ type: z.literal('suggestion.created'), conversationId: z.string(), suggestionId: z.string() }),
  z.object({ type: z.literal('question.updated'), conversationId: z.string(), questionId: z.string() }),
]);
export type InboxEvent = z.infer<typeof inboxEventSchema>;
