import { randomBytes } from 'node:crypto';
import { newEvolutionKeyId } from './fakeEvolution.ts';

/**
 * Real Evolution API v2.3.6 webhook bodies (README §2.3), built with the fake numbers of the README:
 * business 5511900000000, lead 5511900000001, group member 5511900000002.
 * Every builder returns the whole envelope, ready to JSON.stringify and POST.
 */
export const EVOLUTION_BUSINESS_PHONE = '5511900000000';
export const EVOLUTION_LEAD_PHONE = '5511900000001';
export const EVOLUTION_LEAD_LID = '123456789012345@lid';

type Common = {
  /** Instance name in the envelope; default "piloto-demo". */
  instance?: string;
  keyId?: string;
  /** Epoch seconds; default now. Pass a string to get Long-as-string serialization. */
  timestamp?: number | string;
};

type UpsertCommon = Common & {
  /** Lead's digits; default 5511900000001. */
  phone?: string;
  pushName?: string;
  fromMe?: boolean;
  /** The lead's LID, sent as key.remoteJidAlt (Baileys 7). */
  lid?: string;
  /** Appended to the JID as `:NN` (a linked-device id). */
  device?: number;
  quotedKeyId?: string;
};

type MediaSource = {
  /** The file bytes, inlined as data.message.base64 (webhook `base64: true`). */
  base64?: Buffer;
  /** An S3/MinIO URL, as data.message.mediaUrl. */
  mediaUrl?: string;
};

export function evolutionEnvelope<T>(event: string, data: T, instance = 'piloto-demo') {
  return {
    event,
    instance,
    data,
    destination: 'https://app.example.com/webhooks/evolution?token=secret',
    date_time: new Date().toISOString(),
    sender: `${EVOLUTION_BUSINESS_PHONE}@s.whatsapp.net`,
    server_url: 'https://evo.example.com',
    apikey: null,
  };
}

function upsert(
  options: UpsertCommon & { key?: Record<string, unknown>; status?: string },
  message: Record<string, unknown>,
  messageType: string,
) {
  const phone = options.phone ?? EVOLUTION_LEAD_PHONE;
  const fromMe = options.fromMe ?? false;
  const key = options.key ?? {
    remoteJid: `${phone}${options.device !== undefined ? `:${options.device}` : ''}@s.whatsapp.net`,
    ...(options.lid ? { remoteJidAlt: options.lid } : {}),
    fromMe,
    id: options.keyId ?? newEvolutionKeyId(),
    addressingMode: 'pn',
  };
  return evolutionEnvelope(
    'messages.upsert',
    {
      key,
      pushName: options.pushName ?? (fromMe ? 'Você' : 'Maria Cliente'),
      status: options.status ?? (fromMe ? 'SERVER_ACK' : 'DELIVERY_ACK'),
      message,
      contextInfo: options.quotedKeyId
        ? {
            stanzaId: options.quotedKeyId,
            participant: `${EVOLUTION_BUSINESS_PHONE}@s.whatsapp.net`,
            quotedMessage: { conversation: 'mensagem citada' },
          }
        : null,
      messageType,
      messageTimestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
      instanceId: '6f1c2a34-0000-4000-8000-000000000001',
      source: fromMe ? 'ios' : 'android',
    },
    options.instance,
  );
}

/** Baileys binary fields serialized the Uint8Array way: {"0":12,"1":34,…}. */
function bytesAsObject(length: number): Record<string, number> {
  return Object.fromEntries([...randomBytes(length)].map((b, i) => [String(i), b]));
}

function mediaExtras(source: MediaSource) {
  return {
    ...(source.base64 ? { base64: source.base64.toString('base64') } : {}),
    ...(source.mediaUrl ? { mediaUrl: source.mediaUrl } : {}),
  };
}

function encryptedMediaFields(fileLength: number | string) {
  return {
    url: `https://mmg.whatsapp.net/v/t62.7117-24/${randomBytes(6).toString('hex')}.enc?ccb=11-4`,
    fileSha256: randomBytes(32).toString('base64'),
    fileLength,
    mediaKey: bytesAsObject(32),
    fileEncSha256: randomBytes(32).toString('base64'),
    directPath: `/v/t62.7117-24/${randomBytes(6).toString('hex')}.enc`,
    mediaKeyTimestamp: String(Math.floor(Date.now() / 1000)),
  };
}

export const evolutionPayloads = {
  /** A text from the lead (or, with fromMe, typed on the business phone). */
  upsertText(options: UpsertCommon & { text: string }) {
    // Evolution folds extendedTextMessage into conversation (README §2.3).
    return upsert(options, { conversation: options.text }, 'conversation');
  },

  /** A voice note (ptt) by default; pass ptt:false for an audio file. */
  upsertAudio(options: UpsertCommon & MediaSource & { ptt?: boolean; seconds?: number } = {}) {
    const size = options.base64?.length ?? 4242;
    return upsert(
      options,
      {
        audioMessage: {
          ...encryptedMediaFields(String(size)),
          mimetype: 'audio/ogg; codecs=opus',
          seconds: options.seconds ?? 7,
          ptt: options.ptt ?? true,
          waveform: randomBytes(64).toString('base64'),
        },
        ...mediaExtras(options),
      },
      'audioMessage',
    );
  },

  upsertImage(options: UpsertCommon & MediaSource & { caption?: string; mimetype?: string } = {}) {
    return upsert(
      options,
      {
        imageMessage: {
          ...encryptedMediaFields(options.base64?.length ?? 52_000),
          mimetype: options.mimetype ?? 'image/jpeg',
          ...(options.caption ? { caption: options.caption } : {}),
          height: 1280,
          width: 960,
          jpegThumbnail: bytesAsObject(16),
        },
        ...mediaExtras(options),
      },
      'imageMessage',
    );
  },

  /** A document; with a caption Baileys wraps it in documentWithCaptionMessage. */
  upsertDocument(
    options: UpsertCommon & MediaSource & { fileName?: string; mimetype?: string; caption?: string } = {},
  ) {
    const documentMessage = {
      ...encryptedMediaFields(options.base64?.length ?? 120_000),
      mimetype: options.mimetype ?? 'application/pdf',
      title: options.fileName ?? 'orcamento.pdf',
      fileName: options.fileName ?? 'orcamento.pdf',
      pageCount: 2,
      ...(options.caption ? { caption: options.caption } : {}),
    };
    const message = options.caption
      ? { documentWithCaptionMessage: { message: { documentMessage } } }
      : { documentMessage };
    return upsert(
      options,
      { ...message, ...mediaExtras(options) },
      options.caption ? 'documentWithCaptionMessage' : 'documentMessage',
    );
  },

  /**
   * Only a LID in remoteJid (Evolution 2.3.x issues #1764/#1872). `phone` adds the other identity:
   * as key.remoteJidAlt (Baileys 7, addressingMode "lid"), or with `baileys6` as key.senderPn.
   */
  upsertLidOnly(
    options: Common & {
      lid?: string;
      text?: string;
      phone?: string;
      baileys6?: boolean;
      pushName?: string;
    } = {},
  ) {
    const lid = options.lid ?? EVOLUTION_LEAD_LID;
    const alt = options.phone ? `${options.phone}@s.whatsapp.net` : undefined;
    const key: Record<string, unknown> = {
      remoteJid: lid,
      fromMe: false,
      id: options.keyId ?? newEvolutionKeyId(),
    };
    if (alt && options.baileys6) key.senderPn = alt;
    else if (alt) key.remoteJidAlt = alt;
    if (!options.baileys6) key.addressingMode = 'lid';
    return upsert({ ...options, key }, { conversation: options.text ?? 'Oi, vi o anúncio' }, 'conversation');
  },

  /** A message in a group, written by a member (participant + participantAlt). */
  upsertGroup(options: Common & { text?: string; groupJid?: string; participantPhone?: string } = {}) {
    const key = {
      remoteJid: options.groupJid ?? '120363000000000001@g.us',
      fromMe: false,
      id: options.keyId ?? newEvolutionKeyId(),
      participant: `${options.participantPhone ?? '5511900000002'}@s.whatsapp.net`,
      participantAlt: '987654321098765@lid',
      addressingMode: 'pn',
    };
    return upsert({ ...options, key }, { conversation: options.text ?? 'Bom dia, grupo' }, 'conversation');
  },

  upsertLocation(options: UpsertCommon & { latitude?: number; longitude?: number; name?: string } = {}) {
    return upsert(
      options,
      {
        locationMessage: {
          degreesLatitude: options.latitude ?? -23.55052,
          degreesLongitude: options.longitude ?? -46.633308,
          ...(options.name ? { name: options.name } : {}),
          jpegThumbnail: randomBytes(16).toString('base64'),
        },
      },
      'locationMessage',
    );
  },

  upsertReaction(options: UpsertCommon & { targetKeyId: string; emoji?: string }) {
    return upsert(
      options,
      {
        reactionMessage: {
          key: { remoteJid: `${EVOLUTION_LEAD_PHONE}@s.whatsapp.net`, fromMe: true, id: options.targetKeyId },
          text: options.emoji ?? '👍',
          senderTimestampMs: String(Date.now()),
        },
      },
      'reactionMessage',
    );
  },

  /** Lead deleted a message for everyone: a protocolMessage REVOKE pointing at it. */
  revoke(targetKeyId: string, options: UpsertCommon & { enumsAsNumbers?: boolean } = {}) {
    return upsert(
      options,
      {
        protocolMessage: {
          key: {
            remoteJid: `${options.phone ?? EVOLUTION_LEAD_PHONE}@s.whatsapp.net`,
            fromMe: options.fromMe ?? false,
            id: targetKeyId,
          },
          type: options.enumsAsNumbers ? 0 : 'REVOKE',
        },
      },
      'protocolMessage',
    );
  },

  /** Lead edited a text: Baileys' editedMessage wrapper around a protocolMessage MESSAGE_EDIT. */
  edit(targetKeyId: string, text: string, options: UpsertCommon & { enumsAsNumbers?: boolean } = {}) {
    return upsert(
      options,
      {
        editedMessage: {
          message: {
            protocolMessage: {
              key: {
                remoteJid: `${options.phone ?? EVOLUTION_LEAD_PHONE}@s.whatsapp.net`,
                fromMe: options.fromMe ?? false,
                id: targetKeyId,
              },
              type: options.enumsAsNumbers ? 14 : 'MESSAGE_EDIT',
              editedMessage: { conversation: text },
              timestampMs: String(Date.now()),
            },
          },
        },
      },
      'editedMessage',
    );
  },

  /** Newer Evolution builds post edits/revokes as `messages.edited` with the protocolMessage as data. */
  messagesEdited(targetKeyId: string, text: string | null, options: Common & { phone?: string } = {}) {
    return evolutionEnvelope(
      'messages.edited',
      {
        key: {
          remoteJid: `${options.phone ?? EVOLUTION_LEAD_PHONE}@s.whatsapp.net`,
          fromMe: false,
          id: targetKeyId,
        },
        type: text === null ? 'REVOKE' : 'MESSAGE_EDIT',
        ...(text === null ? {} : { editedMessage: { conversation: text } }),
        timestampMs: String(Date.now()),
      },
      options.instance,
    );
  },

  /** Delivery status of one of our messages (flat, no key object). */
  statusUpdate(
    keyId: string,
    status: 'SERVER_ACK' | 'DELIVERY_ACK' | 'READ' | 'PLAYED' | 'ERROR' | 'DELETED',
    options: Common & { phone?: string; fromMe?: boolean } = {},
  ) {
    return evolutionEnvelope(
      'messages.update',
      {
        keyId,
        remoteJid: `${options.phone ?? EVOLUTION_LEAD_PHONE}@s.whatsapp.net`,
        fromMe: options.fromMe ?? true,
        participant: null,
        status,
        instanceId: '6f1c2a34-0000-4000-8000-000000000001',
        messageId: 'cm3x0000000000000000000001',
      },
      options.instance,
    );
  },

  /** messages.delete: the Baileys key spread plus status DELETED. */
  messagesDelete(keyId: string, options: Common & { phone?: string; fromMe?: boolean } = {}) {
    return evolutionEnvelope(
      'messages.delete',
      {
        remoteJid: `${options.phone ?? EVOLUTION_LEAD_PHONE}@s.whatsapp.net`,
        fromMe: options.fromMe ?? false,
        id: keyId,
        status: 'DELETED',
      },
      options.instance,
    );
  },

  connectionUpdate(
    state: 'open' | 'close' | 'connecting' | 'refused',
    options: Common & { statusReason?: number } = {},
  ) {
    const instance = options.instance ?? 'piloto-demo';
    return evolutionEnvelope(
      'connection.update',
      {
        instance,
        state,
        statusReason: options.statusReason ?? (state === 'open' ? 200 : state === 'close' ? 428 : 200),
        ...(state === 'open'
          ? {
              wuid: `${EVOLUTION_BUSINESS_PHONE}@s.whatsapp.net`,
              profileName: 'Loja Demo',
              profilePictureUrl: null,
            }
          : {}),
      },
      instance,
    );
  },

  qrcodeUpdated(options: Common = {}) {
    const instance = options.instance ?? 'piloto-demo';
    return evolutionEnvelope(
      'qrcode.updated',
      {
        qrcode: {
          instance,
          pairingCode: null,
          code: `2@${randomBytes(24).toString('base64')},${randomBytes(24).toString('base64')}`,
          base64: `data:image/png;base64,${randomBytes(32).toString('base64')}`,
        },
      },
      instance,
    );
  },

  /** send.message: Evolution's echo of a message we sent through the API. */
  sendMessageEcho(options: Common & { phone?: string; text?: string } = {}) {
    return {
      ...upsert(
        { ...options, fromMe: true, pushName: '', status: 'PENDING' },
        { conversation: options.text ?? 'Olá! Como posso ajudar?' },
        'conversation',
      ),
      event: 'send.message',
    };
  },
};
