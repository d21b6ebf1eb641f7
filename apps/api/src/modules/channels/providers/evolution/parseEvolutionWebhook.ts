import type { z } from 'zod';
import {
  type DeliveryStatus,
  type InboundMediaRef,
  type NormalizedEvent,
  type NormalizedMessage,
  WebhookPayloadError,
} from '../../provider.ts';
import { peerFromKey } from './evolutionPeer.ts';
import {
  connectionUpdateDataSchema,
  type EvolutionMessageContent,
  type EvolutionMessageData,
  type EvolutionMessageStatus,
  type epochSecondsSchema,
  messageContentSchema,
  messageDataSchema,
  messageDeleteDataSchema,
  messageEditedDataSchema,
  messageUpdateDataSchema,
  PROTOCOL_MESSAGE_EDIT,
  PROTOCOL_REVOKE,
  type protocolMessageSchema,
  qrcodeUpdatedDataSchema,
  webhookEnvelopeSchema,
} from './schemas.ts';

/** Evolution events we receive but do not consume (README §2.3: empty `events` = all of them). */
const UNCONSUMED_EVENTS = new Set([
  'application.startup',
  'instance.create',
  'instance.delete',
  'status.instance',
  'messages.set',
  'contacts.set',
  'contacts.upsert',
  'contacts.update',
  'presence.update',
  'chats.set',
  'chats.update',
  'chats.upsert',
  'chats.delete',
  'groups.upsert',
  'groups.update',
  'group-participants.update',
  'call',
  'typebot.start',
  'typebot.change-status',
  'labels.edit',
  'labels.association',
  'creds.update',
  'messaging-history.set',
  'remove.instance',
  'logout.instance',
]);

const STATUS_TO_DELIVERY: Partial<Record<EvolutionMessageStatus, DeliveryStatus>> = {
  SERVER_ACK: 'sent',
  DELIVERY_ACK: 'delivered',
  READ: 'read',
  PLAYED: 'played',
  ERROR: 'failed',
};

/** Pure: an Evolution webhook body (already JSON-parsed) → normalized events. */
export function parseEvolutionWebhook(body: unknown): NormalizedEvent[] {
  const envelope = parseOrThrow(webhookEnvelopeSchema, body, 'envelope');
  // Defensive: the config names events MESSAGES_UPSERT; the body uses messages.upsert.
  const event = envelope.event.includes('_')
    ? envelope.event.toLowerCase().replace(/_/g, '.')
    : envelope.event;
  // messages.update/delete carry no time of their own; date_time is server local time marked "Z"
  // (README §2.3) — right when the server runs in UTC, the best we have otherwise.
  const receivedAt = envelope.date_time ? new Date(envelope.date_time) : new Date(0);

  switch (event) {
    case 'messages.upsert': {
      const items = Array.isArray(envelope.data) ? envelope.data : [envelope.data];
      return items.map((item) => parseMessageData(parseOrThrow(messageDataSchema, item, event)));
    }
    case 'send.message':
      // Echo of our own API send. The send response already gave us key.id; and when Evolution also
      // emits messages.upsert fromMe for it (issue #1340) the pipeline dedupes on (channel, key.id).
      return [{ type: 'ignored', reason: 'send.message: eco de envio feito pela API' }];
    case 'messages.update': {
      const data = parseOrThrow(messageUpdateDataSchema, envelope.data, event);
      if (data.status === 'DELETED') {
        return [{ type: 'delete', providerMessageId: data.keyId, timestamp: receivedAt }];
      }
      if (data.fromMe === false) {
        // Receipts of the lead's messages (read on the business phone): nothing of ours to update.
        return [{ type: 'ignored', reason: `messages.update ${data.status} de mensagem recebida` }];
      }
      const status = STATUS_TO_DELIVERY[data.status];
      if (!status) return [{ type: 'ignored', reason: `messages.update ${data.status}` }];
      return [
        {
          type: 'status',
          providerMessageId: data.keyId,
          status,
          timestamp: receivedAt,
          ...(status === 'failed'
            ? { error: { code: 'ERROR', message: 'O WhatsApp não entregou a mensagem' } }
            : {}),
        },
      ];
    }
    case 'messages.delete': {
      const data = parseOrThrow(messageDeleteDataSchema, envelope.data, event);
      return [{ type: 'delete', providerMessageId: data.id, timestamp: receivedAt }];
    }
    case 'messages.edited': {
      const data = parseOrThrow(messageEditedDataSchema, envelope.data, event);
      return [protocolEvent(data, receivedAt)];
    }
    case 'connection.update':
      return [parseConnectionUpdate(parseOrThrow(connectionUpdateDataSchema, envelope.data, event))];
    case 'qrcode.updated': {
      const data = parseOrThrow(qrcodeUpdatedDataSchema, envelope.data, event);
      if ('qrcode' in data) return [{ type: 'connection', state: 'qr_needed' }];
      return [{ type: 'connection', state: 'disconnected', detail: `QR code: ${data.message}` }];
    }
    default:
      if (UNCONSUMED_EVENTS.has(event)) return [{ type: 'ignored', reason: `evento ${event} não usado` }];
      throw new WebhookPayloadError(`evolution: evento desconhecido "${envelope.event.slice(0, 60)}"`);
  }
}

function parseConnectionUpdate(data: z.infer<typeof connectionUpdateDataSchema>): NormalizedEvent {
  switch (data.state) {
    case 'open':
      return { type: 'connection', state: 'connected' };
    case 'close':
      return {
        type: 'connection',
        state: 'disconnected',
        detail:
          data.statusReason === 401
            ? 'Sessão encerrada no celular (401): conecte de novo lendo o QR code'
            : `Conexão fechada (statusReason ${data.statusReason ?? 'desconhecido'})`,
      };
    case 'refused':
      return {
        type: 'connection',
        state: 'disconnected',
        detail: 'Limite de QR codes atingido: peça um novo QR code',
      };
    case 'connecting':
      // Emitted at start-up and on every automatic reconnect (3 s after a close): transient, and
      // mapping it to disconnected would make the channel flap. A real drop arrives as `close`.
      return { type: 'ignored', reason: 'connection.update connecting (transitório)' };
  }
}

function parseMessageData(data: EvolutionMessageData): NormalizedEvent {
  const { key } = data;
  const chat = key.remoteJid;
  if (chat.endsWith('@g.us')) return { type: 'ignored', reason: 'mensagem de grupo' };
  if (chat.endsWith('@broadcast')) return { type: 'ignored', reason: `transmissão/status (${chat})` };
  if (chat.endsWith('@newsletter')) return { type: 'ignored', reason: 'canal (newsletter)' };

  const content = unwrap(data.message);
  if (!content) return { type: 'ignored', reason: 'mensagem sem conteúdo (stub)' };
  const timestamp = toDate(data.messageTimestamp);

  const protocol = content.protocolMessage ?? content.editedMessage?.message?.protocolMessage;
  if (protocol) return protocolEvent(protocol, timestamp);

  const body = describeContent(content, key.id);
  if (!body) return { type: 'ignored', reason: 'mensagem sem conteúdo visível' };

  const message: NormalizedMessage = {
    type: 'message',
    providerMessageId: key.id,
    direction: key.fromMe ? 'outbound_phone' : 'inbound',
    peer: peerFromKey(key, data.pushName),
    timestamp,
    ...body,
  };
  const quoted = quotedId(data, content);
  if (quoted) message.quotedProviderMessageId = quoted;
  return message;
}

type ContentFields = Pick<
  NormalizedMessage,
  'kind' | 'text' | 'media' | 'location' | 'contacts' | 'reaction'
>;

/** The visible part of a message; null when it carries nothing a person would see. */
function describeContent(content: EvolutionMessageContent, keyId: string): ContentFields | null {
  const text = content.conversation ?? content.extendedTextMessage?.text;
  if (text) return { kind: 'text', text };

  const ref = mediaRef(content, keyId);
  const image = content.imageMessage;
  if (image) {
    return { kind: 'image', media: media(ref, image, { caption: image.caption }) };
  }
  const audio = content.audioMessage;
  if (audio) {
    return {
      kind: 'audio',
      media: media(ref, audio, { seconds: audio.seconds, voice: audio.ptt === true }),
    };
  }
  const video = content.videoMessage ?? content.ptvMessage;
  if (video) {
    return { kind: 'video', media: media(ref, video, { caption: video.caption, seconds: video.seconds }) };
  }
  const document = content.documentMessage ?? content.documentWithCaptionMessage?.message?.documentMessage;
  if (document) {
    return {
      kind: 'document',
      media: media(ref, document, {
        caption: document.caption,
        fileName: document.fileName ?? document.title,
      }),
    };
  }
  const sticker = content.stickerMessage;
  if (sticker) return { kind: 'sticker', media: media(ref, sticker, {}) };

  const location = content.locationMessage ?? content.liveLocationMessage;
  if (location) {
    return {
      kind: 'location',
      location: {
        latitude: location.degreesLatitude,
        longitude: location.degreesLongitude,
        ...(location.name ? { name: location.name } : {}),
        ...(location.address ? { address: location.address } : {}),
      },
    };
  }
  const contacts = content.contactMessage
    ? [content.contactMessage]
    : (content.contactsArrayMessage?.contacts ?? null);
  if (contacts) {
    return {
      kind: 'contact',
      contacts: contacts.map((c) => ({ name: c.displayName ?? '', phones: vcardPhones(c.vcard) })),
    };
  }
  const reaction = content.reactionMessage;
  if (reaction) {
    // An empty text means the reaction was removed.
    return {
      kind: 'reaction',
      reaction: { targetProviderMessageId: reaction.key.id, emoji: reaction.text ?? '' },
    };
  }
  // Polls, buttons, lists, calls… are still messages the seller should know about.
  const visibleKeys = Object.keys(content).filter(
    (k) => !['messageContextInfo', 'senderKeyDistributionMessage', 'base64', 'mediaUrl'].includes(k),
  );
  return visibleKeys.length > 0 ? { kind: 'unsupported' } : null;
}

function mediaRef(content: EvolutionMessageContent, keyId: string): InboundMediaRef {
  if (content.base64) return { source: 'base64', base64: content.base64 };
  if (content.mediaUrl) return { source: 'url', url: content.mediaUrl };
  return { source: 'evolution_message', messageKeyId: keyId };
}

function media(
  ref: InboundMediaRef,
  source: { mimetype?: string | null; fileLength?: unknown },
  extra: {
    caption?: string | null;
    fileName?: string | null;
    seconds?: number | null;
    voice?: boolean;
  },
): NonNullable<NormalizedMessage['media']> {
  const result: NonNullable<NormalizedMessage['media']> = { ref };
  if (source.mimetype) result.mimeType = source.mimetype;
  const size = toNumber(source.fileLength);
  if (size !== undefined) result.sizeBytes = size;
  if (extra.fileName) result.fileName = extra.fileName;
  if (typeof extra.seconds === 'number') result.seconds = extra.seconds;
  if (extra.voice !== undefined) result.voice = extra.voice;
  if (extra.caption) result.caption = extra.caption;
  return result;
}

/** REVOKE → delete, MESSAGE_EDIT → edit, any other protocol message (key shares, history sync…) → ignored. */
function protocolEvent(protocol: z.infer<typeof protocolMessageSchema>, timestamp: Date): NormalizedEvent {
  const type = protocol.type;
  const targetId = protocol.key?.id;
  const isRevoke = type === PROTOCOL_REVOKE || type === 'REVOKE';
  const isEdit = type === PROTOCOL_MESSAGE_EDIT || type === 'MESSAGE_EDIT';
  if (isRevoke && targetId) return { type: 'delete', providerMessageId: targetId, timestamp };
  if (isEdit && targetId) {
    const edited = protocol.editedMessage;
    const text =
      edited?.conversation ??
      edited?.extendedTextMessage?.text ??
      edited?.imageMessage?.caption ??
      edited?.videoMessage?.caption;
    if (typeof text === 'string') {
      const editedAt = toNumber(protocol.timestampMs);
      return {
        type: 'edit',
        providerMessageId: targetId,
        text,
        timestamp: editedAt ? new Date(editedAt) : timestamp,
      };
    }
    return { type: 'ignored', reason: 'edição sem texto' };
  }
  return { type: 'ignored', reason: `protocolMessage ${String(type ?? 'sem tipo')}` };
}

/** View-once, ephemeral and similar wrappers hold the real content in `.message`. */
function unwrap(message: EvolutionMessageContent | null | undefined): EvolutionMessageContent | null {
  let current = message ?? null;
  for (let depth = 0; current && depth < 3; depth++) {
    const inner =
      current.ephemeralMessage?.message ??
      current.viewOnceMessage?.message ??
      current.viewOnceMessageV2?.message ??
      current.viewOnceMessageV2Extension?.message;
    if (!inner) return current;
    // The wrapper's own base64/mediaUrl (added by Evolution at the top level) must survive the unwrap.
    current = {
      ...parseOrThrow(messageContentSchema, inner, 'message'),
      base64: current.base64,
      mediaUrl: current.mediaUrl,
    };
  }
  return current;
}

/** Evolution lifts the content's contextInfo to the top; older payloads keep it inside the content. */
function quotedId(data: EvolutionMessageData, content: EvolutionMessageContent): string | undefined {
  const candidates = [
    data.contextInfo,
    content.extendedTextMessage?.contextInfo,
    content.imageMessage?.contextInfo,
    content.audioMessage?.contextInfo,
    content.videoMessage?.contextInfo,
    content.documentMessage?.contextInfo,
    content.stickerMessage?.contextInfo,
  ];
  for (const c of candidates) if (c?.stanzaId) return c.stanzaId;
  return undefined;
}

function vcardPhones(vcard: string | null | undefined): string[] {
  if (!vcard) return [];
  const phones: string[] = [];
  for (const line of vcard.split(/\r?\n/)) {
    if (!/^(item\d+\.)?TEL/i.test(line)) continue;
    // WhatsApp writes `TEL;type=CELL;waid=5511900000001:+55 11 90000-0001`: waid is the cleanest.
    const waid = /waid=(\d+)/i.exec(line)?.[1];
    const digits = waid ?? line.slice(line.lastIndexOf(':') + 1).replace(/\D/g, '');
    if (digits) phones.push(digits);
  }
  return phones;
}

function toDate(seconds: z.infer<typeof epochSecondsSchema>): Date {
  return new Date((toNumber(seconds) ?? 0) * 1000);
}

/** Numbers, numeric strings and protobufjs Longs ({low, high}) → number. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (value && typeof value === 'object' && 'low' in value && 'high' in value) {
    const { low, high } = value as { low: number; high: number };
    return (high >>> 0) * 2 ** 32 + (low >>> 0);
  }
  return undefined;
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.join('.') || '(raiz)';
    throw new WebhookPayloadError(`evolution ${where}: ${path}: ${issue.message}`);
  }
  return result.data;
}
