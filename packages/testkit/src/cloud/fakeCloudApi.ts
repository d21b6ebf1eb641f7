import { createHash, randomBytes } from 'node:crypto';
import {
  bytesResponse,
  type FakeHttpRequest,
  type FakeHttpResponse,
  jsonResponse,
  startFakeHttpServer,
} from '../fakeHttpServer.ts';
import { CLOUD_FAKE_PHONE_NUMBER_ID, CLOUD_FAKE_WABA_ID, fakeWamid } from './payloads.ts';

/**
 * A local stand-in for graph.facebook.com as the WhatsApp Cloud API: send messages, upload and
 * fetch media, read the phone number. Speaks Meta's wire format (README §3) including its error
 * body, and checks the Bearer token on every call like Meta does.
 */

export type FakeCloudApiOptions = {
  phoneNumberId?: string;
  wabaId?: string;
  accessToken?: string;
  appSecret?: string;
  verifyToken?: string;
};

/** Credentials shaped for the Cloud adapter, pointing at the fake. */
export type FakeCloudCredentials = {
  baseUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
};

/** A message the fake accepted, flattened for assertions; `body` is the JSON as sent. */
export type FakeCloudSend = {
  /** `to`, or `recipient` when the message was addressed to a BSUID. */
  to: string;
  type: string;
  text?: string;
  mediaId?: string;
  caption?: string;
  filename?: string;
  voice?: boolean;
  contextMessageId?: string;
  messageId: string;
  body: Record<string, unknown>;
};

/** A mark-as-read call (`status: "read"`), with the typing indicator when one was asked for. */
export type FakeCloudRead = {
  messageId: string;
  /** `typing_indicator.type` ("text"): WhatsApp shows "typing…" until the next message or 25 s. */
  typingIndicator?: string;
  receivedAt: number;
  body: Record<string, unknown>;
};

export type FakeCloudMedia = { bytes: Buffer; mimeType: string; filename?: string };

/** The Meta error to answer with; missing fields get Meta-like defaults. */
export type FakeCloudFailure = {
  status: number;
  error: {
    code: number;
    message?: string;
    type?: string;
    details?: string;
    error_subcode?: number;
  };
};

export type FakeCloudApi = {
  url: string;
  credentials: FakeCloudCredentials;
  sent: FakeCloudSend[];
  /** Mark-as-read and typing indicator calls, in order. */
  reads: FakeCloudRead[];
  /** Media uploaded through POST /{phone-number-id}/media, by id. */
  uploads: Map<string, FakeCloudMedia>;
  /** Media a user "sent": returns the id to put in a webhook payload (GET /{version}/{id} serves it). */
  hostMedia(bytes: Buffer, mimeType: string, filename?: string): string;
  /** The next `count` authenticated calls (any endpoint) answer this error instead. */
  failNext(count: number, failure: FakeCloudFailure): void;
  requests: FakeHttpRequest[];
  close(): Promise<void>;
};

const VERSION = /^v\d+\.\d+$/;
const DOWNLOAD_PATH = '/lookaside/whatsapp_business/attachments/';

export async function startFakeCloudApi(options: FakeCloudApiOptions = {}): Promise<FakeCloudApi> {
  const phoneNumberId = options.phoneNumberId ?? CLOUD_FAKE_PHONE_NUMBER_ID;
  const accessToken = options.accessToken ?? `EAAG${randomBytes(24).toString('hex')}`;
  const sent: FakeCloudSend[] = [];
  const reads: FakeCloudRead[] = [];
  const uploads = new Map<string, FakeCloudMedia>();
  const hosted = new Map<string, FakeCloudMedia>();
  const failures: FakeCloudFailure[] = [];
  let baseUrl = '';

  const findMedia = (id: string) => uploads.get(id) ?? hosted.get(id);

  async function handle(request: FakeHttpRequest): Promise<FakeHttpResponse> {
    if (request.headers.authorization !== `Bearer ${accessToken}`) {
      return graphError(401, {
        code: 190,
        type: 'OAuthException',
        message: 'Invalid OAuth access token - Cannot parse access token',
      });
    }
    const failure = failures.shift();
    if (failure) return graphError(failure.status, failure.error);

    if (request.method === 'GET' && request.path === DOWNLOAD_PATH) {
      const media = findMedia(request.query.mid ?? '');
      return media ? bytesResponse(200, media.bytes, media.mimeType) : notFound(request);
    }

    const [version, id, edge, ...rest] = request.path.split('/').slice(1);
    if (!version || !VERSION.test(version) || !id || rest.length > 0) return unknownPath(request);

    if (request.method === 'POST' && edge === 'messages') {
      if (id !== phoneNumberId) return objectDoesNotExist(id, 'post');
      return acceptMessage(request);
    }
    if (request.method === 'POST' && edge === 'media') {
      if (id !== phoneNumberId) return objectDoesNotExist(id, 'post');
      return acceptUpload(request);
    }
    if (request.method === 'GET' && edge === undefined) {
      if (id === phoneNumberId) return phoneNumber(request);
      const media = findMedia(id);
      if (!media) return objectDoesNotExist(id, 'get');
      return jsonResponse(200, {
        messaging_product: 'whatsapp',
        url: `${baseUrl}${DOWNLOAD_PATH}?mid=${id}&ext=${Date.now()}`,
        mime_type: media.mimeType,
        sha256: createHash('sha256').update(media.bytes).digest('hex'),
        file_size: media.bytes.length,
        id,
      });
    }
    return unknownPath(request);
  }

  function acceptMessage(request: FakeHttpRequest): FakeHttpResponse {
    const body = request.body;
    if (!isRecord(body) || body.messaging_product !== 'whatsapp') {
      return invalidParameter('The parameter messaging_product is required.');
    }
    if (body.status !== undefined) return acceptRead(body, request.receivedAt);
    const to =
      typeof body.to === 'string' ? body.to : typeof body.recipient === 'string' ? body.recipient : '';
    const type = typeof body.type === 'string' ? body.type : '';
    if (!to) return invalidParameter('The parameter to is required.');
    const content = isRecord(body[type]) ? body[type] : undefined;
    if (!content) return invalidParameter(`Param ${type || 'type'} is required.`);

    const mediaId = typeof content.id === 'string' ? content.id : undefined;
    if (['image', 'document', 'audio', 'video', 'sticker'].includes(type)) {
      if (!mediaId && typeof content.link !== 'string')
        return invalidParameter(`${type}.id or ${type}.link is required.`);
      if (mediaId && !findMedia(mediaId)) return invalidParameter(`Media id ${mediaId} not found.`);
    }
    if (type === 'text' && typeof content.body !== 'string')
      return invalidParameter('Param text.body is required.');

    const messageId = fakeWamid();
    const context = isRecord(body.context) ? body.context : undefined;
    sent.push({
      to,
      type,
      ...(type === 'text' ? { text: content.body as string } : {}),
      ...(mediaId ? { mediaId } : {}),
      ...(typeof content.caption === 'string' ? { caption: content.caption } : {}),
      ...(typeof content.filename === 'string' ? { filename: content.filename } : {}),
      ...(typeof content.voice === 'boolean' ? { voice: content.voice } : {}),
      ...(typeof context?.message_id === 'string' ? { contextMessageId: context.message_id } : {}),
      messageId,
      body,
    });
    const recipient = typeof body.to === 'string' ? { input: to, wa_id: to } : { input: to, user_id: to };
    return jsonResponse(200, {
      messaging_product: 'whatsapp',
      contacts: [recipient],
      messages: [{ id: messageId, message_status: 'accepted' }],
    });
  }

  /** Mark as read, optionally with `typing_indicator: {type: "text"}` (Meta "Typing indicators"). */
  function acceptRead(body: Record<string, unknown>, receivedAt: number): FakeHttpResponse {
    if (body.status !== 'read') return invalidParameter('Param status must be "read".');
    if (typeof body.message_id !== 'string' || body.message_id === '') {
      return invalidParameter('The parameter message_id is required.');
    }
    const typing = body.typing_indicator;
    if (typing !== undefined && (!isRecord(typing) || typing.type !== 'text')) {
      return invalidParameter('Param typing_indicator.type must be "text".');
    }
    reads.push({
      messageId: body.message_id,
      ...(isRecord(typing) ? { typingIndicator: typing.type as string } : {}),
      receivedAt,
      body,
    });
    return jsonResponse(200, { success: true });
  }

  async function acceptUpload(request: FakeHttpRequest): Promise<FakeHttpResponse> {
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.startsWith('multipart/form-data'))
      return invalidParameter('Expected multipart/form-data.');
    const form = await new Request('http://fake.local/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(request.rawBody),
    }).formData();
    const file = form.get('file');
    if (form.get('messaging_product') !== 'whatsapp') {
      return invalidParameter('The parameter messaging_product is required.');
    }
    if (!(file instanceof File)) return invalidParameter('The parameter file is required.');
    const type = form.get('type');
    const id = fakeMediaId();
    uploads.set(id, {
      bytes: Buffer.from(await file.arrayBuffer()),
      mimeType: typeof type === 'string' && type ? type : file.type,
      ...(file.name ? { filename: file.name } : {}),
    });
    return jsonResponse(200, { id });
  }

  function phoneNumber(request: FakeHttpRequest): FakeHttpResponse {
    const all: Record<string, string> = {
      id: phoneNumberId,
      display_phone_number: '+55 11 90000-0000',
      verified_name: 'Loja Exemplo',
      quality_rating: 'GREEN',
      status: 'CONNECTED',
      code_verification_status: 'VERIFIED',
      platform_type: 'CLOUD_API',
    };
    // Like the Graph API: the requested fields plus id; a default set without `fields`.
    const fields = request.query.fields?.split(',') ?? [
      'verified_name',
      'display_phone_number',
      'quality_rating',
    ];
    return jsonResponse(
      200,
      Object.fromEntries(['id', ...fields].filter((f) => f in all).map((f) => [f, all[f]])),
    );
  }

  const server = await startFakeHttpServer(handle);
  baseUrl = server.url;

  return {
    url: server.url,
    credentials: {
      baseUrl: server.url,
      apiVersion: 'v26.0',
      phoneNumberId,
      wabaId: options.wabaId ?? CLOUD_FAKE_WABA_ID,
      accessToken,
      appSecret: options.appSecret ?? randomBytes(16).toString('hex'),
      verifyToken: options.verifyToken ?? randomBytes(8).toString('hex'),
    },
    sent,
    reads,
    uploads,
    hostMedia(bytes, mimeType, filename) {
      const id = fakeMediaId();
      hosted.set(id, { bytes, mimeType, ...(filename ? { filename } : {}) });
      return id;
    },
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    requests: server.requests,
    close: server.close,
  };
}

function fakeMediaId(): string {
  return String(1_000_000_000_000_000n + BigInt(`0x${randomBytes(6).toString('hex')}`));
}

function graphError(status: number, error: FakeCloudFailure['error']): FakeHttpResponse {
  return jsonResponse(status, {
    error: {
      message: error.message ?? `(#${error.code}) Fake Cloud API error`,
      type: error.type ?? 'OAuthException',
      code: error.code,
      error_data: { messaging_product: 'whatsapp', details: error.details ?? error.message ?? 'Fake error' },
      ...(error.error_subcode !== undefined ? { error_subcode: error.error_subcode } : {}),
      fbtrace_id: `A${randomBytes(9).toString('base64url')}`,
    },
  });
}

function invalidParameter(details: string): FakeHttpResponse {
  return graphError(400, { code: 100, message: '(#100) Invalid parameter', details });
}

function objectDoesNotExist(id: string, method: 'get' | 'post'): FakeHttpResponse {
  return graphError(400, {
    code: 100,
    error_subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
}

function unknownPath(request: FakeHttpRequest): FakeHttpResponse {
  return graphError(400, { code: 2500, message: `Unknown path components: ${request.path}` });
}

function notFound(request: FakeHttpRequest): FakeHttpResponse {
  return jsonResponse(404, { error: { message: `Not found: ${request.path}`, code: 404 } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
