import type { z } from 'zod';
import {
  type DeliveryStatus,
  type NormalizedEvent,
  type NormalizedMessage,
  type Peer,
  WebhookPayloadError,
} from '../../provider.ts';
import {
  CLOUD_KNOWN_MESSAGE_TYPES,
  type CloudContact,
  type CloudInboundMessage,
  type CloudMessageBase,
  type CloudStatus,
  type CloudWebhookError,
  cloudInboundMessageSchema,
  cloudMessagesValueSchema,
  cloudWebhookEnvelopeSchema,
} from './schemas.ts';

const DELIVERY_STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'played', 'failed'];
const KNOWN_TYPES: readonly string[] = CLOUD_KNOWN_MESSAGE_TYPES;

/**
 * Pure: a Cloud API webhook body (already JSON-parsed) → normalized events, in payload order
 * (per change: messages, statuses, then errors). Batched entries and changes are all read.
 * It has no credentials, so it does not filter by `metadata.phone_number_id`: the caller does.
 */
export function parseCloudWebhook(body: unknown): NormalizedEvent[] {
  const envelope = parseOrThrow(cloudWebhookEnvelopeSchema, body, '');
  const events: NormalizedEvent[] = [];
  envelope.entry.forEach((entry, e) => {
    entry.changes.forEach((change, c) => {
      const path = `entry[${e}].changes[${c}]`;
      if (change.field !== 'messages') {
        events.push({ type: 'ignored', reason: `cloud: webhook field "${change.field}"` });
        return;
      }
      const value = parseOrThrow(cloudMessagesValueSchema, change.value, `${path}.value`);
      const contacts = value.contacts ?? [];
      value.messages?.forEach((message, m) => {
        events.push(parseMessage(message, contacts, `${path}.value.messages[${m}]`));
      });
      for (const status of value.statuses ?? []) events.push(parseStatus(status));
      for (const error of value.errors ?? []) {
        events.push({ type: 'ignored', reason: `cloud: webhook error ${describeError(error)}` });
      }
    });
  });
  return events;
}

function parseMessage(base: CloudMessageBase, contacts: CloudContact[], path: string): NormalizedEvent {
  if (base.group_id) return { type: 'ignored', reason: 'cloud: group message' };
  if (!KNOWN_TYPES.includes(base.type)) {
    return { type: 'ignored', reason: `cloud: unsupported message type "${base.type}"` };
  }
  const message = parseOrThrow(cloudInboundMessageSchema, base, path);
  if (message.type === 'unsupported') {
    const detail = message.unsupported?.type ?? message.errors?.[0]?.title ?? 'unknown';
    return { type: 'ignored', reason: `cloud: unsupported message (${detail})` };
  }
  if (message.type === 'system') {
    return { type: 'ignored', reason: `cloud: system message (${message.system.type ?? 'notice'})` };
  }
  if (
    message.type === 'interactive' &&
    !message.interactive.button_reply &&
    !message.interactive.list_reply
  ) {
    // nfm_reply (flows), call_permission_reply…: nothing a seller would read as a message.
    return { type: 'ignored', reason: `cloud: interactive ${message.interactive.type}` };
  }

  const common = {
    type: 'message' as const,
    providerMessageId: message.id,
    // The Cloud API only delivers what the user wrote; our own sends come back as statuses.
    direction: 'inbound' as const,
    peer: peerOf(message, contacts, path),
    timestamp: fromEpochSeconds(message.timestamp),
    ...(message.context?.id ? { quotedProviderMessageId: message.context.id } : {}),
  };
  return { ...common, ...contentOf(message) };
}

type Content = Omit<NormalizedMessage, 'type' | 'providerMessageId' | 'direction' | 'peer' | 'timestamp'>;

function contentOf(message: Exclude<CloudInboundMessage, { type: 'unsupported' | 'system' }>): Content {
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: message.text.body };
    case 'audio':
      return { kind: 'audio', media: { ...mediaOf(message.audio), voice: message.audio.voice === true } };
    case 'image':
      return { kind: 'image', media: mediaOf(message.image) };
    case 'video':
      return { kind: 'video', media: mediaOf(message.video) };
    case 'sticker':
      return { kind: 'sticker', media: mediaOf(message.sticker) };
    case 'document':
      return {
        kind: 'document',
        media: {
          ...mediaOf(message.document),
          ...(message.document.filename ? { fileName: message.document.filename } : {}),
        },
      };
    case 'location': {
      const { latitude, longitude, name, address } = message.location;
      return {
        kind: 'location',
        location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
      };
    }
    case 'contacts':
      return {
        kind: 'contact',
        contacts: message.contacts.map((card) => ({
          name: card.name.formatted_name,
          phones: (card.phones ?? []).flatMap((p) => {
            const phone = p.phone ?? p.wa_id;
            return phone ? [phone] : [];
          }),
        })),
      };
    case 'reaction':
      return {
        kind: 'reaction',
        reaction: {
          targetProviderMessageId: message.reaction.message_id,
          emoji: message.reaction.emoji ?? '',
        },
      };
    case 'interactive': {
      const choice = message.interactive.button_reply ?? message.interactive.list_reply;
      return { kind: 'text', text: choice?.title ?? '' };
    }
    case 'button':
      return { kind: 'text', text: message.button.text };
  }
}

function mediaOf(media: {
  id: string;
  mime_type?: string;
  caption?: string;
}): NonNullable<NormalizedMessage['media']> {
  return {
    ref: { source: 'cloud_media_id', mediaId: media.id },
    ...(media.mime_type ? { mimeType: media.mime_type } : {}),
    ...(media.caption ? { caption: media.caption } : {}),
  };
}

/** `from` (phone digits, 12-digit BR ids kept raw) or, for username users, only the BSUID. */
function peerOf(message: CloudMessageBase, contacts: CloudContact[], path: string): Peer {
  const contact =
    contacts.find(
      (c) =>
        (message.from !== undefined && c.wa_id === message.from) ||
        (message.from_user_id !== undefined && c.user_id === message.from_user_id),
    ) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const phone = message.from ?? contact?.wa_id;
  const bsuid = message.from_user_id ?? contact?.user_id;
  const replyTo = phone ?? bsuid;
  if (!replyTo) throw new WebhookPayloadError(`${path}: message without from or from_user_id`);
  const name = contact?.profile?.name;
  return {
    ...(phone ? { phone } : {}),
    ...(bsuid ? { bsuid } : {}),
    replyTo,
    ...(name ? { name } : {}),
  };
}

function parseStatus(status: CloudStatus): NormalizedEvent {
  if (!DELIVERY_STATUSES.includes(status.status)) {
    return { type: 'ignored', reason: `cloud: status "${status.status}"` };
  }
  const error = status.errors?.[0];
  return {
    type: 'status',
    providerMessageId: status.id,
    status: status.status as DeliveryStatus,
    timestamp: fromEpochSeconds(status.timestamp),
    ...(error ? { error: { code: String(error.code), message: errorText(error) } } : {}),
  };
}

function errorText(error: CloudWebhookError): string {
  const head = error.title ?? error.message ?? 'erro sem descrição';
  const details = error.error_data?.details;
  return details && details !== head ? `${head}: ${details}` : head;
}

function describeError(error: CloudWebhookError): string {
  return `${error.code} (${errorText(error)})`;
}

function fromEpochSeconds(seconds: string): Date {
  return new Date(Number(seconds) * 1000);
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, path: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new WebhookPayloadError(`cloud: ${shortReason(result.error, path)}`);
}

/** "entry[0].changes[0].value.messages[0].text.body: expected string" — the first issue is enough. */
function shortReason(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const path = issue.path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    prefix,
  );
  return `${path || 'body'}: ${issue.message}`;
}
