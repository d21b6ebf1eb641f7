import {
  CLOUD_FAKE_PHONE_NUMBER_ID,
  cloudPayloads,
  type FakeCloudApi,
  signCloudPayload,
  signedCloudWebhook,
  startFakeCloudApi,
} from '@piloto/testkit';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { createHttpClient, ProviderError } from '../../../../platform/httpClient.ts';
import { type CloudCredentials, cloudCredentialsSchema, cloudProvider } from './cloud.ts';

// Parsing is covered in parseCloudWebhook.test.ts; this file covers the provider's HTTP side.
const LEAD = '5511900000001';
const http = createHttpClient(pino({ level: 'silent' }));

describe('cloudProvider webhook authentication and subscription', () => {
  const credentials = cloudCredentialsSchema.parse({
    phoneNumberId: CLOUD_FAKE_PHONE_NUMBER_ID,
    wabaId: '102290129340398',
    accessToken: 'token',
    appSecret: 'segredo-do-app',
    verifyToken: 'verifica-123',
  });
  const ctx = { credentials, webhookSecret: 'unused' };
  const payload = cloudPayloads.text({ from: LEAD, text: 'Oi' });

  it('accepts a body signed with the app secret', () => {
    const { rawBody, headers } = signedCloudWebhook(credentials.appSecret, payload);
    expect(() => cloudProvider.authenticateWebhook({ headers, query: {}, rawBody }, ctx)).not.toThrow();
    const upper = { 'X-Hub-Signature-256': headers['x-hub-signature-256'] };
    expect(() =>
      cloudProvider.authenticateWebhook({ headers: upper, query: {}, rawBody }, ctx),
    ).not.toThrow();
  });

  it('answers 401 WEBHOOK_UNAUTHENTICATED for tampered, wrongly signed or unsigned bodies', () => {
    const { rawBody, headers } = signedCloudWebhook(credentials.appSecret, payload);
    const tampered = Buffer.from(rawBody.toString().replace('Oi', 'Oi!'));
    const requests = [
      { headers, query: {}, rawBody: tampered },
      { headers: { 'x-hub-signature-256': signCloudPayload('outro', rawBody) }, query: {}, rawBody },
      { headers: {}, query: {}, rawBody },
      { headers: { 'x-hub-signature-256': 'sha256=abc' }, query: {}, rawBody },
      { headers: { 'x-hub-signature-256': [headers['x-hub-signature-256']] }, query: {}, rawBody },
    ];
    for (const request of requests) {
      let thrown: unknown;
      try {
        cloudProvider.authenticateWebhook(request, ctx);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ status: 401, code: 'WEBHOOK_UNAUTHENTICATED' });
    }
  });

  it('answers the GET handshake with the challenge only for the right verify token', () => {
    const verify = cloudProvider.verifySubscription!;
    const query = {
      'hub.mode': 'subscribe',
      'hub.verify_token': 'verifica-123',
      'hub.challenge': '1158201444',
    };
    expect(verify(query, credentials)).toEqual({ status: 200, body: '1158201444' });
    expect(verify({ ...query, 'hub.verify_token': 'errado' }, credentials).status).toBe(403);
    expect(verify({ ...query, 'hub.mode': 'unsubscribe' }, credentials).status).toBe(403);
    expect(verify({ ...query, 'hub.challenge': undefined }, credentials).status).toBe(403);
    expect(verify({}, credentials).status).toBe(403);
  });

  it('validates credentials with defaults and pt-BR messages', () => {
    expect(credentials.baseUrl).toBe('https://graph.facebook.com');
    expect(credentials.apiVersion).toMatch(/^v\d+\.0$/);
    const result = cloudCredentialsSchema.safeParse({
      baseUrl: 'ftp://x',
      phoneNumberId: 'abc',
      apiVersion: '23',
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^baseUrl: Informe uma URL válida/),
        expect.stringMatching(/^apiVersion: Versão da API inválida/),
        expect.stringMatching(/^phoneNumberId: Informe o ID do número de telefone/),
        expect.stringMatching(/^accessToken: Informe o token de acesso/),
        expect.stringMatching(/^appSecret: Informe a chave secreta do app/),
      ]),
    );
  });
});

describe('cloudProvider over HTTP against the fake Graph API', () => {
  let fake: FakeCloudApi;
  let credentials: CloudCredentials;
  const ctx = () => ({ credentials, http, webhookSecret: 'unused' });

  beforeAll(async () => {
    fake = await startFakeCloudApi();
    credentials = cloudCredentialsSchema.parse(fake.credentials);
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.sent.length = 0;
    fake.requests.length = 0;
  });

  it('sends a text with the Bearer token and returns the wamid', async () => {
    const result = await cloudProvider.send(ctx(), { to: LEAD, kind: 'text', text: 'Olá! Temos sim.' });
    expect(fake.sent).toHaveLength(1);
    expect(result).toEqual({ providerMessageId: fake.sent[0].messageId });
    expect(fake.sent[0]).toMatchObject({ to: LEAD, type: 'text', text: 'Olá! Temos sim.' });
    const request = fake.requests[0];
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/${credentials.apiVersion}/${credentials.phoneNumberId}/messages`);
    expect(request.headers.authorization).toBe(`Bearer ${credentials.accessToken}`);
    expect(request.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: LEAD,
      type: 'text',
      text: { body: 'Olá! Temos sim.', preview_url: false },
    });
  });

  it('shows the typing indicator on the lead’s last message, and skips it without one', async () => {
    const show = (cloudProvider.typing as Extract<typeof cloudProvider.typing, { via: 'call' }>).show;
    await show(ctx(), { to: LEAD, durationMs: 2000, lastInboundProviderMessageId: 'wamid.LEAD1' });
    expect(fake.reads.at(-1)).toMatchObject({ messageId: 'wamid.LEAD1', typingIndicator: 'text' });
    expect(fake.requests[0].body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.LEAD1',
      typing_indicator: { type: 'text' },
    });
    await show(ctx(), { to: LEAD, durationMs: 2000 });
    expect(fake.requests).toHaveLength(1);
    fake.failNext(1, { status: 400, error: { code: 100, message: '(#100) Invalid parameter' } });
    await expect(
      show(ctx(), { to: LEAD, durationMs: 2000, lastInboundProviderMessageId: 'wamid.OLD' }),
    ).rejects.toBeInstanceOf(ProviderError);
  });

  it('replies with context.message_id and addresses BSUID users by recipient', async () => {
    await cloudProvider.send(ctx(), {
      to: 'BR.1502576394655843',
      kind: 'text',
      text: 'Respondendo',
      replyToProviderMessageId: 'wamid.IN1',
    });
    expect(fake.sent[0]).toMatchObject({ to: 'BR.1502576394655843', contextMessageId: 'wamid.IN1' });
    expect(fake.sent[0].body).toMatchObject({
      recipient: 'BR.1502576394655843',
      context: { message_id: 'wamid.IN1' },
    });
    expect(fake.sent[0].body).not.toHaveProperty('to');
  });

  it('uploads an image, a document and a voice note, then sends them by media id', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
    const pdf = Buffer.from('%PDF-1.7 proposta');
    const ogg = Buffer.from('OggS fake opus');
    await cloudProvider.send(ctx(), {
      to: LEAD,
      kind: 'image',
      media: { data: png, mimeType: 'image/png', fileName: 'foto.png', caption: 'Modelo azul' },
    });
    await cloudProvider.send(ctx(), {
      to: LEAD,
      kind: 'document',
      media: { data: pdf, mimeType: 'application/pdf', fileName: 'proposta.pdf', caption: 'Sua proposta' },
      replyToProviderMessageId: 'wamid.IN2',
    });
    await cloudProvider.send(ctx(), {
      to: LEAD,
      kind: 'audio',
      media: { data: ogg, mimeType: 'audio/ogg; codecs=opus', fileName: 'resposta.ogg', voice: true },
    });

    expect(fake.requests.map((r) => `${r.method} ${r.path.split('/').at(-1)}`)).toEqual([
      'POST media',
      'POST messages',
      'POST media',
      'POST messages',
      'POST media',
      'POST messages',
    ]);
    const [image, document, voice] = fake.sent;
    expect(image).toMatchObject({ type: 'image', caption: 'Modelo azul' });
    expect(fake.uploads.get(image.mediaId!)).toEqual({
      bytes: png,
      mimeType: 'image/png',
      filename: 'foto.png',
    });
    expect(document).toMatchObject({
      type: 'document',
      filename: 'proposta.pdf',
      caption: 'Sua proposta',
      contextMessageId: 'wamid.IN2',
    });
    expect(fake.uploads.get(document.mediaId!)?.bytes).toEqual(pdf);
    expect(voice).toMatchObject({ type: 'audio', voice: true });
    expect(voice.body.audio).toEqual({ id: voice.mediaId, voice: true });
    expect(fake.uploads.get(voice.mediaId!)).toMatchObject({
      bytes: ogg,
      mimeType: 'audio/ogg; codecs=opus',
    });
  });

  const cases: Array<[string, number, number, Partial<ProviderError>]> = [
    ['throughput limit', 400, 130429, { code: '130429', retryable: true, retryAfterMs: undefined }],
    ['pair rate limit', 400, 131056, { code: '131056', retryable: true, retryAfterMs: 6000 }],
    [
      '24-hour window',
      400,
      131047,
      {
        code: '131047',
        retryable: false,
        message: 'Fora da janela de 24 horas: é preciso um modelo aprovado',
      },
    ],
    ['undeliverable', 400, 131026, { code: '131026', retryable: false }],
    ['expired token', 401, 190, { code: '190', retryable: false }],
    ['app rate limit', 400, 4, { code: '4', retryable: true }],
    ['WABA rate limit', 400, 80007, { code: '80007', retryable: true }],
    ['invalid parameter', 400, 100, { code: '100', retryable: false }],
    ['server error', 500, 131000, { code: '131000', retryable: true, status: 500 }],
  ];
  for (const [label, status, code, expected] of cases) {
    it(`maps error ${code} (${label}) to a ProviderError`, async () => {
      fake.failNext(1, { status, error: { code, message: `(#${code}) ${label}`, details: label } });
      const error = await cloudProvider
        .send(ctx(), { to: LEAD, kind: 'text', text: 'x' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ service: 'whatsapp_cloud', status, ...expected });
      expect((error as ProviderError).message).not.toContain(credentials.accessToken);
      expect(fake.sent).toHaveLength(0);
    });
  }

  it('says the token expired when Meta rejects the Bearer', async () => {
    const error = await cloudProvider
      .send(
        { ...ctx(), credentials: { ...credentials, accessToken: 'EAAGvencido' } },
        { to: LEAD, kind: 'text', text: 'x' },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: '190', retryable: false });
    expect((error as Error).message).toContain('token de acesso expirado');
  });

  it('treats a 5xx without a Meta body and a network failure as retryable', async () => {
    const down = await startFakeCloudApi();
    const url = down.url;
    await down.close();
    const error = await cloudProvider
      .send(
        { ...ctx(), credentials: { ...credentials, baseUrl: url } },
        { to: LEAD, kind: 'text', text: 'x' },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true });
  });

  it('fails an upload error before sending anything', async () => {
    fake.failNext(1, { status: 400, error: { code: 131053, message: 'Media upload error' } });
    const error = await cloudProvider
      .send(ctx(), {
        to: LEAD,
        kind: 'image',
        media: { data: Buffer.from('x'), mimeType: 'image/png', fileName: 'a.png' },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '131053', retryable: false });
    expect(fake.sent).toHaveLength(0);
  });

  it('downloads inbound media: id → URL → bytes, both with the Bearer token', async () => {
    const bytes = Buffer.from('OggS voz do cliente');
    const mediaId = fake.hostMedia(bytes, 'audio/ogg; codecs=opus');
    const [event] = cloudProvider.parseWebhook(cloudPayloads.audio({ from: LEAD, mediaId }));
    if (event.type !== 'message' || !event.media) throw new Error('expected a media message');

    const file = await cloudProvider.downloadMedia(ctx(), event.media.ref);
    expect(file).toEqual({ data: bytes, mimeType: 'audio/ogg; codecs=opus' });
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${credentials.accessToken}`,
      `Bearer ${credentials.accessToken}`,
    ]);
    expect(fake.requests[0].path).toBe(`/${credentials.apiVersion}/${mediaId}`);
  });

  it('does not retry an expired or unknown media id', async () => {
    const error = await cloudProvider
      .downloadMedia(ctx(), { source: 'cloud_media_id', mediaId: '404404404' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      retryable: false,
      message: 'Mídia expirada ou não encontrada na Cloud API',
    });
    const wrongSource = await cloudProvider
      .downloadMedia(ctx(), { source: 'url', url: 'https://example.com/a.jpg' })
      .catch((e: unknown) => e);
    expect(wrongSource).toMatchObject({ retryable: false });
  });

  it('checks the connection by reading the phone number', async () => {
    expect(await cloudProvider.checkConnection(ctx())).toEqual({ state: 'connected' });
    expect(fake.requests[0].path).toBe(`/${credentials.apiVersion}/${credentials.phoneNumberId}`);
    expect(fake.requests[0].query.fields).toBe('display_phone_number,verified_name,quality_rating,status');
  });

  it('reports disconnected with a reason when the token or number is wrong, and throws on outages', async () => {
    const expired = await cloudProvider.checkConnection({
      ...ctx(),
      credentials: { ...credentials, accessToken: 'EAAGvencido' },
    });
    expect(expired).toEqual({
      state: 'disconnected',
      detail: 'Token de acesso expirado ou inválido: gere um novo token e atualize o canal',
    });
    const wrongNumber = await cloudProvider.checkConnection({
      ...ctx(),
      credentials: { ...credentials, phoneNumberId: '123' },
    });
    expect(wrongNumber).toMatchObject({
      state: 'disconnected',
      detail: expect.stringContaining('não encontrado'),
    });

    fake.failNext(1, { status: 503, error: { code: 2, message: 'Service temporarily unavailable' } });
    await expect(cloudProvider.checkConnection(ctx())).rejects.toMatchObject({ retryable: true });
  });
});
