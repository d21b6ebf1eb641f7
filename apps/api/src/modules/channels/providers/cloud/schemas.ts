import { z } from 'zod';

/**
 * Meta WhatsApp Cloud API wire format (see /work/shared/whatsapp/README.md §3).
 * Objects are loose because Meta keeps adding fields; the fields we read are checked.
 * Webhooks are parsed in two stages (envelope, then each change and each message) so that a message
 * type or a webhook field we do not know yet becomes an `ignored` event instead of a rejected batch.
 */

/** Epoch seconds as a string, e.g. "1764065730". */
const epochSeconds = z.string().regex(/^\d+$/, 'timestamp must be epoch seconds');

/** Errors in `value.errors`, `messages[].errors` and `statuses[].errors`. */
export const cloudWebhookErrorSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

export const cloudContactSchema = z.looseObject({
  /** Omitted for users who adopted a username. */
  wa_id: z.string().optional(),
  /** Business-scoped user id (BSUID), e.g. "BR.1502576394655843". */
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

/** What every message carries, whatever its type; the type-specific part is `cloudInboundMessageSchema`. */
export const cloudMessageBaseSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: epochSeconds,
  type: z.string().min(1),
  /** Phone digits; omitted for username users. */
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  /** Set when the message came from a group (Groups API). */
  group_id: z.string().optional(),
  context: z
    .looseObject({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  errors: z.array(cloudWebhookErrorSchema).optional(),
});

/** Webhook media object; older payloads have no `url`. */
const inboundMedia = {
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  url: z.string().optional(),
};

const replyChoice = z.looseObject({ id: z.string(), title: z.string() });

export const CLOUD_KNOWN_MESSAGE_TYPES = [
  'text',
  'audio',
  'image',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'reaction',
  'interactive',
  'button',
  'unsupported',
  'system',
] as const;

export const cloudInboundMessageSchema = z.discriminatedUnion('type', [
  cloudMessageBaseSchema.extend({ type: z.literal('text'), text: z.looseObject({ body: z.string() }) }),
  cloudMessageBaseSchema.extend({
    type: z.literal('audio'),
    audio: z.looseObject({ ...inboundMedia, voice: z.boolean().optional() }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('image'),
    image: z.looseObject({ ...inboundMedia, caption: z.string().optional() }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('video'),
    video: z.looseObject({ ...inboundMedia, caption: z.string().optional() }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('document'),
    document: z.looseObject({
      ...inboundMedia,
      caption: z.string().optional(),
      filename: z.string().optional(),
    }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('sticker'),
    sticker: z.looseObject({ ...inboundMedia, animated: z.boolean().optional() }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('location'),
    location: z.looseObject({
      // Meta documents numbers; whatsapp-api-js types them as strings: accept both.
      latitude: z.coerce.number(),
      longitude: z.coerce.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('contacts'),
    contacts: z.array(
      z.looseObject({
        name: z.looseObject({ formatted_name: z.string() }),
        phones: z
          .array(
            z.looseObject({
              phone: z.string().optional(),
              wa_id: z.string().optional(),
              type: z.string().optional(),
            }),
          )
          .optional(),
      }),
    ),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('reaction'),
    // `emoji` is omitted (or empty) when the user removes a reaction.
    reaction: z.looseObject({ message_id: z.string().min(1), emoji: z.string().optional() }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('interactive'),
    interactive: z
      .looseObject({
        type: z.string(),
        button_reply: replyChoice.optional(),
        list_reply: replyChoice.extend({ description: z.string().optional() }).optional(),
      })
      .refine((i) => i.type !== 'button_reply' || i.button_reply !== undefined, {
        message: 'button_reply missing',
        path: ['button_reply'],
      })
      .refine((i) => i.type !== 'list_reply' || i.list_reply !== undefined, {
        message: 'list_reply missing',
        path: ['list_reply'],
      }),
  }),
  /** Quick-reply button of a template. */
  cloudMessageBaseSchema.extend({
    type: z.literal('button'),
    button: z.looseObject({ text: z.string(), payload: z.string().optional() }),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('unsupported'),
    unsupported: z.looseObject({ type: z.string().optional() }).optional(),
  }),
  cloudMessageBaseSchema.extend({
    type: z.literal('system'),
    system: z.looseObject({ body: z.string().optional(), type: z.string().optional() }),
  }),
]);

export const cloudStatusSchema = z.looseObject({
  id: z.string().min(1),
  /** sent | delivered | read | played | failed; other values are ignored, not rejected. */
  status: z.string().min(1),
  timestamp: epochSeconds,
  /** Omitted when the message was sent to a BSUID. */
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z.array(cloudWebhookErrorSchema).optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      category: z.string().optional(),
      type: z.string().optional(),
    })
    .optional(),
  conversation: z.looseObject({ id: z.string().optional() }).optional(),
});

/** `entry[].changes[].value` when `field` is "messages". Messages are checked per type afterwards. */
export const cloudMessagesValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1),
  }),
  contacts: z.array(cloudContactSchema).optional(),
  messages: z.array(cloudMessageBaseSchema).optional(),
  statuses: z.array(cloudStatusSchema).optional(),
  errors: z.array(cloudWebhookErrorSchema).optional(),
});

export const cloudWebhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      /** WABA id. */
      id: z.string(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

/** POST /{phone-number-id}/messages → 200. */
export const cloudSendResponseSchema = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  contacts: z
    .array(z.looseObject({ input: z.string(), wa_id: z.string().optional(), user_id: z.string().optional() }))
    .optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

/** Synchronous Graph API error body (4xx/5xx). */
export const cloudErrorBodySchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number(),
    error_data: z
      .looseObject({ messaging_product: z.string().optional(), details: z.string().optional() })
      .optional(),
    error_subcode: z.number().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/** POST /{phone-number-id}/media → 200. */
export const cloudMediaUploadResponseSchema = z.looseObject({ id: z.string().min(1) });

/** GET /{media-id} → 200; `url` lives 5 minutes and needs the same Bearer token. */
export const cloudMediaInfoSchema = z.looseObject({
  url: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  file_size: z.coerce.number().optional(),
  id: z.string().optional(),
  messaging_product: z.string().optional(),
});

/** GET /{phone-number-id}?fields=… → 200. */
export const cloudPhoneNumberSchema = z.looseObject({
  id: z.string().optional(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  /** GREEN | YELLOW | RED | UNKNOWN (third-party references). */
  quality_rating: z.string().optional(),
  /** e.g. CONNECTED (third-party references; other values unconfirmed). */
  status: z.string().optional(),
});

export type CloudWebhookError = z.infer<typeof cloudWebhookErrorSchema>;
export type CloudContact = z.infer<typeof cloudContactSchema>;
export type CloudMessageBase = z.infer<typeof cloudMessageBaseSchema>;
export type CloudInboundMessage = z.infer<typeof cloudInboundMessageSchema>;
export type CloudStatus = z.infer<typeof cloudStatusSchema>;
export type CloudMessagesValue = z.infer<typeof cloudMessagesValueSchema>;
export type CloudWebhookEnvelope = z.infer<typeof cloudWebhookEnvelopeSchema>;
export type CloudSendResponse = z.infer<typeof cloudSendResponseSchema>;
export type CloudErrorBody = z.infer<typeof cloudErrorBodySchema>;
