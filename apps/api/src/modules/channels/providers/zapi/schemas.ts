import { z } from 'zod';

/**
 * Every Z-API payload we consume, per the wire-format notes in /work/shared/whatsapp/README.md §1
 * (sources: Z-API/z-api-docs webhooks/on-message-received, on-whatsapp-message-status-changes,
 * on-message-send(-examples), on-whatsapp-disconnected, on-webhook-connected, on-chat-presence,
 * instance/status, message/send-*).
 *
 * Loose objects: Z-API keeps adding fields (externalAdReply, messageExpirationSeconds, …), so unknown
 * keys pass through. What the adapter reads is typed and required where we rely on it. Z-API writes
 * `null` for absent optional fields (chatLid, participantPhone, referenceMessageId, photo…), hence `nullish`.
 */

const optionalText = z.string().nullish();
const optionalFlag = z.boolean().nullish();
const optionalNumber = z.number().nullish();
/** Media URLs are plain public URLs hosted by Z-API (kept 30 days). */
const mediaUrl = z.url();

export const zapiTextContentSchema = z.looseObject({
  message: z.string(),
  description: optionalText,
  title: optionalText,
  url: optionalText,
});

export const zapiAudioContentSchema = z.looseObject({
  audioUrl: mediaUrl,
  mimeType: optionalText,
  /** true = recorded voice note (push-to-talk). */
  ptt: optionalFlag,
  seconds: optionalNumber,
  viewOnce: optionalFlag,
});

export const zapiImageContentSchema = z.looseObject({
  imageUrl: mediaUrl,
  thumbnailUrl: optionalText,
  caption: optionalText,
  mimeType: optionalText,
  width: optionalNumber,
  height: optionalNumber,
  viewOnce: optionalFlag,
  /** Set when Z-API failed to fetch the media from WhatsApp (README §1.3). */
  downloadError: z.unknown().optional(),
});

export const zapiVideoContentSchema = z.looseObject({
  videoUrl: mediaUrl,
  caption: optionalText,
  mimeType: optionalText,
  seconds: optionalNumber,
  viewOnce: optionalFlag,
});

export const zapiDocumentContentSchema = z.looseObject({
  documentUrl: mediaUrl,
  mimeType: optionalText,
  fileName: optionalText,
  title: optionalText,
  /** Documented as string in the table and as a number in the examples. */
  pageCount: z.union([z.number(), z.string()]).nullish(),
  thumbnailUrl: optionalText,
  /** Not in the English docs; seen on document templates (`caption: null`) — unconfirmed for plain documents. */
  caption: optionalText,
});

export const zapiStickerContentSchema = z.looseObject({
  stickerUrl: mediaUrl,
  mimeType: optionalText,
});

export const zapiLocationContentSchema = z.looseObject({
  latitude: z.number(),
  longitude: z.number(),
  name: optionalText,
  address: optionalText,
  url: optionalText,
  thumbnailUrl: optionalText,
});

export const zapiContactContentSchema = z.looseObject({
  displayName: z.string(),
  vCard: optionalText,
  phones: z.array(z.string()).nullish(),
});

export const zapiReactionContentSchema = z.looseObject({
  /** The emoji; an empty string presumably means the reaction was removed (unconfirmed). */
  value: z.string(),
  time: optionalNumber,
  reactionBy: optionalText,
  referencedMessage: z.looseObject({
    messageId: z.string().min(1),
    fromMe: optionalFlag,
    phone: optionalText,
    participant: optionalText,
  }),
});

/** Button / list answers carry the chosen option's text. */
export const zapiChoiceContentSchema = z.looseObject({ message: z.string() });

/** `ReceivedCallback`: inbound messages, and our own (fromMe) when "notify sent by me" is on. */
export const zapiReceivedCallbackSchema = z.looseObject({
  // The docs' prose spells it "ReceivedCallBack"; every example payload says "ReceivedCallback".
  type: z.enum(['ReceivedCallback', 'ReceivedCallBack']),
  instanceId: optionalText,
  connectedPhone: optionalText,
  messageId: z.string().min(1),
  /** The chat: lead digits, `<id>-group` for groups, or `<lid>@lid`. */
  phone: z.string().min(1),
  fromMe: z.boolean(),
  /** true when the fromMe message was sent through the API (i.e. by us). */
  fromApi: optionalFlag,
  /** Epoch milliseconds (sic, double m). */
  momment: optionalNumber,
  /** One docs example (poll) spells it `moment`; accepted as a fallback. */
  moment: optionalNumber,
  status: optionalText,
  chatName: optionalText,
  senderName: optionalText,
  senderPhoto: optionalText,
  photo: optionalText,
  chatLid: optionalText,
  senderLid: optionalText,
  participantPhone: optionalText,
  participantLid: optionalText,
  referenceMessageId: optionalText,
  isGroup: optionalFlag,
  isNewsletter: optionalFlag,
  broadcast: optionalFlag,
  isStatusReply: optionalFlag,
  isEdit: optionalFlag,
  waitingMessage: optionalFlag,
  forwarded: optionalFlag,
  /** System / group events (GROUP_PARTICIPANT_ADD, CALL_MISSED_VOICE, REVOKE…). */
  notification: optionalText,
  notificationParameters: z.array(z.unknown()).nullish(),
  text: zapiTextContentSchema.nullish(),
  audio: zapiAudioContentSchema.nullish(),
  image: zapiImageContentSchema.nullish(),
  video: zapiVideoContentSchema.nullish(),
  document: zapiDocumentContentSchema.nullish(),
  sticker: zapiStickerContentSchema.nullish(),
  location: zapiLocationContentSchema.nullish(),
  contact: zapiContactContentSchema.nullish(),
  reaction: zapiReactionContentSchema.nullish(),
  buttonsResponseMessage: zapiChoiceContentSchema.nullish(),
  listResponseMessage: zapiChoiceContentSchema.nullish(),
});
export type ZapiReceivedCallback = z.infer<typeof zapiReceivedCallbackSchema>;

/** `MessageStatusCallback`: one event may acknowledge several messages (`ids` is an array). */
export const zapiMessageStatusCallbackSchema = z.looseObject({
  type: z.literal('MessageStatusCallback'),
  instanceId: optionalText,
  /** SENT | RECEIVED (delivered) | READ | READ_BY_ME | PLAYED; there is no FAILED here. */
  status: z.string().min(1),
  ids: z.array(z.string().min(1)).min(1),
  momment: z.number(),
  phone: optionalText,
  isGroup: optionalFlag,
});
export type ZapiMessageStatusCallback = z.infer<typeof zapiMessageStatusCallbackSchema>;

/** `DeliveryCallback` (on-message-send): `error` only on failure; `errorCode` only for "SHADOW_BAN". */
export const zapiDeliveryCallbackSchema = z.looseObject({
  type: z.literal('DeliveryCallback'),
  instanceId: optionalText,
  phone: optionalText,
  zaapId: optionalText,
  messageId: z.string().min(1),
  /** Epoch ms in the current docs; absent from the older example. */
  momment: optionalNumber,
  error: optionalText,
  errorCode: optionalText,
});
export type ZapiDeliveryCallback = z.infer<typeof zapiDeliveryCallbackSchema>;

export const zapiDisconnectedCallbackSchema = z.looseObject({
  type: z.literal('DisconnectedCallback'),
  instanceId: optionalText,
  momment: optionalNumber,
  error: optionalText,
  disconnected: optionalFlag,
});
export type ZapiDisconnectedCallback = z.infer<typeof zapiDisconnectedCallbackSchema>;

export const zapiConnectedCallbackSchema = z.looseObject({
  type: z.literal('ConnectedCallback'),
  instanceId: optionalText,
  connected: optionalFlag,
  phone: optionalText,
  momment: optionalNumber,
});
export type ZapiConnectedCallback = z.infer<typeof zapiConnectedCallbackSchema>;

export const zapiPresenceChatCallbackSchema = z.looseObject({
  type: z.literal('PresenceChatCallback'),
  instanceId: optionalText,
  phone: optionalText,
  /** UNAVAILABLE | AVAILABLE | COMPOSING | PAUSED | RECORDING */
  status: z.string(),
  lastSeen: z.unknown().optional(),
});
export type ZapiPresenceChatCallback = z.infer<typeof zapiPresenceChatCallbackSchema>;

/** 200 answer of every send-* method. Some doc pages omit `id`; `messageId` is what statuses refer to. */
export const zapiSendResponseSchema = z.looseObject({
  zaapId: optionalText,
  messageId: z.string().min(1),
  id: optionalText,
});
export type ZapiSendResponse = z.infer<typeof zapiSendResponseSchema>;

/** GET /status. `error`: "You are not connected." | "You need to restore the session." | "You are already connected." */
export const zapiStatusResponseSchema = z.looseObject({
  connected: z.boolean(),
  error: optionalText,
  smartphoneConnected: optionalFlag,
  session: optionalFlag,
});
export type ZapiStatusResponse = z.infer<typeof zapiStatusResponseSchema>;

/** Error answers: `{"error": "null not allowed"}`, `{"error": "your client-token is not configured"}`… */
export const zapiErrorResponseSchema = z.looseObject({
  error: z.string().optional(),
  message: z.string().optional(),
});
