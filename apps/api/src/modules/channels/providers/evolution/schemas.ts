import { z } from 'zod';

/**
 * Evolution API v2.3.6 (Baileys 7) wire format, as described in /work/shared/whatsapp/README.md §2
 * ([EV:whatsapp.baileys.service.ts], [EV:webhook.controller.ts]). Objects are loose: Evolution and
 * Baileys add fields between versions; we are strict only on the fields the adapter reads.
 */

/**
 * Baileys binary fields (mediaKey, fileSha256, jpegThumbnail…) reach the webhook as base64 strings,
 * as `{"0":12,"1":34,…}` objects (Uint8Array through JSON.stringify) or as Buffer JSON. Opaque to us.
 */
export const opaqueBytesSchema = z.union([
  z.string(),
  z.record(z.string(), z.number()),
  z.looseObject({ type: z.literal('Buffer'), data: z.array(z.number()) }),
]);

/** protobufjs Long serialized by JSON.stringify ({low, high, unsigned}); Evolution usually converts it first. */
const longSchema = z.looseObject({ low: z.number(), high: z.number(), unsigned: z.boolean().optional() });

/** Seconds since the epoch: a number, or a string when protobufjs serialized a Long (`longs: String`). */
export const epochSecondsSchema = z.union([
  z.number(),
  z.string().regex(/^\d+$/, 'messageTimestamp não numérico'),
  longSchema,
]);

const sizeSchema = z.union([z.number(), z.string(), longSchema]);

const optionalString = z.string().nullish();

export const contextInfoSchema = z
  .looseObject({
    stanzaId: optionalString,
    participant: optionalString,
    quotedMessage: z.unknown().optional(),
  })
  .nullish();

const mediaFields = {
  url: optionalString,
  mimetype: optionalString,
  fileLength: sizeSchema.nullish(),
  mediaKey: opaqueBytesSchema.nullish(),
  fileSha256: opaqueBytesSchema.nullish(),
  fileEncSha256: opaqueBytesSchema.nullish(),
  directPath: optionalString,
  jpegThumbnail: opaqueBytesSchema.nullish(),
  contextInfo: contextInfoSchema,
};

export const imageMessageSchema = z.looseObject({ ...mediaFields, caption: optionalString });
export const videoMessageSchema = z.looseObject({
  ...mediaFields,
  caption: optionalString,
  seconds: z.number().nullish(),
});
export const audioMessageSchema = z.looseObject({
  ...mediaFields,
  seconds: z.number().nullish(),
  /** A recorded voice note. */
  ptt: z.boolean().nullish(),
});
export const documentMessageSchema = z.looseObject({
  ...mediaFields,
  fileName: optionalString,
  title: optionalString,
  caption: optionalString,
  pageCount: z.number().nullish(),
});
export const stickerMessageSchema = z.looseObject({ ...mediaFields, isAnimated: z.boolean().nullish() });

export const locationMessageSchema = z.looseObject({
  degreesLatitude: z.number(),
  degreesLongitude: z.number(),
  name: optionalString,
  address: optionalString,
  contextInfo: contextInfoSchema,
});

export const contactMessageSchema = z.looseObject({
  displayName: optionalString,
  vcard: optionalString,
  contextInfo: contextInfoSchema,
});

const messageKeyRefSchema = z.looseObject({
  remoteJid: optionalString,
  fromMe: z.boolean().nullish(),
  id: z.string().min(1),
  participant: optionalString,
});

export const reactionMessageSchema = z.looseObject({
  key: messageKeyRefSchema,
  /** Empty string = the reaction was removed. */
  text: z.string().nullish(),
  senderTimestampMs: sizeSchema.nullish(),
});

/**
 * Baileys `proto.Message.ProtocolMessage.Type`: enums come as names when protobufjs' toJSON ran and
 * as numbers otherwise. REVOKE = 0, MESSAGE_EDIT = 14 (WAProto).
 */
export const PROTOCOL_REVOKE = 0;
export const PROTOCOL_MESSAGE_EDIT = 14;

/** The new content of an edit: text, or a caption of an image/video. */
export const editedContentSchema = z.looseObject({
  conversation: optionalString,
  extendedTextMessage: z.looseObject({ text: optionalString }).nullish(),
  imageMessage: z.looseObject({ caption: optionalString }).nullish(),
  videoMessage: z.looseObject({ caption: optionalString }).nullish(),
});

export const protocolMessageSchema = z.looseObject({
  key: messageKeyRefSchema.nullish(),
  type: z.union([z.number(), z.string()]).nullish(),
  editedMessage: editedContentSchema.nullish(),
  timestampMs: sizeSchema.nullish(),
});

/** Wrappers whose `.message` holds the real content (view once, disappearing, documents with caption). */
const wrapperSchema = z.looseObject({ message: z.looseObject({}).nullish() });

export const messageContentSchema = z.looseObject({
  conversation: optionalString,
  extendedTextMessage: z.looseObject({ text: optionalString, contextInfo: contextInfoSchema }).nullish(),
  imageMessage: imageMessageSchema.nullish(),
  audioMessage: audioMessageSchema.nullish(),
  videoMessage: videoMessageSchema.nullish(),
  ptvMessage: videoMessageSchema.nullish(),
  documentMessage: documentMessageSchema.nullish(),
  documentWithCaptionMessage: z
    .looseObject({
      message: z.looseObject({ documentMessage: documentMessageSchema.nullish() }).nullish(),
    })
    .nullish(),
  stickerMessage: stickerMessageSchema.nullish(),
  locationMessage: locationMessageSchema.nullish(),
  liveLocationMessage: locationMessageSchema.nullish(),
  contactMessage: contactMessageSchema.nullish(),
  contactsArrayMessage: z
    .looseObject({
      displayName: optionalString,
      contacts: z.array(contactMessageSchema).nullish(),
    })
    .nullish(),
  reactionMessage: reactionMessageSchema.nullish(),
  protocolMessage: protocolMessageSchema.nullish(),
  /** Baileys' edit wrapper: `{message: {protocolMessage: {type: MESSAGE_EDIT, key, editedMessage}}}`. */
  editedMessage: z
    .looseObject({
      message: z.looseObject({ protocolMessage: protocolMessageSchema.nullish() }).nullish(),
    })
    .nullish(),
  ephemeralMessage: wrapperSchema.nullish(),
  viewOnceMessage: wrapperSchema.nullish(),
  viewOnceMessageV2: wrapperSchema.nullish(),
  viewOnceMessageV2Extension: wrapperSchema.nullish(),
  /** Webhook `base64: true`: the decrypted file, inline, raw base64. */
  base64: z.string().nullish(),
  /** S3/MinIO enabled: a URL to the stored copy. */
  mediaUrl: z.string().nullish(),
  messageContextInfo: z.unknown().optional(),
});
export type EvolutionMessageContent = z.infer<typeof messageContentSchema>;

export const messageKeySchema = z.looseObject({
  remoteJid: z.string().min(1),
  /** Baileys 7: the other identity of a DM (PN ↔ LID). */
  remoteJidAlt: optionalString,
  fromMe: z.boolean(),
  id: z.string().min(1),
  participant: optionalString,
  /** Baileys 7: the other identity of a group author. */
  participantAlt: optionalString,
  addressingMode: z.string().nullish(),
  /** Baileys 6.x: the sender's phone JID when remoteJid is a LID. */
  senderPn: optionalString,
  /** Baileys 6.x: the sender's LID when remoteJid is a phone JID. */
  senderLid: optionalString,
});
export type EvolutionMessageKey = z.infer<typeof messageKeySchema>;

/** `messages.upsert` and `send.message` data (Evolution's `prepareMessage`). */
export const messageDataSchema = z.looseObject({
  key: messageKeySchema,
  pushName: z.string().nullish(),
  status: z.string().nullish(),
  message: messageContentSchema.nullish(),
  contextInfo: contextInfoSchema,
  messageType: z.string().nullish(),
  messageTimestamp: epochSecondsSchema,
  instanceId: z.string().nullish(),
  source: z.string().nullish(),
});
export type EvolutionMessageData = z.infer<typeof messageDataSchema>;

/** Evolution's status names (renderStatus.ts); DELETED when Baileys reports no status. */
export const messageStatusSchema = z.enum([
  'ERROR',
  'PENDING',
  'SERVER_ACK',
  'DELIVERY_ACK',
  'READ',
  'PLAYED',
  'DELETED',
]);
export type EvolutionMessageStatus = z.infer<typeof messageStatusSchema>;

/** `messages.update`: flat, no `key` object. */
export const messageUpdateDataSchema = z.looseObject({
  keyId: z.string().min(1),
  remoteJid: optionalString,
  fromMe: z.boolean().nullish(),
  participant: optionalString,
  status: messageStatusSchema,
  instanceId: z.string().nullish(),
  messageId: z.string().nullish(),
});

/** `messages.delete`: the Baileys key spread plus `status: "DELETED"`. */
export const messageDeleteDataSchema = z.looseObject({
  id: z.string().min(1),
  remoteJid: optionalString,
  fromMe: z.boolean().nullish(),
  participant: optionalString,
  status: z.string().nullish(),
});

/** `messages.edited`: the Baileys protocolMessage itself (edit or revoke). */
export const messageEditedDataSchema = protocolMessageSchema;

/** `state` is Baileys' WAConnectionState, plus 'refused' when the QR code limit is reached. */
export const connectionStateSchema = z.enum(['open', 'close', 'connecting', 'refused']);
export type EvolutionConnectionState = z.infer<typeof connectionStateSchema>;

export const connectionUpdateDataSchema = z.looseObject({
  instance: z.string().nullish(),
  state: connectionStateSchema,
  /** Baileys DisconnectReason / HTTP-like code: 200 ok, 401 logged out, 428 connection closed… */
  statusReason: z.number().nullish(),
  wuid: z.string().nullish(),
  profileName: z.string().nullish(),
  profilePictureUrl: z.string().nullish(),
});

export const qrcodeUpdatedDataSchema = z.union([
  z.looseObject({
    qrcode: z.looseObject({
      instance: z.string().nullish(),
      pairingCode: z.string().nullish(),
      code: z.string().nullish(),
      base64: z.string().nullish(),
    }),
  }),
  /** Sent once the QR code limit is reached; followed by connection.update state "refused". */
  z.looseObject({ message: z.string(), statusCode: z.number().nullish() }),
]);

export const webhookEnvelopeSchema = z.looseObject({
  event: z.string().min(1),
  instance: z.string().min(1),
  data: z.unknown(),
  destination: z.string().nullish(),
  /** Server local time with a "Z" suffix: its zone is not to be trusted. */
  date_time: z.string().nullish(),
  /** The instance's own JID. */
  sender: z.string().nullish(),
  server_url: z.string().nullish(),
  /** The instance token when AUTHENTICATION_EXPOSE_IN_FETCH_INSTANCES=true: never log it. */
  apikey: z.string().nullish(),
});
export type EvolutionWebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

/** Success answer of /message/send*: the stored message. */
export const sendResponseSchema = z.looseObject({
  key: z.looseObject({ id: z.string().min(1), remoteJid: optionalString, fromMe: z.boolean().nullish() }),
  status: z.string().nullish(),
  messageType: z.string().nullish(),
  messageTimestamp: epochSecondsSchema.nullish(),
});

/** Number check result embedded in a 400 when the destination has no WhatsApp. */
export const numberCheckSchema = z.looseObject({
  exists: z.boolean(),
  jid: z.string().nullish(),
  number: z.string().nullish(),
});

/** Every Evolution error: `message` is an array of whatever was thrown, or a string (401). */
export const errorBodySchema = z.looseObject({
  status: z.number().nullish(),
  error: z.string().nullish(),
  response: z.looseObject({ message: z.union([z.string(), z.array(z.unknown())]).nullish() }).nullish(),
});
export type EvolutionErrorBody = z.infer<typeof errorBodySchema>;

/** POST /chat/getBase64FromMediaMessage/{instance}. */
export const mediaBase64ResponseSchema = z.looseObject({
  mediaType: z.string().nullish(),
  fileName: z.string().nullish(),
  caption: z.string().nullish(),
  size: z.unknown().optional(),
  mimetype: z.string().nullish(),
  base64: z.string().min(1),
});

/** GET /instance/connectionState/{instance}. */
export const connectionStateResponseSchema = z.looseObject({
  instance: z.looseObject({ instanceName: z.string().nullish(), state: connectionStateSchema }),
});
