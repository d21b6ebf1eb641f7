import type { z } from 'zod';
import {
  type DeliveryStatus,
  type NormalizedEvent,
  type NormalizedMessage,
  type Peer,
  WebhookPayloadError,
} from '../../provider.ts';
import {
  type ZapiReceivedCallback,
  zapiConnectedCallbackSchema,
  zapiDeliveryCallbackSchema,
  zapiDisconnectedCallbackSchema,
  zapiMessageStatusCallbackSchema,
  zapiPresenceChatCallbackSchema,
  zapiReceivedCallbackSchema,
} from './schemas.ts';

/** Pure: one Z-API webhook body → normalized events. Throws WebhookPayloadError when malformed or unknown. */
export function parseZapiWebhook(body: unknown): NormalizedEvent[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WebhookPayloadError('Z-API: o corpo do webhook não é um objeto JSON');
  }
  const type = (body as { type?: unknown }).type;
  if (typeof type !== 'string' || type === '') {
    throw new WebhookPayloadError('Z-API: webhook sem o campo "type"');
  }
  switch (type) {
    case 'ReceivedCallback':
    case 'ReceivedCallBack':
      return [receivedToEvent(parseWith(zapiReceivedCallbackSchema, body, type))];
    case 'MessageStatusCallback':
      return statusToEvents(parseWith(zapiMessageStatusCallbackSchema, body, type));
    case 'DeliveryCallback':
      return [deliveryToEvent(parseWith(zapiDeliveryCallbackSchema, body, type))];
    case 'DisconnectedCallback': {
      const event = parseWith(zapiDisconnectedCallbackSchema, body, type);
      return [{ type: 'connection', state: 'disconnected', ...(event.error ? { detail: event.error } : {}) }];
    }
    case 'ConnectedCallback': {
      const event = parseWith(zapiConnectedCallbackSchema, body, type);
      return [{ type: 'connection', state: event.connected === false ? 'disconnected' : 'connected' }];
    }
    case 'PresenceChatCallback': {
      const event = parseWith(zapiPresenceChatCallbackSchema, body, type);
      return [{ type: 'ignored', reason: `presence:${event.status}` }];
    }
    default:
      throw new WebhookPayloadError(`Z-API: tipo de evento desconhecido (${type.slice(0, 60)})`);
  }
}

function parseWith<S extends z.ZodType>(schema: S, body: unknown, type: string): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.length > 0 ? issue.path.join('.') : '(raiz)';
    throw new WebhookPayloadError(`Z-API ${type} inválido: ${path}: ${issue.message}`);
  }
  return result.data;
}

function receivedToEvent(event: ZapiReceivedCallback): NormalizedEvent {
  const ignoredReason = receivedIgnoreReason(event);
  if (ignoredReason) return { type: 'ignored', reason: ignoredReason };

  const timestamp = eventTime(event);
  if (event.isEdit) {
    // The edit carries the new content under the usual keys; we assume `messageId` is the edited
    // message's id (that is how WhatsApp edits reference the original) — unconfirmed in the docs.
    const text =
      event.text?.message ?? event.image?.caption ?? event.video?.caption ?? event.document?.caption;
    if (text == null) return { type: 'ignored', reason: 'edit_without_text' };
    return { type: 'edit', providerMessageId: event.messageId, text, timestamp };
  }

  const message: NormalizedMessage = {
    type: 'message',
    providerMessageId: event.messageId,
    // fromMe without fromApi: the seller typed it on the phone / WhatsApp app; we record it so the
    // conversation is complete and the agent knows a human took over.
    direction: event.fromMe ? 'outbound_phone' : 'inbound',
    peer: peerOf(event),
    timestamp,
    ...content(event),
  };
  if (event.referenceMessageId) message.quotedProviderMessageId = event.referenceMessageId;
  return message;
}

function receivedIgnoreReason(event: ZapiReceivedCallback): string | undefined {
  if (event.notification) return `notification:${event.notification}`;
  if (event.isGroup || event.phone.endsWith('-group') || event.phone.endsWith('@g.us')) return 'group';
  if (event.isNewsletter || event.phone.endsWith('@newsletter')) return 'newsletter';
  if (event.broadcast || event.phone.includes('broadcast')) return 'broadcast';
  if (event.isStatusReply) return 'status_reply';
  // "Waiting for this message": WhatsApp could not decrypt it yet, there is no content to read.
  if (event.waitingMessage) return 'waiting_message';
  // Our own API sends echo back as fromMe+fromApi. The outbox already recorded them when send()
  // returned their messageId; turning the echo into a message would duplicate it.
  if (event.fromMe && event.fromApi) return 'own_api_send_echo';
  return undefined;
}

function eventTime(event: ZapiReceivedCallback): Date {
  const ms = event.momment ?? event.moment;
  if (ms == null) throw new WebhookPayloadError('Z-API ReceivedCallback inválido: momment ausente');
  return new Date(ms);
}

/**
 * `phone` is the chat as Z-API names it and is what we must answer to (it may be a LID).
 * `chatLid` is the chat's stable LID. `senderLid` is whoever wrote: the lead on inbound messages,
 * but the business itself on fromMe ones, so it is only used for inbound.
 */
function peerOf(event: ZapiReceivedCallback): Peer {
  const phoneIsLid = event.phone.endsWith('@lid');
  const lid =
    nonEmpty(event.chatLid) ??
    (phoneIsLid ? event.phone : undefined) ??
    (event.fromMe ? undefined : nonEmpty(event.senderLid));
  const phone = phoneIsLid ? undefined : event.phone.replace(/\D/g, '') || undefined;
  // On fromMe messages senderName is the business; the chat name is the lead.
  const name = event.fromMe
    ? humanName(event.chatName)
    : (humanName(event.senderName) ?? humanName(event.chatName));
  return {
    ...(phone ? { phone } : {}),
    ...(lid ? { lid } : {}),
    replyTo: event.phone,
    ...(name ? { name } : {}),
  };
}

/** Z-API fills senderName/chatName with the number (or LID) itself when there is no push name. */
function humanName(value: string | null | undefined): string | undefined {
  const name = value?.trim();
  if (!name || /^\+?[\d\s-]+$/.test(name) || name.endsWith('@lid')) return undefined;
  return name;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

type MessageContent = Pick<
  NormalizedMessage,
  'kind' | 'text' | 'media' | 'location' | 'contacts' | 'reaction'
>;

function content(event: ZapiReceivedCallback): MessageContent {
  if (event.text) return { kind: 'text', text: event.text.message };
  if (event.audio) {
    return {
      kind: 'audio',
      media: urlMedia(event.audio.audioUrl, {
        mimeType: nonEmpty(event.audio.mimeType),
        seconds: event.audio.seconds ?? undefined,
        voice: event.audio.ptt === true,
      }),
    };
  }
  if (event.image) {
    return {
      kind: 'image',
      media: urlMedia(event.image.imageUrl, {
        mimeType: nonEmpty(event.image.mimeType),
        caption: nonEmpty(event.image.caption),
      }),
    };
  }
  if (event.video) {
    return {
      kind: 'video',
      media: urlMedia(event.video.videoUrl, {
        mimeType: nonEmpty(event.video.mimeType),
        seconds: event.video.seconds ?? undefined,
        caption: nonEmpty(event.video.caption),
      }),
    };
  }
  if (event.document) {
    return {
      kind: 'document',
      media: urlMedia(event.document.documentUrl, {
        mimeType: nonEmpty(event.document.mimeType),
        fileName: nonEmpty(event.document.fileName) ?? nonEmpty(event.document.title),
        caption: nonEmpty(event.document.caption),
      }),
    };
  }
  if (event.sticker) {
    return {
      kind: 'sticker',
      media: urlMedia(event.sticker.stickerUrl, {
        mimeType: nonEmpty(event.sticker.mimeType),
      }),
    };
  }
  if (event.location) {
    return {
      kind: 'location',
      location: compact({
        latitude: event.location.latitude,
        longitude: event.location.longitude,
        name: nonEmpty(event.location.name),
        address: nonEmpty(event.location.address),
      }),
    };
  }
  if (event.contact) {
    return {
      kind: 'contact',
      contacts: [{ name: event.contact.displayName, phones: event.contact.phones ?? [] }],
    };
  }
  if (event.reaction) {
    return {
      kind: 'reaction',
      reaction: {
        targetProviderMessageId: event.reaction.referencedMessage.messageId,
        emoji: event.reaction.value,
      },
    };
  }
  // A tapped button / list row is text the lead chose.
  const choice = event.buttonsResponseMessage ?? event.listResponseMessage;
  if (choice) return { kind: 'text', text: choice.message };
  // Polls, products, orders, payments, templates…: kept as unsupported so the seller sees something arrived.
  return { kind: 'unsupported' };
}

type Media = NonNullable<NormalizedMessage['media']>;

function urlMedia(url: string, details: Omit<Media, 'ref'>): Media {
  return compact({ ref: { source: 'url', url }, ...details });
}

/** Drops undefined keys so events compare cleanly and serialize without noise. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const STATUS_MAP: Record<string, DeliveryStatus> = {
  SENT: 'sent',
  RECEIVED: 'delivered',
  READ: 'read',
  PLAYED: 'played',
};

function statusToEvents(event: z.output<typeof zapiMessageStatusCallbackSchema>): NormalizedEvent[] {
  const status = STATUS_MAP[event.status];
  // READ_BY_ME: the business read the lead's message on the phone — not a delivery status of ours.
  if (!status) return [{ type: 'ignored', reason: `status:${event.status}` }];
  const timestamp = new Date(event.momment);
  return event.ids.map((id) => ({ type: 'status', providerMessageId: id, status, timestamp }));
}

function deliveryToEvent(event: z.output<typeof zapiDeliveryCallbackSchema>): NormalizedEvent {
  // Success: the send itself was already recorded from send()'s answer; nothing new to say.
  if (!event.error) return { type: 'ignored', reason: 'delivery_ok' };
  return {
    type: 'status',
    providerMessageId: event.messageId,
    status: 'failed',
    // Older docs examples omit momment; then the time we heard about the failure is the best we have.
    timestamp: new Date(event.momment ?? Date.now()),
    error: { code: event.errorCode || 'DELIVERY_ERROR', message: event.error },
  };
}
