import { type FakeZapi, startFakeZapi, zapiPayloads } from '@piloto/testkit';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { createHttpClient, ProviderError } from '../../../../platform/httpClient.ts';
import type { OutgoingMessage } from '../../provider.ts';
import { type ZapiCredentials, zapiProvider } from './zapi.ts';

const LEAD = '5511900000001';

describe('authenticateWebhook', () => {
  const credentials = { baseUrl: 'https://api.z-api.io', instanceId: 'i', token: 't', clientToken: 'c' };
  const request = (query: Record<string, string>, headers: Record<string, string> = {}) => ({
    headers,
    query,
    rawBody: Buffer.from('{}'),
  });

  it('accepts the channel secret in the URL or the header', () => {
    expect(() =>
      zapiProvider.authenticateWebhook(request({ token: 's3cret' }), {
        credentials,
        webhookSecret: 's3cret',
      }),
    ).not.toThrow();
    expect(() =>
      zapiProvider.authenticateWebhook(request({}, { 'x-webhook-secret': 's3cret' }), {
        credentials,
        webhookSecret: 's3cret',
      }),
    ).not.toThrow();
  });

  it('rejects a request without or with a wrong secret', () => {
    for (const query of [{}, { token: 'wrong' }] as Record<string, string>[]) {
      try {
        zapiProvider.authenticateWebhook(request(query), { credentials, webhookSecret: 's3cret' });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ status: 401, code: 'WEBHOOK_UNAUTHENTICATED' });
      }
    }
  });
});

describe('credentialsSchema', () => {
  it('defaults the base URL and explains missing fields in pt-BR', () => {
    expect(zapiProvider.credentialsSchema.parse({ instanceId: 'i', token: 't', clientToken: 'c' })).toEqual({
      baseUrl: 'https://api.z-api.io',
      instanceId: 'i',
      token: 't',
      clientToken: 'c',
    });
    const result = zapiProvider.credentialsSchema.safeParse({ baseUrl: 'nope', instanceId: ' ' });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual([
      'Informe uma URL válida para a API da Z-API',
      'Informe o ID da instância da Z-API',
      'Informe o token da instância da Z-API',
      'Informe o token de segurança da conta Z-API (Client-Token)',
    ]);
  });
});

describe('over HTTP against the fake Z-API', () => {
  let zapi: FakeZapi;
  const http = createHttpClient(pino({ level: 'silent' }), { timeoutMs: 5_000 });
  const ctx = (credentials: Partial<ZapiCredentials> = {}) => ({
    credentials: { ...zapi.credentials, ...credentials },
    http,
    webhookSecret: 'unused',
  });
  const sendError = async (message: OutgoingMessage, credentials: Partial<ZapiCredentials> = {}) => {
    try {
      await zapiProvider.send(ctx(credentials), message);
    } catch (error) {
      expect(error).toBeInstanceOf(ProviderError);
      return error as ProviderError;
    }
    throw new Error('send should have failed');
  };
  const text: OutgoingMessage = { to: LEAD, kind: 'text', text: 'Olá! Posso ajudar?' };

  beforeEach(async () => {
    zapi = await startFakeZapi();
  });
  afterEach(async () => {
    await zapi.close();
  });

  it('sends a text, replying to a message, and returns the WhatsApp message id', async () => {
    const result = await zapiProvider.send(ctx(), { ...text, replyToProviderMessageId: 'LEAD1' });
    expect(zapi.sent).toHaveLength(1);
    expect(result).toEqual({ providerMessageId: zapi.sent[0].messageId });
    expect(zapi.sent[0]).toMatchObject({
      method: 'send-text',
      phone: LEAD,
      message: 'Olá! Posso ajudar?',
      quotedMessageId: 'LEAD1',
    });
    const request = zapi.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/instances/${zapi.instanceId}/token/${zapi.token}/send-text`);
    expect(request.headers['client-token']).toBe(zapi.clientToken);
    expect(request.body).toEqual({ phone: LEAD, message: 'Olá! Posso ajudar?', messageId: 'LEAD1' });
  });

  it('shows "typing…" through delayTyping, in whole seconds from 1 to 15', async () => {
    for (const typingMs of [400, 2600, 20_000]) await zapiProvider.send(ctx(), { ...text, typingMs });
    expect(zapi.sent.map((s) => s.delayTyping)).toEqual([1, 3, 15]);
    await zapiProvider.send(ctx(), text);
    expect(zapi.sent.at(-1)!.body).not.toHaveProperty('delayTyping');
  });

  it('sends an image as a data URI with its caption', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await zapiProvider.send(ctx(), {
      to: LEAD,
      kind: 'image',
      media: { data: bytes, mimeType: 'image/jpeg', fileName: 'foto.jpg', caption: 'Modelo azul' },
    });
    expect(zapi.requests.at(-1)!.path).toMatch(/\/send-image$/);
    expect((zapi.requests.at(-1)!.body as { image: string }).image).toBe(
      `data:image/jpeg;base64,${bytes.toString('base64')}`,
    );
    expect(zapi.sent[0]).toMatchObject({
      method: 'send-image',
      caption: 'Modelo azul',
      mimeType: 'image/jpeg',
    });
    expect(zapi.sent[0].mediaBytes?.equals(bytes)).toBe(true);
  });

  it('sends a document with the extension in the path and the name without it', async () => {
    const bytes = Buffer.from('%PDF-1.4 fake');
    await zapiProvider.send(ctx(), {
      to: LEAD,
      kind: 'document',
      media: { data: bytes, mimeType: 'application/pdf', fileName: 'Proposta Comercial.PDF' },
    });
    expect(zapi.requests.at(-1)!.path).toMatch(/\/send-document\/pdf$/);
    expect(zapi.sent[0]).toMatchObject({
      method: 'send-document',
      extension: 'pdf',
      fileName: 'Proposta Comercial',
      mimeType: 'application/pdf',
    });
    expect(zapi.sent[0].mediaBytes?.equals(bytes)).toBe(true);
  });

  it('sends a voice note with waveform, and a plain audio without', async () => {
    const bytes = Buffer.from('OggS fake opus');
    await zapiProvider.send(ctx(), {
      to: LEAD,
      kind: 'audio',
      media: { data: bytes, mimeType: 'audio/ogg; codecs=opus', fileName: 'resposta.ogg', voice: true },
    });
    expect(zapi.requests.at(-1)!.body).toEqual({
      phone: LEAD,
      audio: `data:audio/ogg;base64,${bytes.toString('base64')}`,
      waveform: true,
    });
    expect(zapi.sent[0]).toMatchObject({ method: 'send-audio', waveform: true, mimeType: 'audio/ogg' });

    await zapiProvider.send(ctx(), {
      to: LEAD,
      kind: 'audio',
      media: { data: bytes, mimeType: 'audio/mpeg', fileName: 'jingle.mp3' },
    });
    expect(zapi.sent[1].waveform).toBeUndefined();
  });

  it('keeps sending while the phone is disconnected (Z-API queues)', async () => {
    zapi.setConnected(false);
    await expect(zapiProvider.send(ctx(), text)).resolves.toEqual({ providerMessageId: expect.any(String) });
  });

  it('fails for good, in words a seller can read, on a wrong or missing Client-Token', async () => {
    const wrong = await sendError(text, { clientToken: 'typo-token' });
    expect(wrong).toMatchObject({ retryable: false, status: 403, service: 'zapi' });
    expect(wrong.message).toMatch(/^Z-API recusou o envio: .*Client-Token/);
    expect(wrong.message).not.toContain('typo-token');

    const missing = await sendError(text, { clientToken: '' });
    expect(missing).toMatchObject({ retryable: false });
    expect(missing.body).toEqual({ error: 'null not allowed' });
    expect(zapi.sent).toHaveLength(0);
  });

  it('fails for good on an unknown instance and on a 400', async () => {
    const instance = await sendError(text, { instanceId: 'OTHER' });
    expect(instance).toMatchObject({ retryable: false, status: 404 });
    expect(instance.message).toMatch(/instância não encontrada/);

    zapi.failNext(1, { status: 400, body: { error: 'phone is invalid' } });
    const bad = await sendError(text);
    expect(bad).toMatchObject({ retryable: false, status: 400 });
    expect(bad.message).toBe('Z-API recusou o envio: phone is invalid (HTTP 400)');
  });

  it('marks 5xx, 429 and network failures as retryable', async () => {
    zapi.failNext(1, { status: 500, body: 'Internal Server Error' });
    expect(await sendError(text)).toMatchObject({ retryable: true, status: 500 });
    zapi.failNext(1, { status: 429, body: { error: 'Too many requests' } });
    expect(await sendError(text)).toMatchObject({ retryable: true, status: 429 });
    await expect(zapiProvider.send(ctx(), text)).resolves.toBeDefined();

    const url = zapi.url;
    await zapi.close();
    expect(await sendError(text, { baseUrl: url })).toMatchObject({ retryable: true });
    zapi = await startFakeZapi();
  });

  it('downloads a hosted media and reports an expired one as final', async () => {
    const bytes = Buffer.from('OggS voice bytes');
    const url = zapi.hostMedia(bytes, 'audio/ogg; codecs=opus');
    const media = await zapiProvider.downloadMedia(ctx(), { source: 'url', url });
    expect(media.data.equals(bytes)).toBe(true);
    expect(media.mimeType).toBe('audio/ogg; codecs=opus');
    expect(zapi.requests.at(-1)!.headers['client-token']).toBeUndefined();

    zapi.expireMedia(url);
    const error = await zapiProvider.downloadMedia(ctx(), { source: 'url', url }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: false, status: 404 });
    expect((error as Error).message).toMatch(/mídia expirada/);
  });

  it('parses a received voice note and downloads it from the URL in the payload', async () => {
    const bytes = Buffer.from('OggS lead voice');
    const url = zapi.hostMedia(bytes, 'audio/ogg; codecs=opus');
    const [event] = zapiProvider.parseWebhook(zapiPayloads.receivedAudio({ url }));
    if (event.type !== 'message' || !event.media) throw new Error('expected a media message');
    expect(event.media).toMatchObject({ voice: true, ref: { source: 'url', url } });
    const media = await zapiProvider.downloadMedia(ctx(), event.media.ref);
    expect(media.data.equals(bytes)).toBe(true);
  });

  it('reads the connection state from GET /status', async () => {
    await expect(zapiProvider.checkConnection(ctx())).resolves.toEqual({ state: 'connected' });
    expect(zapi.requests.at(-1)!.path).toBe(`/instances/${zapi.instanceId}/token/${zapi.token}/status`);

    zapi.setConnected('disconnected');
    await expect(zapiProvider.checkConnection(ctx())).resolves.toEqual({
      state: 'disconnected',
      detail: 'You are not connected.',
    });
    zapi.setConnected('qr_needed');
    await expect(zapiProvider.checkConnection(ctx())).resolves.toEqual({
      state: 'qr_needed',
      detail: 'You need to restore the session.',
    });
    const error = await zapiProvider.checkConnection(ctx({ clientToken: 'x' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, status: 403 });
  });
});
