import { type FakeZapi, startFakeZapi, zapiPayloads } from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWithCompany } from '../../testing/company.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import type { ApiJson } from '../../testing/json.ts';
import type { TestClient } from '../../testing/session.ts';
import { waitFor } from '../../testing/wait.ts';

let t: TestApp;
let zapi: FakeZapi;
let owner: TestClient;
let orgId: string;
let channelId: string;
let webhookPath: string;

beforeAll(async () => {
  zapi = await startFakeZapi();
  t = await startTestApp();
  ({ owner, orgId } = await ownerWithCompany(t.app, t.platform));
  const res = await owner.post(`/api/v1/orgs/${orgId}/channels`, {
    provider: 'zapi',
    name: 'Comercial',
    credentials: {
      baseUrl: zapi.url,
      instanceId: zapi.instanceId,
      token: zapi.token,
      clientToken: zapi.clientToken,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  channelId = res.json().id;
  const url = new URL(res.json().webhookUrl);
  webhookPath = url.pathname + url.search;
  expect(url.searchParams.get('token')).toMatch(/^[\w-]{20,}$/);
});
afterAll(async () => {
  await t?.close();
  await zapi?.close();
});

const post = (body: unknown, path = webhookPath) =>
  t.app.inject({
    method: 'POST',
    url: path,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

async function conversationsList(query = '') {
  return (await owner.get(`/api/v1/orgs/${orgId}/conversations${query}`)).json();
}
async function messagesOf(conversationId: string) {
  return (await owner.get(`/api/v1/orgs/${orgId}/conversations/${conversationId}/messages`)).json()
    .messages as ApiJson[];
}
async function conversationWith(phoneE164: string) {
  return waitFor(
    async () => {
      const list = await conversationsList('?view=all');
      return list.conversations.find((c: ApiJson) => c.contact.phone === phoneE164);
    },
    20_000,
    `conversation with ${phoneE164}`,
  );
}

describe('Z-API channel end to end (fake Z-API over HTTP)', () => {
  it('stores an inbound text once, even when the webhook is delivered twice', async () => {
    const payload = zapiPayloads.receivedText({
      phone: '5511987650001',
      text: 'Oi, quero saber o preço',
      senderName: 'Maria',
    });
    expect((await post(payload)).statusCode).toBe(200);
    expect((await post(payload)).statusCode).toBe(200);
    const conv = await conversationWith('+5511987650001');
    expect(conv).toMatchObject({
      contact: { name: 'Maria' },
      unreadCount: 1,
      lastMessage: { text: 'Oi, quero saber o preço' },
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await messagesOf(conv.id)).toHaveLength(1);
  });

  it('keeps two different messages with the same text', async () => {
    await post(zapiPayloads.receivedText({ phone: '5511987650002', text: 'ok' }));
    await post(zapiPayloads.receivedText({ phone: '5511987650002', text: 'ok' }));
    const conv = await conversationWith('+5511987650002');
    const msgs = await waitFor(async () => {
      const m = await messagesOf(conv.id);
      return m.length === 2 ? m : undefined;
    });
    expect(msgs.map((m) => m.text)).toEqual(['ok', 'ok']);
  });

  it('treats a Brazilian mobile without the 9th digit as the same contact', async () => {
    await post(zapiPayloads.receivedText({ phone: '5511987650003', text: 'primeira' }));
    const conv = await conversationWith('+5511987650003');
    await post(zapiPayloads.receivedText({ phone: '551187650003', text: 'segunda, sem o 9' }));
    const msgs = await waitFor(async () => {
      const m = await messagesOf(conv.id);
      return m.length === 2 ? m : undefined;
    });
    expect(msgs.map((m) => m.text)).toEqual(['primeira', 'segunda, sem o 9']);
  });

  it('refuses and records a webhook without the channel secret, or malformed', async () => {
    const unauth = await post(zapiPayloads.receivedText({ text: 'x' }), webhookPath.split('?')[0]);
    expect(unauth.statusCode).toBe(401);
    expect(unauth.json().error.code).toBe('WEBHOOK_UNAUTHENTICATED');
    const malformed = await post({ type: 'ReceivedCallback', phone: 123 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('WEBHOOK_MALFORMED');
    const notJson = await t.app.inject({
      method: 'POST',
      url: webhookPath,
      payload: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    const events = (
      await owner.get(`/api/v1/orgs/${orgId}/channels/${channelId}/webhook-events?status=rejected`)
    ).json().events;
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.map((e: ApiJson) => e.reason).join('\n')).toMatch(
      /WEBHOOK_UNAUTHENTICATED[\s\S]*WEBHOOK_MALFORMED|WEBHOOK_MALFORMED[\s\S]*WEBHOOK_UNAUTHENTICATED/,
    );
    const channel = (await owner.get(`/api/v1/orgs/${orgId}/channels`)).json().channels[0];
    expect(channel.rejectedWebhooks24h).toBeGreaterThanOrEqual(3);
  });

  it('sends a reply through the outbox and follows its real status, never downgrading', async () => {
    const conv = await conversationWith('+5511987650001');
    const sent = await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, {
      text: 'Custa R$ 99,90',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'queued', senderType: 'member', direction: 'outbound' });
    const accepted = await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.id === sent.json().id && m.status === 'accepted'),
    );
    const onWire = zapi.sent.find((s) => s.message === 'Custa R$ 99,90');
    expect(onWire).toMatchObject({ method: 'send-text', phone: '5511987650001' });
    expect(accepted.stuck).toBe(false);

    await post(zapiPayloads.status([onWire!.messageId], 'RECEIVED'));
    await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.id === accepted.id && m.status === 'delivered'),
    );
    await post(zapiPayloads.status([onWire!.messageId], 'READ'));
    await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.id === accepted.id && m.status === 'read'),
    );
    await post(zapiPayloads.status([onWire!.messageId], 'SENT'));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await messagesOf(conv.id)).find((m) => m.id === accepted.id)?.status).toBe('read');

    const after = await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}`);
    expect(after.json()).toMatchObject({ aiActive: false, assignee: { name: expect.any(String) } });
  });

  it('retries a failing provider and reports a refused send as failed with the reason', async () => {
    const conv = await conversationWith('+5511987650002');
    zapi.failNext(1, { status: 500, body: { error: 'Internal error' } });
    const retried = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, { text: 'tentativa' })
    ).json();
    await waitFor(
      async () => (await messagesOf(conv.id)).find((m) => m.id === retried.id && m.status === 'accepted'),
      30_000,
    );

    zapi.failNext(1, { status: 403, body: { error: 'null not allowed' } });
    const refused = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, { text: 'recusada' })
    ).json();
    const failed = await waitFor(
      async () => (await messagesOf(conv.id)).find((m) => m.id === refused.id && m.status === 'failed'),
      30_000,
    );
    expect(failed.statusDetail).toMatch(/Z-API recusou o envio/);
  });

  it('holds messages while the number is disconnected and sends them when it is back', async () => {
    const conv = await conversationWith('+5511987650003');
    await post(zapiPayloads.disconnected());
    await waitFor(async () => {
      const ch = (await owner.get(`/api/v1/orgs/${orgId}/channels`)).json().channels[0];
      return ch.status === 'disconnected' ? ch : undefined;
    });
    expect((await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}`)).json().channel.status).toBe(
      'disconnected',
    );
    const held = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, { text: 'na fila' })
    ).json();
    const waiting = await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.id === held.id && m.statusDetail),
    );
    expect(waiting).toMatchObject({
      status: 'queued',
      statusDetail: expect.stringMatching(/Aguardando o número/),
    });
    expect(zapi.sent.find((s) => s.message === 'na fila')).toBeUndefined();

    await post(zapiPayloads.connected());
    await waitFor(
      async () => (await messagesOf(conv.id)).find((m) => m.id === held.id && m.status === 'accepted'),
      30_000,
    );
    expect(zapi.sent.find((s) => s.message === 'na fila')).toBeDefined();
  });

  it('downloads inbound media into storage and serves it only to members', async () => {
    const image = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');
    const url = zapi.hostMedia(image, 'image/jpeg');
    await post(zapiPayloads.receivedImage({ phone: '5511987650004', url, caption: 'olha a foto' }));
    const conv = await conversationWith('+5511987650004');
    const msg = await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.media?.url));
    expect(msg).toMatchObject({ kind: 'image', text: 'olha a foto', media: { mimeType: 'image/jpeg' } });
    const file = await owner.get(msg.media.url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(image)).toBe(true);
    const anonymous = await t.app.inject({ method: 'GET', url: msg.media.url });
    expect(anonymous.statusCode).toBe(401);
  });

  it('sends an attached PDF as a document', async () => {
    const conv = await conversationWith('+5511987650004');
    const pdf = Buffer.from('%PDF-1.4\n%fake proposta\n');
    const boundary = '----piloto';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="proposta.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await owner.request('POST', `/api/v1/orgs/${orgId}/uploads`, body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json()).toMatchObject({
      fileName: 'proposta.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const sent = await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, {
      uploadId: upload.json().id,
      text: 'Segue a proposta',
    });
    expect(sent.json()).toMatchObject({ kind: 'document', media: { fileName: 'proposta.pdf' } });
    await waitFor(
      async () => (await messagesOf(conv.id)).find((m) => m.id === sent.json().id && m.status === 'accepted'),
      30_000,
    );
    const onWire = zapi.sent.find((s) => s.method.startsWith('send-document'));
    expect(onWire).toMatchObject({ extension: 'pdf', phone: '5511987650004' });
    expect(onWire!.mediaBytes!.equals(pdf)).toBe(true);
  });

  it('says in plain Portuguese when the provider cannot be reached', async () => {
    const res = await owner.post(`/api/v1/orgs/${orgId}/channels`, {
      provider: 'zapi',
      name: 'Fora do ar',
      credentials: { baseUrl: 'http://127.0.0.1:59999', instanceId: 'x', token: 'y', clientToken: 'z' },
    });
    const check = (await owner.post(`/api/v1/orgs/${orgId}/channels/${res.json().id}/check`)).json();
    expect(check).toEqual({
      status: 'disconnected',
      detail: 'Não foi possível falar com a Z-API: conexão recusada',
    });
  });

  it('returns one message by id, for refreshing a status in place', async () => {
    const conv = await conversationWith('+5511987650001');
    const [first] = await messagesOf(conv.id);
    const one = await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages/${first.id}`);
    expect(one.json()).toMatchObject({ id: first.id, text: first.text });
    const other = await conversationWith('+5511987650002');
    expect(
      (await owner.get(`/api/v1/orgs/${orgId}/conversations/${other.id}/messages/${first.id}`)).statusCode,
    ).toBe(404);
  });
});
