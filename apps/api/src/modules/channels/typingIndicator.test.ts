import {
  cloudPayloads,
  evolutionPayloads,
  type FakeCloudApi,
  type FakeEvolution,
  type FakeZapi,
  fakeWamid,
  signedCloudWebhook,
  startFakeCloudApi,
  startFakeEvolution,
  startFakeZapi,
  zapiPayloads,
} from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWithCompany } from '../../testing/company.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import type { TestClient } from '../../testing/session.ts';
import { waitFor } from '../../testing/wait.ts';

/** "digitando…" before AI bubbles, on every provider, through the fakes' real wire formats. */

let t: TestApp;
let zapi: FakeZapi;
let evolution: FakeEvolution;
let cloud: FakeCloudApi;
let owner: TestClient;
let orgId: string;

type Msg = { id: string; text: string | null; status: string; senderType: string };

beforeAll(async () => {
  [zapi, evolution, cloud] = await Promise.all([startFakeZapi(), startFakeEvolution(), startFakeCloudApi()]);
  t = await startTestApp();
  ({ owner, orgId } = await ownerWithCompany(t.app, t.platform));
});
afterAll(async () => {
  await t?.close();
  await Promise.all([zapi?.close(), evolution?.close(), cloud?.close()]);
});

async function createChannel(body: unknown) {
  const res = await owner.post(`/api/v1/orgs/${orgId}/channels`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; webhookUrl: string };
}
const conversationWith = (phone: string) =>
  waitFor(async () => {
    const list = (await owner.get(`/api/v1/orgs/${orgId}/conversations?view=all`)).json();
    return list.conversations.find((c: { contact: { phone: string } }) => c.contact.phone === phone) as
      | { id: string }
      | undefined;
  });
const messagesOf = async (conversationId: string) =>
  (await owner.get(`/api/v1/orgs/${orgId}/conversations/${conversationId}/messages`)).json()
    .messages as Msg[];
const acceptedOrDelivered = (conversationId: string, id: string) =>
  waitFor(
    async () =>
      (await messagesOf(conversationId)).find(
        (m) => m.id === id && (m.status === 'accepted' || m.status === 'delivered'),
      ),
    30_000,
    `message ${id} sent`,
  );

/** The AI's bubbles, queued as runs.ts dispatch does: each arrives after its own typing time. */
async function queueAiBubbles(conversationId: string, bubbles: Array<{ text: string; typingMs: number }>) {
  const ids: string[] = [];
  let delay = 0;
  for (const bubble of bubbles) {
    delay += bubble.typingMs;
    ids.push(
      await t.platform.outbox.queue({
        orgId,
        conversationId,
        senderType: 'ai',
        kind: 'text',
        text: bubble.text,
        notBefore: new Date(Date.now() + delay),
        typingMs: bubble.typingMs,
      }),
    );
  }
  return ids;
}
const sendAsSeller = async (conversationId: string, text: string) => {
  const res = await owner.post(`/api/v1/orgs/${orgId}/conversations/${conversationId}/messages`, { text });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

describe('Z-API: send-text with delayTyping', () => {
  let conversationId: string;
  beforeAll(async () => {
    const channel = await createChannel({ provider: 'zapi', name: 'Z-API', credentials: zapi.credentials });
    const url = new URL(channel.webhookUrl);
    await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      payload: JSON.stringify(zapiPayloads.receivedText({ phone: '5511987660001', text: 'Oi' })),
      headers: { 'content-type': 'application/json' },
    });
    conversationId = (await conversationWith('+5511987660001')).id;
  });

  it('asks Z-API to show "typing…" for the bubble, in whole seconds', async () => {
    const [id] = await queueAiBubbles(conversationId, [{ text: 'Oi! Tudo bem?', typingMs: 2300 }]);
    await acceptedOrDelivered(conversationId, id);
    expect(zapi.sent.find((s) => s.message === 'Oi! Tudo bem?')).toMatchObject({
      method: 'send-text',
      phone: '5511987660001',
      delayTyping: 2,
    });
  });

  it('sends a human seller’s message without typing', async () => {
    const id = await sendAsSeller(conversationId, 'Aqui é a Ana, do comercial');
    await acceptedOrDelivered(conversationId, id);
    const onWire = zapi.sent.find((s) => s.message === 'Aqui é a Ana, do comercial');
    expect(onWire).toBeDefined();
    expect(onWire!.body).not.toHaveProperty('delayTyping');
  });
});

describe('Evolution: sendText with delay', () => {
  let conversationId: string;
  beforeAll(async () => {
    const channel = await createChannel({
      provider: 'evolution',
      name: 'Evo',
      credentials: evolution.credentials,
    });
    const url = new URL(channel.webhookUrl);
    await t.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      payload: JSON.stringify(evolutionPayloads.upsertText({ phone: '5521987660002', text: 'Olá' })),
      headers: { 'content-type': 'application/json' },
    });
    conversationId = (await conversationWith('+5521987660002')).id;
  });

  it('asks Evolution to show presence "composing" for the bubble’s typing time', async () => {
    const [id] = await queueAiBubbles(conversationId, [{ text: 'Posso ajudar?', typingMs: 1200 }]);
    await acceptedOrDelivered(conversationId, id);
    expect(evolution.sent.find((s) => s.text === 'Posso ajudar?')).toMatchObject({
      route: 'sendText',
      number: '5521987660002',
      delay: 1200,
    });
  });

  it('sends a human seller’s message without typing', async () => {
    const id = await sendAsSeller(conversationId, 'Sou o Bruno, vendedor');
    await acceptedOrDelivered(conversationId, id);
    const onWire = evolution.sent.find((s) => s.text === 'Sou o Bruno, vendedor');
    expect(onWire).toBeDefined();
    expect(onWire!.body).not.toHaveProperty('delay');
  });
});

describe('Cloud API: typing indicator on the lead’s last message', () => {
  let channel: { id: string; webhookUrl: string };
  let conversationId: string;
  const leadWamid = fakeWamid();

  beforeAll(async () => {
    channel = await createChannel({ provider: 'cloud', name: 'Oficial', credentials: cloud.credentials });
    const signed = signedCloudWebhook(
      cloud.credentials.appSecret,
      cloudPayloads.text({ from: '5511987660003', id: leadWamid, text: 'Quero saber o preço' }),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: new URL(channel.webhookUrl).pathname,
      payload: signed.rawBody,
      headers: signed.headers,
    });
    expect(res.statusCode).toBe(200);
    conversationId = (await conversationWith('+5511987660003')).id;
  });

  it('shows "typing…" before each bubble, once the bubble before it is out, and keeps their order', async () => {
    const readsBefore = cloud.reads.length;
    const ids = await queueAiBubbles(conversationId, [
      { text: 'Claro!', typingMs: 1000 },
      { text: 'O plano básico custa R$ 99,90 por mês.', typingMs: 1500 },
    ]);
    for (const id of ids) await acceptedOrDelivered(conversationId, id);

    const typing = cloud.reads.slice(readsBefore);
    expect(typing).toHaveLength(2);
    for (const read of typing) {
      expect(read.body).toEqual({
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: leadWamid,
        typing_indicator: { type: 'text' },
      });
    }
    const sendAt = (text: string) =>
      cloud.requests.find((r) => (r.body as { text?: { body?: string } })?.text?.body === text)!.receivedAt;
    const first = sendAt('Claro!');
    const second = sendAt('O plano básico custa R$ 99,90 por mês.');
    // typing → bubble 1 → typing → bubble 2, each bubble a typing time after its indicator.
    expect(typing[0].receivedAt).toBeLessThanOrEqual(first);
    expect(first - typing[0].receivedAt).toBeGreaterThanOrEqual(900);
    expect(typing[1].receivedAt).toBeGreaterThanOrEqual(first);
    expect(second - typing[1].receivedAt).toBeGreaterThanOrEqual(1400);
    // The message itself carries nothing about typing.
    expect(cloud.sent.find((s) => s.text === 'Claro!')!.body).not.toHaveProperty('typing_indicator');
  });

  it('still sends the bubble when the typing call fails', async () => {
    const readsBefore = cloud.reads.length;
    cloud.failNext(1, { status: 500, error: { code: 1, message: 'An unknown error occurred' } });
    const [id] = await queueAiBubbles(conversationId, [{ text: 'Mesmo assim chega.', typingMs: 1000 }]);
    await acceptedOrDelivered(conversationId, id);
    expect(cloud.sent.find((s) => s.text === 'Mesmo assim chega.')).toMatchObject({ type: 'text' });
    expect(cloud.reads.length).toBe(readsBefore);
  });

  it('sends a human seller’s message without a typing indicator', async () => {
    const readsBefore = cloud.reads.length;
    const id = await sendAsSeller(conversationId, 'Oi, sou a Carla');
    await acceptedOrDelivered(conversationId, id);
    expect(cloud.sent.find((s) => s.text === 'Oi, sou a Carla')).toBeDefined();
    expect(cloud.reads.length).toBe(readsBefore);
  });
});

describe('sandbox: the simulator has no provider typing, the bubble still waits its typing time', () => {
  it('delivers the AI bubble about when it was planned, not earlier', async () => {
    const channel = await createChannel({ provider: 'sandbox', name: 'Simulador' });
    const res = await owner.post(`/api/v1/orgs/${orgId}/channels/${channel.id}/sandbox/messages`, {
      leadPhone: '5511987660004',
      leadName: 'Dora',
      text: 'Oi',
    });
    expect(res.statusCode, res.body).toBe(202);
    const conversationId = (await conversationWith('+5511987660004')).id;
    const queuedAt = Date.now();
    const [id] = await queueAiBubbles(conversationId, [{ text: 'Oi, Dora!', typingMs: 1500 }]);
    await acceptedOrDelivered(conversationId, id);
    expect(Date.now() - queuedAt).toBeGreaterThanOrEqual(1400);
  });
});
