import type { z } from 'zod';
import type { HttpClient } from '../../platform/httpClient.ts';

/**
 * The one interface every WhatsApp provider implements (zapi, evolution, cloud, sandbox).
 * Providers differ only in authenticating and parsing webhooks, sending, and fetching media;
 * everything else (contacts, conversations, outbox, statuses) is shared.
 */
export type ProviderKind = 'zapi' | 'evolution' | 'cloud' | 'sandbox';

/** Who the other side is, as the payload names them. `replyTo` is the raw id we send back to. */
export type Peer = {
  /** Digits only, as the provider wrote them (may lack the Brazilian 9th digit). */
  phone?: string;
  /** WhatsApp LID, e.g. "123456789012345@lid". */
  lid?: string;
  /** Cloud API business-scoped user id, e.g. "BR.1502576394655843". */
  bsuid?: string;
  /** The id to address replies to, exactly as the provider expects it. */
  replyTo: string;
  name?: string;
};

/** Where the bytes of an inbound media are; the media worker turns it into a stored file. */
export type InboundMediaRef =
  | { source: 'url'; url: string }
  | { source: 'base64'; base64: string }
  | { source: 'cloud_media_id'; mediaId: string }
  /** Evolution without inline base64: fetch with POST /chat/getBase64FromMediaMessage. */
  | { source: 'evolution_message'; messageKeyId: string };

export type MessageKind =
  | 'text'
  | 'audio'
  | 'image'
  | 'video'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contact'
  | 'reaction'
  | 'unsupported';

export type NormalizedMessage = {
  type: 'message';
  providerMessageId: string;
  /** inbound: the lead wrote; outbound_phone: the business sent it from the phone/app itself (fromMe). */
  direction: 'inbound' | 'outbound_phone';
  peer: Peer;
  timestamp: Date;
  kind: MessageKind;
  text?: string;
  media?: {
    ref: InboundMediaRef;
    mimeType?: string;
    fileName?: string;
    sizeBytes?: number;
    seconds?: number;
    /** A recorded voice note (PTT), not an audio file. */
    voice?: boolean;
    caption?: string;
  };
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  contacts?: Array<{ name: string; phones: string[] }>;
  reaction?: { targetProviderMessageId: string; emoji: string };
  quotedProviderMessageId?: string;
};

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export type NormalizedEvent =
  | NormalizedMessage
  | { type: 'edit'; providerMessageId: string; text: string; timestamp: Date }
  | { type: 'delete'; providerMessageId: string; timestamp: Date }
  | {
      type: 'status';
      providerMessageId: string;
      status: DeliveryStatus;
      timestamp: Date;
      error?: { code: string; message: string };
    }
  | { type: 'connection'; state: ConnectionState; detail?: string }
  /** Kept for the record (groups, broadcasts, status stories, presence, system notices). */
  | { type: 'ignored'; reason: string };

export type ConnectionState = 'connected' | 'disconnected' | 'qr_needed';

export type OutgoingMessage = {
  /** Peer.replyTo of the conversation. */
  to: string;
  kind: 'text' | 'image' | 'document' | 'audio';
  text?: string;
  media?: { data: Buffer; mimeType: string; fileName: string; caption?: string; voice?: boolean };
  replyToProviderMessageId?: string;
  /** Show "typing…" for about this long, then deliver (only for providers whose `typing.via` is `send`). */
  typingMs?: number;
};

/** What a provider needs to show "typing…" through a call of its own, before the message is sent. */
export type TypingHint = {
  /** Peer.replyTo of the conversation. */
  to: string;
  durationMs: number;
  /** The lead's latest inbound message: the Cloud API hangs its typing indicator on it. */
  lastInboundProviderMessageId?: string;
};

/**
 * How a provider shows "typing…" before a message:
 * - `send`: the send call itself types, then delivers (Z-API `delayTyping`, Evolution `delay`);
 * - `call`: a call of its own, after which the outbox sends the message `durationMs` later (Cloud API).
 * Without it, the outbox only waits, so the message still arrives when planned.
 */
export type TypingCapability<C> =
  | { via: 'send' }
  | { via: 'call'; show(ctx: ProviderContext<C>, hint: TypingHint): Promise<void> };

export type SendResult = { providerMessageId: string };

export type WebhookRequest = {
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | undefined>;
  rawBody: Buffer;
};

export type ProviderContext<C> = { credentials: C; http: HttpClient; webhookSecret: string };

export type WhatsAppProvider<C> = {
  kind: ProviderKind;
  /** Validates what an admin types when connecting a number (base URLs included: that is how tests reach fakes). */
  credentialsSchema: z.ZodType<C>;
  /** Throws AppError 401 (code WEBHOOK_UNAUTHENTICATED) unless the request really comes from the provider. */
  authenticateWebhook(
    request: WebhookRequest,
    ctx: Pick<ProviderContext<C>, 'credentials' | 'webhookSecret'>,
  ): void;
  /** Cloud API's GET handshake (hub.mode/hub.verify_token/hub.challenge); other providers have none. */
  verifySubscription?(
    query: Record<string, string | undefined>,
    credentials: C,
  ): { status: number; body: string };
  /** Pure: a provider payload (already JSON-parsed) → normalized events. Throws WebhookPayloadError when malformed. */
  parseWebhook(body: unknown): NormalizedEvent[];
  /** Throws ProviderError (retryable or not) on failure. */
  send(ctx: ProviderContext<C>, message: OutgoingMessage): Promise<SendResult>;
  typing?: TypingCapability<C>;
  downloadMedia(ctx: ProviderContext<C>, ref: InboundMediaRef): Promise<{ data: Buffer; mimeType?: string }>;
  checkConnection(ctx: ProviderContext<C>): Promise<{ state: ConnectionState; detail?: string }>;
};

/** A payload that does not match the provider's documented shape: answered 400 and stored with the reason. */
export class WebhookPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookPayloadError';
  }
}
