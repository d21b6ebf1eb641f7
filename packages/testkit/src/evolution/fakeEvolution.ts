import { randomBytes, randomUUID } from 'node:crypto';
import {
  bytesResponse,
  type FakeHttpRequest,
  type FakeHttpResponse,
  jsonResponse,
  startFakeHttpServer,
} from '../fakeHttpServer.ts';

/**
 * A fake Evolution API v2.3.6 server speaking its wire format (/work/shared/whatsapp/README.md §2):
 * apikey header, `/{group}/{action}/{instance}` routes, error bodies
 * `{status, error, response:{message}}`, send answers = the stored message with status PENDING.
 */
export type FakeEvolutionState = 'open' | 'close' | 'connecting';

export type FakeEvolutionSend = {
  route: 'sendText' | 'sendMedia' | 'sendWhatsAppAudio';
  number: string;
  text?: string;
  mediatype?: string;
  mimetype?: string;
  fileName?: string;
  caption?: string;
  /** Decoded from the raw base64 the client sent. */
  mediaBytes?: Buffer;
  /** sendWhatsAppAudio's `encoding` flag. */
  encoding?: boolean;
  quotedKeyId?: string;
  /** ms of presence "composing" before sending; the fake answers only after it, like Evolution. */
  delay?: number;
  /** The id the fake answered with (`key.id`). */
  keyId: string;
  body: Record<string, unknown>;
};

export type FakeEvolution = {
  url: string;
  instanceName: string;
  apiKey: string;
  /** Ready for evolutionProvider: `{ baseUrl, instanceName, apiKey }`. */
  credentials: { baseUrl: string; instanceName: string; apiKey: string };
  sent: FakeEvolutionSend[];
  requests: FakeHttpRequest[];
  setState(state: FakeEvolutionState): void;
  /** The next `count` requests (any route, after auth) answer `response` instead. */
  failNext(count: number, response: { status: number; body: unknown }): void;
  /** Media that POST /chat/getBase64FromMediaMessage returns for that key id. */
  storeMedia(keyId: string, bytes: Buffer, mimetype: string, fileName?: string): void;
  /** An S3-like URL serving stored media without auth (for `data.message.mediaUrl`). */
  mediaUrl(keyId: string): string;
  /** Numbers are on WhatsApp unless set otherwise. Digits, as sent. */
  setNumberExists(number: string, exists: boolean): void;
  close(): Promise<void>;
};

type StoredMedia = { bytes: Buffer; mimetype: string; fileName?: string };

export async function startFakeEvolution(
  options: { instanceName?: string; apiKey?: string } = {},
): Promise<FakeEvolution> {
  const instanceName = options.instanceName ?? 'piloto-demo';
  const apiKey = options.apiKey ?? `evo-${randomBytes(8).toString('hex')}`;
  const instanceId = randomUUID();
  const sent: FakeEvolutionSend[] = [];
  const media = new Map<string, StoredMedia>();
  const numberExists = new Map<string, boolean>();
  const failures: Array<{ status: number; body: unknown }> = [];
  let state: FakeEvolutionState = 'open';

  const handle = async (request: FakeHttpRequest): Promise<FakeHttpResponse> => {
    const s3 = /^\/fake-s3\/([^/]+)$/.exec(request.path);
    if (s3 && request.method === 'GET') {
      const stored = media.get(decodeURIComponent(s3[1]));
      return stored
        ? bytesResponse(200, stored.bytes, stored.mimetype)
        : jsonResponse(404, { error: 'NoSuchKey' });
    }

    const match = /^\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(request.path);
    if (!match) return evolutionError(404, 'Not Found', [`Cannot ${request.method} ${request.path}`]);
    const [, group, action, instance] = match;

    // Evolution resolves the instance first (the apikey may be that instance's token), then the key.
    if (decodeURIComponent(instance) !== instanceName) {
      return evolutionError(404, 'Not Found', [
        `The "${decodeURIComponent(instance)}" instance does not exist`,
      ]);
    }
    if (request.headers.apikey !== apiKey) {
      return jsonResponse(401, { status: 401, error: 'Unauthorized', response: { message: 'Unauthorized' } });
    }
    const failure = failures.shift();
    if (failure) return jsonResponse(failure.status, failure.body);

    const route = `${request.method} ${group}/${action}`;
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
      string,
      unknown
    >;
    switch (route) {
      case 'POST message/sendText':
      case 'POST message/sendMedia':
      case 'POST message/sendWhatsAppAudio':
        return handleSend(action as FakeEvolutionSend['route'], body);
      case 'POST chat/getBase64FromMediaMessage':
        return handleGetBase64(body);
      case 'GET instance/connectionState':
        return jsonResponse(200, { instance: { instanceName, state } });
      default:
        return evolutionError(404, 'Not Found', [`Cannot ${request.method} ${request.path}`]);
    }
  };

  async function handleSend(
    route: FakeEvolutionSend['route'],
    body: Record<string, unknown>,
  ): Promise<FakeHttpResponse> {
    const number = typeof body.number === 'string' ? body.number : '';
    if (!number) return evolutionError(400, 'Bad Request', [['instance requires property "number"']]);
    if (state !== 'open') {
      // What a dropped socket looks like (issue #1412); exact shape beyond `message` unconfirmed.
      return jsonResponse(500, {
        status: 500,
        error: 'Internal Server Error',
        response: { message: 'Connection Closed' },
      });
    }

    const record: FakeEvolutionSend = { route, number, keyId: newEvolutionKeyId(), body };
    if (body.delay !== undefined) {
      // Evolution's JSON schema: `delay` is an integer (ms).
      if (typeof body.delay !== 'number' || !Number.isInteger(body.delay) || body.delay < 0) {
        return evolutionError(400, 'Bad Request', [['instance.delay is not of a type(s) integer']]);
      }
      record.delay = body.delay;
    }
    let message: Record<string, unknown>;
    let messageType: string;
    if (route === 'sendText') {
      if (typeof body.text !== 'string' || body.text === '') {
        return evolutionError(400, 'Bad Request', [['instance requires property "text"']]);
      }
      record.text = body.text;
      message = { conversation: body.text };
      messageType = 'conversation';
    } else {
      const raw = route === 'sendMedia' ? body.media : body.audio;
      if (typeof raw !== 'string' || raw === '') {
        return evolutionError(400, 'Bad Request', [['instance requires property "media"']]);
      }
      // Evolution accepts a URL or *raw* base64 (class-validator isBase64); a data: URI is neither.
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw) || raw.length % 4 !== 0) {
        return evolutionError(400, 'Bad Request', ['Owned media must be a url or base64']);
      }
      record.mediaBytes = Buffer.from(raw, 'base64');
      if (route === 'sendWhatsAppAudio') {
        record.encoding = body.encoding !== false;
        record.mimetype = 'audio/ogg; codecs=opus';
        message = {
          audioMessage: { mimetype: record.mimetype, ptt: true, fileLength: record.mediaBytes.length },
        };
        messageType = 'audioMessage';
      } else {
        const mediatype = String(body.mediatype ?? '');
        if (!['image', 'document', 'video', 'audio'].includes(mediatype)) {
          return evolutionError(400, 'Bad Request', [['instance.mediatype is not one of enum values']]);
        }
        record.mediatype = mediatype;
        if (typeof body.mimetype === 'string') record.mimetype = body.mimetype;
        if (typeof body.fileName === 'string') record.fileName = body.fileName;
        if (typeof body.caption === 'string') record.caption = body.caption;
        messageType = `${mediatype}Message`;
        message = {
          [messageType]: {
            // Evolution re-encodes images to JPEG.
            mimetype: mediatype === 'image' ? 'image/jpeg' : record.mimetype,
            fileName: record.fileName,
            caption: record.caption,
            fileLength: String(record.mediaBytes.length),
          },
        };
      }
    }
    const quoted = body.quoted as { key?: { id?: unknown } } | undefined;
    if (typeof quoted?.key?.id === 'string') record.quotedKeyId = quoted.key.id;

    const digits = number.split('@')[0];
    const jid = number.includes('@') ? number : `${digits}@s.whatsapp.net`;
    // Evolution skips the existence check for LIDs (sendMessageWithTyping).
    if (!number.endsWith('@lid') && numberExists.get(digits) === false) {
      return evolutionError(400, 'Bad Request', [{ jid, exists: false, number: digits }]);
    }

    // sendMessageWithTyping: presence "composing", wait `delay`, "paused", then send and answer.
    if (record.delay) await new Promise((resolve) => setTimeout(resolve, record.delay));
    sent.push(record);
    return jsonResponse(201, {
      key: { remoteJid: jid, fromMe: true, id: record.keyId },
      pushName: '',
      status: 'PENDING',
      message,
      contextInfo: record.quotedKeyId ? { stanzaId: record.quotedKeyId } : null,
      messageType,
      messageTimestamp: Math.floor(Date.now() / 1000),
      instanceId,
      source: 'unknown',
    });
  }

  function handleGetBase64(body: Record<string, unknown>): FakeHttpResponse {
    const message = body.message as { key?: { id?: unknown } } | undefined;
    const keyId = message?.key?.id;
    const stored = typeof keyId === 'string' ? media.get(keyId) : undefined;
    // Unconfirmed wording; Evolution wraps the thrown error as a 400.
    if (!stored) return evolutionError(400, 'Bad Request', ['Message not found']);
    const mediaType = mediaTypeOf(stored.mimetype);
    return jsonResponse(201, {
      mediaType,
      fileName: stored.fileName ?? `${keyId}.${stored.mimetype.split('/')[1]?.split(';')[0] ?? 'bin'}`,
      caption: null,
      size: { fileLength: String(stored.bytes.length) },
      mimetype: stored.mimetype,
      base64: stored.bytes.toString('base64'),
    });
  }

  const server = await startFakeHttpServer(handle);

  return {
    url: server.url,
    instanceName,
    apiKey,
    credentials: { baseUrl: server.url, instanceName, apiKey },
    sent,
    requests: server.requests,
    setState(next) {
      state = next;
    },
    failNext(count, response) {
      for (let i = 0; i < count; i++) failures.push(response);
    },
    storeMedia(keyId, bytes, mimetype, fileName) {
      media.set(keyId, { bytes, mimetype, fileName });
    },
    mediaUrl(keyId) {
      return `${server.url}/fake-s3/${encodeURIComponent(keyId)}`;
    },
    setNumberExists(number, exists) {
      numberExists.set(number.replace(/\D/g, ''), exists);
    },
    close: server.close,
  };
}

/** `3EB0` + 18 hex digits, the shape of Baileys' generateMessageIDV2. */
export function newEvolutionKeyId(): string {
  return `3EB0${randomBytes(9).toString('hex').toUpperCase()}`;
}

function evolutionError(status: number, error: string, message: unknown[]): FakeHttpResponse {
  return jsonResponse(status, { status, error, response: { message } });
}

function mediaTypeOf(mimetype: string): string {
  if (mimetype.startsWith('image/')) return 'imageMessage';
  if (mimetype.startsWith('audio/')) return 'audioMessage';
  if (mimetype.startsWith('video/')) return 'videoMessage';
  return 'documentMessage';
}
