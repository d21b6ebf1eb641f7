import {
  EVOLUTION_LEAD_LID,
  EVOLUTION_LEAD_PHONE,
  type FakeEvolution,
  startFakeEvolution,
} from '@piloto/testkit';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { createHttpClient, ProviderError } from '../../../../platform/httpClient.ts';
import type { WebhookRequest } from '../../provider.ts';
import { type EvolutionCredentials, evolutionProvider } from './evolution.ts';

const leadJid = `${EVOLUTION_LEAD_PHONE}@s.whatsapp.net`;

describe('evolution authenticateWebhook', () => {
  const credentials: EvolutionCredentials = { baseUrl: 'http://x', instanceName: 'i', apiKey: 'k' };
  const request = (over: Partial<WebhookRequest>): WebhookRequest => ({
    headers: {},
    query: {},
    rawBody: Buffer.from('{}'),
    ...over,
  });
  const auth = (r: WebhookRequest) =>
    evolutionProvider.authenticateWebhook(r, { credentials, webhookSecret: 's3cr3t' });

  it('accepts ?token= and X-Webhook-Secret, rejects missing or wrong', () => {
    expect(() => auth(request({ query: { token: 's3cr3t' } }))).not.toThrow();
    expect(() => auth(request({ headers: { 'x-webhook-secret': 's3cr3t' } }))).not.toThrow();
    expect(() => auth(request({}))).toThrow(AppError);
    expect(() => auth(request({ query: { token: 'nope' } }))).toThrow(
      expect.objectContaining({ status: 401, code: 'WEBHOOK_UNAUTHENTICATED' }),
    );
  });
});

describe('evolution credentialsSchema', () => {
  it('requires an http(s) baseUrl, instanceName and apiKey with pt-BR messages', () => {
    const ok = evolutionProvider.credentialsSchema.safeParse({
      baseUrl: 'https://evo.loja.com.br',
      instanceName: 'loja',
      apiKey: 'abc',
    });
    expect(ok.success).toBe(true);
    const bad = evolutionProvider.credentialsSchema.safeParse({
      baseUrl: 'evo',
      instanceName: '',
      apiKey: '',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).join(' ')).toMatch(
      /Informe a URL.*Informe o nome.*apikey/,
    );
  });
});

describe('evolution over HTTP against the fake', () => {
  let fake: FakeEvolution;
  const http = createHttpClient(pino({ level: 'silent' }));
  const ctx = () => ({ credentials: fake.credentials, http, webhookSecret: 's' });

  beforeAll(async () => {
    fake = await startFakeEvolution({ instanceName: 'loja-demo', apiKey: 'evo-key' });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.sent.length = 0;
    fake.requests.length = 0;
    fake.setState('open');
  });

  it('sends text with the apikey header, digits as number, quoted key', async () => {
    const result = await evolutionProvider.send(ctx(), {
      to: `${EVOLUTION_LEAD_PHONE}:3@s.whatsapp.net`,
      kind: 'text',
      text: 'Olá!',
      replyToProviderMessageId: '3EB0Q',
    });
    expect(result.providerMessageId).toMatch(/^3EB0[0-9A-F]{18}$/);
    expect(fake.sent).toEqual([
      expect.objectContaining({
        route: 'sendText',
        number: EVOLUTION_LEAD_PHONE,
        text: 'Olá!',
        quotedKeyId: '3EB0Q',
      }),
    ]);
    expect(fake.sent[0].keyId).toBe(result.providerMessageId);
    expect(fake.requests[0].path).toBe('/message/sendText/loja-demo');
    expect(fake.requests[0].headers.apikey).toBe('evo-key');
  });

  it('shows "composing" through sendText delay, answered once the delay has passed', async () => {
    const started = Date.now();
    await evolutionProvider.send(ctx(), {
      to: EVOLUTION_LEAD_PHONE,
      kind: 'text',
      text: 'oi',
      typingMs: 300.4,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(fake.sent[0]).toMatchObject({ route: 'sendText', delay: 300 });
    await evolutionProvider.send(ctx(), { to: EVOLUTION_LEAD_PHONE, kind: 'text', text: 'sem digitar' });
    expect(fake.sent[1].body).not.toHaveProperty('delay');
  });

  it('sends to a LID as the JID', async () => {
    await evolutionProvider.send(ctx(), { to: EVOLUTION_LEAD_LID, kind: 'text', text: 'oi' });
    expect(fake.sent[0].number).toBe(EVOLUTION_LEAD_LID);
  });

  it('sends image and document as raw base64 with mimetype, fileName and caption', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await evolutionProvider.send(ctx(), {
      to: EVOLUTION_LEAD_PHONE,
      kind: 'image',
      media: { data: png, mimeType: 'image/png', fileName: 'foto.png', caption: 'nosso produto' },
    });
    const pdf = Buffer.from('%PDF-1.4 fake');
    await evolutionProvider.send(ctx(), {
      to: leadJid,
      kind: 'document',
      media: { data: pdf, mimeType: 'application/pdf', fileName: 'proposta.pdf' },
    });
    expect(fake.sent[0]).toMatchObject({
      route: 'sendMedia',
      mediatype: 'image',
      mimetype: 'image/png',
      fileName: 'foto.png',
      caption: 'nosso produto',
      mediaBytes: png,
    });
    expect(fake.sent[0].body.media).toBe(png.toString('base64'));
    expect(fake.sent[1]).toMatchObject({
      route: 'sendMedia',
      number: EVOLUTION_LEAD_PHONE,
      mediatype: 'document',
      mimetype: 'application/pdf',
      fileName: 'proposta.pdf',
      mediaBytes: pdf,
    });
    expect(fake.sent[1].caption).toBeUndefined();
  });

  it('sends a voice note through sendWhatsAppAudio with encoding:true', async () => {
    const ogg = Buffer.from('OggS voice');
    await evolutionProvider.send(ctx(), {
      to: EVOLUTION_LEAD_PHONE,
      kind: 'audio',
      media: { data: ogg, mimeType: 'audio/ogg', fileName: 'voz.ogg', voice: true },
    });
    expect(fake.sent[0]).toMatchObject({ route: 'sendWhatsAppAudio', encoding: true, mediaBytes: ogg });
    expect(fake.sent[0].body.audio).toBe(ogg.toString('base64'));
  });

  it('number without WhatsApp → non-retryable ProviderError', async () => {
    fake.setNumberExists('5511900000009', false);
    const error = await evolutionProvider
      .send(ctx(), { to: '5511900000009', kind: 'text', text: 'oi' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: false, code: 'number_not_on_whatsapp', status: 400 });
    expect((error as Error).message).toMatch(/não tem WhatsApp/);
  });

  it('500 Connection Closed → retryable', async () => {
    fake.setState('close');
    const error = await evolutionProvider
      .send(ctx(), { to: EVOLUTION_LEAD_PHONE, kind: 'text', text: 'oi' })
      .catch((e) => e);
    expect(error).toMatchObject({
      name: 'ProviderError',
      retryable: true,
      code: 'connection_closed',
      status: 500,
    });
  });

  it('other 5xx retryable; wrong apikey and unknown instance are not', async () => {
    fake.failNext(1, { status: 502, body: 'Bad Gateway' });
    await expect(
      evolutionProvider.send(ctx(), { to: EVOLUTION_LEAD_PHONE, kind: 'text', text: 'oi' }),
    ).rejects.toMatchObject({ retryable: true, status: 502 });
    const badKey = { ...ctx(), credentials: { ...fake.credentials, apiKey: 'wrong' } };
    await expect(
      evolutionProvider.send(badKey, { to: EVOLUTION_LEAD_PHONE, kind: 'text', text: 'oi' }),
    ).rejects.toMatchObject({
      retryable: false,
      status: 401,
      message: expect.stringContaining('apikey inválida'),
    });
    const badInstance = { ...ctx(), credentials: { ...fake.credentials, instanceName: 'outra' } };
    await expect(evolutionProvider.checkConnection(badInstance)).rejects.toMatchObject({
      retryable: false,
      status: 404,
      code: 'instance_not_found',
    });
  });

  it('network failure → retryable', async () => {
    const dead = { ...ctx(), credentials: { ...fake.credentials, baseUrl: 'http://127.0.0.1:1' } };
    await expect(
      evolutionProvider.send(dead, { to: EVOLUTION_LEAD_PHONE, kind: 'text', text: 'oi' }),
    ).rejects.toMatchObject({
      retryable: true,
    });
  });

  it('downloads media from base64, url and getBase64FromMediaMessage', async () => {
    const bytes = Buffer.from('fake image bytes');
    expect(
      await evolutionProvider.downloadMedia(ctx(), { source: 'base64', base64: bytes.toString('base64') }),
    ).toEqual({
      data: bytes,
    });

    fake.storeMedia('3EB0MEDIA', bytes, 'image/jpeg');
    expect(
      await evolutionProvider.downloadMedia(ctx(), { source: 'url', url: fake.mediaUrl('3EB0MEDIA') }),
    ).toEqual({
      data: bytes,
      mimeType: 'image/jpeg',
    });

    const fromMessage = await evolutionProvider.downloadMedia(ctx(), {
      source: 'evolution_message',
      messageKeyId: '3EB0MEDIA',
    });
    expect(fromMessage).toEqual({ data: bytes, mimeType: 'image/jpeg' });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe('/chat/getBase64FromMediaMessage/loja-demo');
    expect(request.body).toEqual({ message: { key: { id: '3EB0MEDIA' } }, convertToMp4: false });

    await expect(
      evolutionProvider.downloadMedia(ctx(), { source: 'evolution_message', messageKeyId: 'missing' }),
    ).rejects.toMatchObject({ retryable: false, status: 400 });
  });

  it('checkConnection maps open/close/connecting', async () => {
    expect(await evolutionProvider.checkConnection(ctx())).toEqual({ state: 'connected' });
    fake.setState('close');
    expect((await evolutionProvider.checkConnection(ctx())).state).toBe('disconnected');
    fake.setState('connecting');
    expect((await evolutionProvider.checkConnection(ctx())).state).toBe('qr_needed');
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/instance/connectionState/loja-demo',
    });
  });
});
