import { randomBytes } from 'node:crypto';
import {
  bytesResponse,
  type FakeHttpRequest,
  type FakeHttpResponse,
  jsonResponse,
  startFakeHttpServer,
} from '../fakeHttpServer.ts';
import { FAKE_ZAPI_INSTANCE_ID, newZapiMessageId } from './payloads.ts';

/**
 * A local stand-in for api.z-api.io speaking its wire format (README §1): instance id and token in
 * the path, the account token in `Client-Token`, JSON bodies with data-URI media, and
 * `{zaapId, messageId, id}` answers. It also hosts media at public URLs, as Z-API's storage does.
 *
 * HTTP statuses of Z-API's auth errors are not documented; these follow third-party reports
 * (missing/wrong Client-Token → 403/400 with `{"error": …}`) and are unconfirmed.
 */

export type FakeZapiOptions = { instanceId?: string; token?: string; clientToken?: string };

export type FakeZapiConnectionState = 'connected' | 'disconnected' | 'qr_needed';

export type FakeZapiSendMethod = 'send-text' | 'send-image' | 'send-document' | 'send-audio';

/** A send the fake accepted, parsed. */
export type FakeZapiSend = {
  method: FakeZapiSendMethod;
  phone: string;
  message?: string;
  caption?: string;
  /** send-document: the name as sent (without extension) and the extension from the path. */
  fileName?: string;
  extension?: string;
  /** Decoded from the data URI (or from a URL hosted on this fake). */
  mediaBytes?: Buffer;
  mimeType?: string;
  /** The media as sent when it was a URL rather than a data URI. */
  mediaUrl?: string;
  /** send-audio: true = shown as a recorded voice note. */
  waveform?: boolean;
  /** The `messageId` in the request body: the message being replied to. */
  quotedMessageId?: string;
  /** send-text: seconds shown as "typing…" before sending. */
  delayTyping?: number;
  /** Seconds to wait before sending (Z-API's default is a random 1–3 s). */
  delayMessage?: number;
  /** The id this fake answered with (what status webhooks refer to). */
  messageId: string;
  zaapId: string;
  body: Record<string, unknown>;
};

export type FakeZapi = {
  /** Base URL, `http://127.0.0.1:<port>`; use as credentials.baseUrl. */
  url: string;
  instanceId: string;
  token: string;
  clientToken: string;
  /** Ready for zapiProvider (same shape as ZapiCredentials). */
  credentials: { baseUrl: string; instanceId: string; token: string; clientToken: string };
  sent: FakeZapiSend[];
  /** Sends are still accepted (queued) while disconnected, as on Z-API; only GET /status changes. */
  setConnected(state: boolean | FakeZapiConnectionState): void;
  /** The next `count` instance API calls answer `response` (body: object → JSON, string → as is). */
  failNext(count: number, response: { status: number; body?: unknown }): void;
  /** Serves `bytes` at a public URL on this fake, like a media URL in a Z-API webhook. */
  hostMedia(bytes: Buffer, mimeType: string): string;
  /** Makes a hosted URL answer 404, as after Z-API's 30-day expiry. */
  expireMedia(url: string): void;
  requests: FakeHttpRequest[];
  close(): Promise<void>;
};

const SEND_METHODS = new Set<string>(['send-text', 'send-image', 'send-document', 'send-audio']);

const EXTENSION_BY_MIME: Record<string, string> = {
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
};

export async function startFakeZapi(options: FakeZapiOptions = {}): Promise<FakeZapi> {
  const instanceId = options.instanceId ?? FAKE_ZAPI_INSTANCE_ID;
  const token = options.token ?? 'F5DA3871D271E4965BD44327';
  const clientToken = options.clientToken ?? 'Fa1b2c3d4e5f60718293a4b5c6d7e8f9S';
  const sent: FakeZapiSend[] = [];
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const failures: Array<{ status: number; body?: unknown }> = [];
  let connection: FakeZapiConnectionState = 'connected';

  const server = await startFakeHttpServer((request) => handle(request));

  function handle(request: FakeHttpRequest): FakeHttpResponse {
    if (request.path.startsWith('/media/')) {
      const file = media.get(request.path);
      return file ? bytesResponse(200, file.bytes, file.mimeType) : jsonResponse(404, { error: 'Not Found' });
    }
    const match = /^\/instances\/([^/]+)\/token\/([^/]+)\/(.+)$/.exec(request.path);
    if (!match) return jsonResponse(404, { error: 'Not Found' });
    const [, pathInstance, pathToken, method] = match;
    // Unconfirmed shape: Z-API does not document its answer to an unknown instance/token.
    if (decodeURIComponent(pathInstance) !== instanceId || decodeURIComponent(pathToken) !== token) {
      return jsonResponse(404, { error: 'Instance not found' });
    }
    const sentToken = request.headers['client-token'];
    if (!sentToken) return jsonResponse(403, { error: 'null not allowed' });
    if (sentToken !== clientToken)
      return jsonResponse(403, { error: `Client-Token ${sentToken} not allowed` });

    const failure = failures.shift();
    if (failure) {
      return typeof failure.body === 'string'
        ? { status: failure.status, headers: { 'content-type': 'text/plain' }, body: failure.body }
        : jsonResponse(failure.status, failure.body ?? { error: 'fake failure' });
    }

    if (method === 'status') {
      if (request.method !== 'GET') return methodNotAllowed();
      return jsonResponse(200, statusBody(connection));
    }
    const [sendMethod, extension] = method.split('/');
    if (SEND_METHODS.has(sendMethod)) {
      if (request.method !== 'POST') return methodNotAllowed();
      if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        return jsonResponse(415, { error: 'Unsupported Media Type' });
      }
      return acceptSend(sendMethod as FakeZapiSendMethod, extension, request.body);
    }
    return jsonResponse(404, { error: 'Not Found' });
  }

  function acceptSend(method: FakeZapiSendMethod, extension: string | undefined, raw: unknown) {
    if (typeof raw !== 'object' || raw === null) return jsonResponse(400, { error: 'Invalid body' });
    const body = raw as Record<string, unknown>;
    const phone = stringField(body, 'phone');
    if (!phone) return jsonResponse(400, { error: 'phone is required' });

    const record: FakeZapiSend = {
      method,
      phone,
      messageId: newZapiMessageId(),
      zaapId: randomBytes(16).toString('hex').toUpperCase(),
      body,
    };
    const quoted = stringField(body, 'messageId');
    if (quoted) record.quotedMessageId = quoted;
    const caption = stringField(body, 'caption');
    if (caption) record.caption = caption;

    for (const field of ['delayTyping', 'delayMessage'] as const) {
      if (body[field] === undefined) continue;
      // Documented range 1–15 s; Z-API's answer outside it is unconfirmed, the fake refuses it to catch bugs.
      const seconds = body[field];
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > 15) {
        return jsonResponse(400, { error: `${field} must be an integer from 1 to 15` });
      }
      record[field] = seconds;
    }
    if (method === 'send-text') {
      const message = stringField(body, 'message');
      if (!message) return jsonResponse(400, { error: 'message is required' });
      record.message = message;
    } else {
      const field = { 'send-image': 'image', 'send-audio': 'audio', 'send-document': 'document' }[method];
      const value = stringField(body, field);
      if (!value) return jsonResponse(400, { error: `${field} is required` });
      if (method === 'send-document') {
        if (!extension) return jsonResponse(404, { error: 'Not Found' });
        record.extension = extension;
        const fileName = stringField(body, 'fileName');
        if (fileName) record.fileName = fileName;
      }
      if (method === 'send-audio' && typeof body.waveform === 'boolean') record.waveform = body.waveform;
      const decoded = decodeMedia(value);
      if (decoded === 'invalid') return jsonResponse(400, { error: `invalid ${field}` });
      Object.assign(record, decoded);
    }
    sent.push(record);
    return jsonResponse(200, { zaapId: record.zaapId, messageId: record.messageId, id: record.messageId });
  }

  function decodeMedia(value: string): Partial<FakeZapiSend> | 'invalid' {
    const dataUri = /^data:([^;,]+(?:;[^;,=]+=[^;,]+)*);base64,(.*)$/s.exec(value);
    if (dataUri) return { mimeType: dataUri[1], mediaBytes: Buffer.from(dataUri[2], 'base64') };
    if (!/^https?:\/\//.test(value)) return 'invalid';
    const hosted = value.startsWith(server.url) ? media.get(new URL(value).pathname) : undefined;
    return hosted
      ? { mediaUrl: value, mediaBytes: hosted.bytes, mimeType: hosted.mimeType }
      : { mediaUrl: value };
  }

  const credentials = { baseUrl: server.url, instanceId, token, clientToken };
  return {
    url: server.url,
    instanceId,
    token,
    clientToken,
    credentials,
    sent,
    setConnected(state) {
      connection = state === true ? 'connected' : state === false ? 'disconnected' : state;
    },
    failNext(count, response) {
      for (let i = 0; i < count; i++) failures.push(response);
    },
    hostMedia(bytes, mimeType) {
      const extension = EXTENSION_BY_MIME[mimeType.split(';')[0].trim()] ?? 'bin';
      const path = `/media/${randomBytes(12).toString('hex')}.${extension}`;
      media.set(path, { bytes, mimeType });
      return `${server.url}${path}`;
    },
    expireMedia(url) {
      media.delete(new URL(url).pathname);
    },
    requests: server.requests,
    close: server.close,
  };
}

/** GET /status as documented (instance/status): `error` explains a false `connected`. */
function statusBody(state: FakeZapiConnectionState) {
  if (state === 'connected') return { connected: true, session: true, smartphoneConnected: true };
  if (state === 'qr_needed') {
    return {
      connected: false,
      session: false,
      error: 'You need to restore the session.',
      smartphoneConnected: false,
    };
  }
  return { connected: false, session: false, error: 'You are not connected.', smartphoneConnected: false };
}

function methodNotAllowed(): FakeHttpResponse {
  return jsonResponse(405, { error: 'Method Not Allowed' });
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
