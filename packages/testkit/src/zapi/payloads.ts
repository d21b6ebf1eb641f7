import { randomBytes } from 'node:crypto';

/**
 * Z-API webhook bodies exactly as Z-API posts them (Z-API/z-api-docs webhooks/*; see
 * /work/shared/whatsapp/README.md §1.3). Every builder takes the few fields a test cares about and
 * fills the rest like a real payload, including the `null`s Z-API writes for absent fields.
 */

export const FAKE_ZAPI_INSTANCE_ID = '3C67AB641C8AA0412F6A2242B4E23AC7';
/** The business number connected to the instance. */
export const FAKE_ZAPI_CONNECTED_PHONE = '5511900000000';
/** The default lead. */
export const FAKE_ZAPI_LEAD_PHONE = '5511900000001';

export type ZapiPayload = Record<string, unknown> & { type: string };

/** A WhatsApp-looking message id (20 upper-case hex chars, like "D241XXXX732339502B68"). */
export function newZapiMessageId(): string {
  return randomBytes(10).toString('hex').toUpperCase();
}

/** Fields shared by every ReceivedCallback builder. */
export type ZapiReceivedOptions = {
  /** The chat as Z-API writes it: digits, `<lid>@lid` or `<id>-group`. Default FAKE_ZAPI_LEAD_PHONE. */
  phone?: string;
  messageId?: string;
  senderName?: string | null;
  chatName?: string | null;
  /** true = sent from the connected number (needs "notify sent by me"). */
  fromMe?: boolean;
  /** true = that fromMe message was sent through the API. */
  fromApi?: boolean;
  /** Epoch ms. Default Date.now(). */
  momment?: number;
  chatLid?: string | null;
  senderLid?: string | null;
  /** The quoted message's id. */
  referenceMessageId?: string | null;
  instanceId?: string;
  connectedPhone?: string;
};

function received(options: ZapiReceivedOptions, content: Record<string, unknown>): ZapiPayload {
  const fromMe = options.fromMe ?? false;
  const phone = options.phone ?? FAKE_ZAPI_LEAD_PHONE;
  return {
    isStatusReply: false,
    chatLid: options.chatLid ?? null,
    senderLid: options.senderLid ?? null,
    connectedPhone: options.connectedPhone ?? FAKE_ZAPI_CONNECTED_PHONE,
    waitingMessage: false,
    isEdit: false,
    isGroup: false,
    isNewsletter: false,
    instanceId: options.instanceId ?? FAKE_ZAPI_INSTANCE_ID,
    messageId: options.messageId ?? newZapiMessageId(),
    phone,
    fromMe,
    momment: options.momment ?? Date.now(),
    status: fromMe ? 'SENT' : 'RECEIVED',
    chatName: options.chatName ?? options.senderName ?? null,
    senderPhoto: null,
    senderName: options.senderName ?? null,
    participantPhone: null,
    participantLid: null,
    photo: null,
    broadcast: false,
    referenceMessageId: options.referenceMessageId ?? null,
    forwarded: false,
    type: 'ReceivedCallback',
    fromApi: fromMe ? (options.fromApi ?? false) : false,
    ...content,
  };
}

export const zapiPayloads = {
  receivedText(options: ZapiReceivedOptions & { text: string }): ZapiPayload {
    return received(options, { text: { message: options.text } });
  },

  /** A voice note by default (`ptt: true`); `voice: false` makes it an audio file. */
  receivedAudio(
    options: ZapiReceivedOptions & { url: string; voice?: boolean; seconds?: number; mimeType?: string },
  ): ZapiPayload {
    return received(options, {
      audio: {
        ptt: options.voice ?? true,
        seconds: options.seconds ?? 5,
        audioUrl: options.url,
        mimeType: options.mimeType ?? 'audio/ogg; codecs=opus',
        viewOnce: false,
      },
    });
  },

  receivedImage(
    options: ZapiReceivedOptions & { url: string; caption?: string; mimeType?: string },
  ): ZapiPayload {
    return received(options, {
      image: {
        mimeType: options.mimeType ?? 'image/jpeg',
        imageUrl: options.url,
        thumbnailUrl: options.url,
        caption: options.caption ?? '',
        width: 600,
        height: 315,
        viewOnce: false,
      },
    });
  },

  receivedVideo(
    options: ZapiReceivedOptions & { url: string; caption?: string; seconds?: number; mimeType?: string },
  ): ZapiPayload {
    return received(options, {
      video: {
        videoUrl: options.url,
        caption: options.caption ?? '',
        mimeType: options.mimeType ?? 'video/mp4',
        seconds: options.seconds ?? 10,
        viewOnce: false,
      },
    });
  },

  receivedDocument(
    options: ZapiReceivedOptions & { url: string; fileName?: string; mimeType?: string; title?: string },
  ): ZapiPayload {
    const fileName = options.fileName ?? 'proposta.pdf';
    return received(options, {
      document: {
        documentUrl: options.url,
        mimeType: options.mimeType ?? 'application/pdf',
        title: options.title ?? fileName.replace(/\.[^.]+$/, ''),
        pageCount: 1,
        fileName,
      },
    });
  },

  receivedSticker(options: ZapiReceivedOptions & { url: string }): ZapiPayload {
    return received(options, { sticker: { stickerUrl: options.url, mimeType: 'image/webp' } });
  },

  receivedLocation(
    options: ZapiReceivedOptions & { latitude: number; longitude: number; name?: string; address?: string },
  ): ZapiPayload {
    return received(options, {
      location: {
        longitude: options.longitude,
        latitude: options.latitude,
        ...(options.name !== undefined ? { name: options.name } : {}),
        address: options.address ?? '',
        url: '',
      },
    });
  },

  receivedContact(options: ZapiReceivedOptions & { name: string; phones: string[] }): ZapiPayload {
    const tel = options.phones.map((p) => `TEL;type=CELL;type=VOICE;waid=${p}:+${p}`).join('\n');
    return received(options, {
      contact: {
        displayName: options.name,
        vCard: `BEGIN:VCARD\nVERSION:3.0\nN:;${options.name};;;\nFN:${options.name}\n${tel}\nEND:VCARD`,
        phones: options.phones,
      },
    });
  },

  /** `emoji: ''` is what a removed reaction looks like (unconfirmed). */
  receivedReaction(options: ZapiReceivedOptions & { emoji: string; targetMessageId: string }): ZapiPayload {
    return received(options, {
      reaction: {
        value: options.emoji,
        time: options.momment ?? Date.now(),
        reactionBy: options.fromMe ? FAKE_ZAPI_CONNECTED_PHONE : (options.phone ?? FAKE_ZAPI_LEAD_PHONE),
        referencedMessage: {
          messageId: options.targetMessageId,
          fromMe: true,
          phone: options.phone ?? FAKE_ZAPI_LEAD_PHONE,
          participant: null,
        },
      },
    });
  },

  /** An edited text: `messageId` is the id of the message that was edited. */
  receivedEdit(options: ZapiReceivedOptions & { messageId: string; text: string }): ZapiPayload {
    return { ...received(options, { text: { message: options.text } }), isEdit: true };
  },

  /**
   * A lead known only by LID: Z-API puts the LID in `phone` and `chatLid` comes null
   * (Z-API docs tips/lid). `phone` here is ignored; pass `lid`.
   */
  receivedFromLid(options: Omit<ZapiReceivedOptions, 'phone'> & { lid?: string; text: string }): ZapiPayload {
    const lid = options.lid ?? '123456789012345@lid';
    return received(
      { ...options, phone: lid, senderLid: options.senderLid ?? lid },
      {
        text: { message: options.text },
      },
    );
  },

  /** A text in a group: `phone` is `<id>-group`, the author is `participantPhone`. */
  groupMessage(
    options: Omit<ZapiReceivedOptions, 'phone'> & {
      groupId?: string;
      participantPhone?: string;
      text: string;
    },
  ): ZapiPayload {
    return {
      ...received(
        { ...options, phone: `${options.groupId ?? '120363000000000001'}-group`, chatName: 'Grupo de teste' },
        { text: { message: options.text } },
      ),
      isGroup: true,
      participantPhone: options.participantPhone ?? '5511900000002',
    };
  },

  /** A system notice (calls, group events, REVOKE…): no content, `notification` set. */
  notification(
    options: ZapiReceivedOptions & { notification?: string; notificationParameters?: unknown[] } = {},
  ): ZapiPayload {
    return received(options, {
      notification: options.notification ?? 'CALL_MISSED_VOICE',
      notificationParameters: options.notificationParameters ?? [],
      callId: 'F44E0E2011E7C784BB9A4AC11749C436',
    });
  },

  /** Any ReceivedCallback with flags or fields overridden (newsletter, broadcast, status reply…). */
  received(
    options: ZapiReceivedOptions & { text?: string; overrides?: Record<string, unknown> },
  ): ZapiPayload {
    return {
      ...received(options, { text: { message: options.text ?? 'Olá' } }),
      ...options.overrides,
    } as ZapiPayload;
  },

  /** MessageStatusCallback; one payload may acknowledge several ids. */
  status(
    ids: string | string[],
    status: 'SENT' | 'RECEIVED' | 'READ' | 'READ_BY_ME' | 'PLAYED',
    options: { phone?: string; momment?: number; instanceId?: string } = {},
  ): ZapiPayload {
    return {
      status,
      ids: Array.isArray(ids) ? ids : [ids],
      momment: options.momment ?? Date.now(),
      phone: options.phone ?? FAKE_ZAPI_LEAD_PHONE,
      type: 'MessageStatusCallback',
      instanceId: options.instanceId ?? FAKE_ZAPI_INSTANCE_ID,
    };
  },

  /** DeliveryCallback for a send that went through (no `error`). */
  delivery(options: { messageId: string; phone?: string; momment?: number; zaapId?: string }): ZapiPayload {
    return {
      phone: options.phone ?? FAKE_ZAPI_LEAD_PHONE,
      messageId: options.messageId,
      instanceId: FAKE_ZAPI_INSTANCE_ID,
      zaapId: options.zaapId ?? randomBytes(16).toString('hex').toUpperCase(),
      momment: options.momment ?? Date.now(),
      type: 'DeliveryCallback',
    };
  },

  /** DeliveryCallback for a failed send; default error as in Z-API's examples. */
  deliveryError(options: {
    messageId: string;
    error?: string;
    errorCode?: string;
    phone?: string;
    momment?: number;
  }): ZapiPayload {
    return {
      ...zapiPayloads.delivery(options),
      error: options.error ?? 'Phone number does not exist',
      ...(options.errorCode ? { errorCode: options.errorCode } : {}),
    };
  },

  disconnected(options: { error?: string; momment?: number } = {}): ZapiPayload {
    return {
      momment: options.momment ?? Date.now(),
      error: options.error ?? 'Device has been disconnected',
      disconnected: true,
      type: 'DisconnectedCallback',
      instanceId: FAKE_ZAPI_INSTANCE_ID,
    };
  },

  connected(options: { phone?: string; momment?: number } = {}): ZapiPayload {
    return {
      type: 'ConnectedCallback',
      connected: true,
      momment: options.momment ?? Date.now(),
      instanceId: FAKE_ZAPI_INSTANCE_ID,
      phone: options.phone ?? FAKE_ZAPI_CONNECTED_PHONE,
    };
  },

  presence(
    options: {
      phone?: string;
      status?: 'UNAVAILABLE' | 'AVAILABLE' | 'COMPOSING' | 'PAUSED' | 'RECORDING';
    } = {},
  ): ZapiPayload {
    return {
      type: 'PresenceChatCallback',
      phone: options.phone ?? FAKE_ZAPI_LEAD_PHONE,
      status: options.status ?? 'COMPOSING',
      lastSeen: null,
      instanceId: FAKE_ZAPI_INSTANCE_ID,
    };
  },
};
