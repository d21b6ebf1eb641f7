import { createHmac, randomBytes } from 'node:crypto';

/**
 * Builders of real Meta Cloud API webhook bodies (README §3.2: envelope, messages, statuses), signed
 * like Meta signs them. Plain objects, no validation: cheap enough for the webhook benchmark.
 */

export const CLOUD_FAKE_PHONE_NUMBER_ID = '106540352242922';
export const CLOUD_FAKE_WABA_ID = '102290129340398';
/** The business number, as in the README's fake numbers. */
export const CLOUD_FAKE_DISPLAY_PHONE_NUMBER = '5511900000000';

/** A deterministic BSUID for a phone ("BR." + digits reversed), so tests can predict it. */
export function fakeBsuid(phone: string): string {
  return `BR.${phone.split('').reverse().join('')}`;
}

export function fakeWamid(): string {
  return `wamid.HBgN${randomBytes(15).toString('hex').toUpperCase()}`;
}

/** What every inbound builder accepts besides its content. */
export type CloudSenderOptions = {
  /** Phone digits as WhatsApp registered them (may be the 12-digit BR form). */
  from: string;
  /** Default `fakeBsuid(from)`; Meta adds it to every message since 2026. `null` leaves it out. */
  bsuid?: string | null;
  name?: string;
  id?: string;
  /** Epoch seconds; default now. */
  timestamp?: string;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  wabaId?: string;
  /** wamid of the message being replied to (context.id). */
  quotedId?: string;
};

export type CloudWebhookBody = {
  object: 'whatsapp_business_account';
  entry: Array<{ id: string; changes: Array<{ field: string; value: Record<string, unknown> }> }>;
};

type Metadata = { phoneNumberId?: string; displayPhoneNumber?: string; wabaId?: string };

function envelope(meta: Metadata, value: Record<string, unknown>, field = 'messages'): CloudWebhookBody {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: meta.wabaId ?? CLOUD_FAKE_WABA_ID,
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: meta.displayPhoneNumber ?? CLOUD_FAKE_DISPLAY_PHONE_NUMBER,
                phone_number_id: meta.phoneNumberId ?? CLOUD_FAKE_PHONE_NUMBER_ID,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

/** A user→business message of `type` with its content object. */
function inbound(
  options: CloudSenderOptions,
  type: string,
  content: Record<string, unknown>,
): CloudWebhookBody {
  const bsuid = options.bsuid === undefined ? fakeBsuid(options.from) : options.bsuid;
  return envelope(options, {
    contacts: [
      {
        profile: { name: options.name ?? 'Maria Cliente' },
        wa_id: options.from,
        ...(bsuid ? { user_id: bsuid } : {}),
      },
    ],
    messages: [
      {
        from: options.from,
        ...(bsuid ? { from_user_id: bsuid } : {}),
        id: options.id ?? fakeWamid(),
        timestamp: options.timestamp ?? nowSeconds(),
        ...(options.quotedId
          ? { context: { from: CLOUD_FAKE_DISPLAY_PHONE_NUMBER, id: options.quotedId } }
          : {}),
        type,
        ...content,
      },
    ],
  });
}

type MediaOptions = CloudSenderOptions & { mediaId: string; mimeType?: string; sha256?: string };

function mediaObject(options: MediaOptions, defaultMime: string): Record<string, unknown> {
  return {
    mime_type: options.mimeType ?? defaultMime,
    // Meta's sha256 encoding (hex or base64) is not documented in what we have; any string does here.
    sha256: options.sha256 ?? 'fake-sha256',
    id: options.mediaId,
  };
}

export const cloudPayloads = {
  text(options: CloudSenderOptions & { text: string }): CloudWebhookBody {
    return inbound(options, 'text', { text: { body: options.text } });
  },

  /** `voice` defaults to true: a recorded voice note (OGG/Opus). */
  audio(options: MediaOptions & { voice?: boolean }): CloudWebhookBody {
    const voice = options.voice ?? true;
    return inbound(options, 'audio', {
      audio: { ...mediaObject(options, voice ? 'audio/ogg; codecs=opus' : 'audio/mpeg'), voice },
    });
  },

  image(options: MediaOptions & { caption?: string }): CloudWebhookBody {
    return inbound(options, 'image', {
      image: {
        ...(options.caption ? { caption: options.caption } : {}),
        ...mediaObject(options, 'image/jpeg'),
      },
    });
  },

  video(options: MediaOptions & { caption?: string }): CloudWebhookBody {
    return inbound(options, 'video', {
      video: {
        ...(options.caption ? { caption: options.caption } : {}),
        ...mediaObject(options, 'video/mp4'),
      },
    });
  },

  document(options: MediaOptions & { filename: string; caption?: string }): CloudWebhookBody {
    return inbound(options, 'document', {
      document: {
        ...(options.caption ? { caption: options.caption } : {}),
        filename: options.filename,
        ...mediaObject(options, 'application/pdf'),
      },
    });
  },

  location(
    options: CloudSenderOptions & { latitude: number; longitude: number; name?: string; address?: string },
  ): CloudWebhookBody {
    const { latitude, longitude, name, address } = options;
    return inbound(options, 'location', {
      location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
    });
  },

  /** `emoji` empty or omitted = the user removed the reaction (Meta then omits `emoji`). */
  reaction(options: CloudSenderOptions & { messageId: string; emoji?: string }): CloudWebhookBody {
    return inbound(options, 'reaction', {
      reaction: { message_id: options.messageId, ...(options.emoji ? { emoji: options.emoji } : {}) },
    });
  },

  /** A tap on a reply button (default) or a list row. */
  interactiveReply(
    options: CloudSenderOptions & { replyId: string; title: string; kind?: 'button_reply' | 'list_reply' },
  ): CloudWebhookBody {
    const kind = options.kind ?? 'button_reply';
    return inbound(options, 'interactive', {
      interactive: { type: kind, [kind]: { id: options.replyId, title: options.title } },
    });
  },

  /** A template quick-reply button. */
  button(options: CloudSenderOptions & { text: string; payload?: string }): CloudWebhookBody {
    return inbound(options, 'button', {
      button: { text: options.text, payload: options.payload ?? options.text },
    });
  },

  /** A user who adopted a username: no `from`, no `wa_id`, only the BSUID. */
  usernameOnly(
    options: Omit<CloudSenderOptions, 'from' | 'bsuid'> & { bsuid: string; text: string; username?: string },
  ): CloudWebhookBody {
    return envelope(options, {
      contacts: [
        {
          profile: {
            name: options.name ?? 'Maria Cliente',
            ...(options.username ? { username: options.username } : {}),
          },
          user_id: options.bsuid,
        },
      ],
      messages: [
        {
          from_user_id: options.bsuid,
          id: options.id ?? fakeWamid(),
          timestamp: options.timestamp ?? nowSeconds(),
          type: 'text',
          text: { body: options.text },
        },
      ],
    });
  },

  /** A message type the Cloud API does not deliver (e.g. a poll). */
  unsupported(options: CloudSenderOptions & { unsupportedType?: string }): CloudWebhookBody {
    return inbound(options, 'unsupported', {
      unsupported: { type: options.unsupportedType ?? 'poll_creation' },
      errors: [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'Message type is currently not supported.' },
        },
      ],
    });
  },

  /** A system notice, e.g. the user changed numbers. */
  system(options: CloudSenderOptions & { body?: string; systemType?: string }): CloudWebhookBody {
    return inbound(options, 'system', {
      system: {
        body: options.body ?? 'User changed from 5511900000001 to 5511900000002',
        type: options.systemType ?? 'user_changed_number',
      },
    });
  },

  /** A status of a message we sent; `failed` usually carries `errors`. */
  status(
    id: string,
    status: 'sent' | 'delivered' | 'read' | 'played' | 'failed',
    options: Metadata & {
      recipientId?: string;
      timestamp?: string;
      errors?: Array<{ code: number; title: string; message?: string; details?: string }>;
    } = {},
  ): CloudWebhookBody {
    const recipientId = options.recipientId ?? '5511900000001';
    return envelope(options, {
      statuses: [
        {
          id,
          status,
          timestamp: options.timestamp ?? nowSeconds(),
          recipient_id: recipientId,
          ...(options.errors
            ? {
                errors: options.errors.map((e) => ({
                  code: e.code,
                  title: e.title,
                  message: e.message ?? e.title,
                  error_data: { details: e.details ?? e.title },
                })),
              }
            : {
                pricing: {
                  billable: false,
                  pricing_model: 'PMP',
                  category: 'service',
                  type: 'free_customer_service',
                },
              }),
        },
      ],
    });
  },

  /** `value.errors`: something Meta could not process about an inbound message. */
  valueError(options: Metadata & { code: number; title: string; details?: string }): CloudWebhookBody {
    return envelope(options, {
      errors: [
        {
          code: options.code,
          title: options.title,
          message: options.title,
          error_data: { details: options.details ?? options.title },
        },
      ],
    });
  },

  /** Several payloads delivered as Meta batches them: one entry, every change of the inputs, in order. */
  batch(...payloads: CloudWebhookBody[]): CloudWebhookBody {
    return {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: payloads[0]?.entry[0]?.id ?? CLOUD_FAKE_WABA_ID,
          changes: payloads.flatMap((p) => p.entry.flatMap((e) => e.changes)),
        },
      ],
    };
  },
};

/** `X-Hub-Signature-256` for a body: "sha256=" + hex HMAC-SHA256 with the app secret. */
export function signCloudPayload(appSecret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** A payload serialized and signed, ready to POST (or to hand to the provider as a WebhookRequest). */
export function signedCloudWebhook(
  appSecret: string,
  payload: unknown,
): { rawBody: Buffer; headers: Record<string, string> } {
  const rawBody = Buffer.from(JSON.stringify(payload));
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signCloudPayload(appSecret, rawBody),
    },
  };
}
