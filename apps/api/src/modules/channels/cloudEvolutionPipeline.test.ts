import {
  cloudPayloads,
  evolutionPayloads,
  type FakeCloudApi,
  type FakeEvolution,
  signedCloudWebhook,
  startFakeCloudApi,
  startFakeEvolution,
} from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWithCompany } from '../../testing/company.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import type { TestClient } from '../../testing/session.ts';
import { waitFor } from '../../testing/wait.ts';

let t: TestApp;
let cloud: FakeCloudApi;
let evolution: FakeEvolution;
let owner: TestClient;
let orgId: string;

type Msg = { id: string; text: string | null; status: string; senderType: string; direction: string };

beforeAll(async () => {
  [cloud, evolution] = await Promise.all([startFakeCloudApi(), startFakeEvolution()]);
  t = await startTestApp();
  ({ owner, orgId } = await ownerWithCompany(t.app, t.platform));
});
afterAll(async () => {
  await t?.close();
  await cloud?.close();
  await evolution?.close();
});

async function createChannel(body: unknown) {
  const res = await owner.post(`/api/v1/orgs/${orgId}/channels`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; webhookUrl: string };
}
const conversationWith = (phone: string) =>
  waitFor(async () => {
    const list = (await owner.get(`/api/v1/orgs/${orgId}/conversations`)).json();
    return list.conversations.find((c: { contact: { phone: string } }) => c.contact.phone === phone) as
      | { id: string }
      | undefined;
  });
const messagesOf = async (conversationId: string) =>
  (await owner.get(`/api/v1/orgs/${orgId}/conversations/${conversationId}/messages`)).json()
    .messages as Msg[];

describe('Meta WhatsApp Cloud API channel', () => {
  let channel: { id: string; webhookUrl: string };
  beforeAll(async () => {
    channel = await createChannel({ provider: 'cloud', name: 'Oficial', credentials: cloud.credentials });
  });

  it('answers the verification handshake only with the right verify token', async () => {
    const path = new URL(channel.webhookUrl).pathname;
    const ok = await t.app.inject({
      method: 'GET',
      url: `${path}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(cloud.credentials.verifyToken)}&hub.challenge=1158201444`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const bad = await t.app.inject({
      method: 'GET',
      url: `${path}?hub.mode=subscribe&hub.verify_token=errado&hub.challenge=1`,
    });
    expect(bad.statusCode).toBe(403);
  });

  it('accepts only correctly signed webhooks, then answers the lead through the Graph API', async () => {
    const path = new URL(channel.webhookUrl).pathname;
    const payload = cloudPayloads.text({ from: '551187652222', text: 'Quero um orçamento', name: 'Paulo' });
    const forged = await t.app.inject({
      method: 'POST',
      url: path,
      payload: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=deadbeef' },
    });
    expect(forged.statusCode).toBe(401);

    const signed = signedCloudWebhook(cloud.credentials.appSecret, payload);
    const res = await t.app.inject({
      method: 'POST',
      url: path,
      payload: signed.rawBody,
      headers: signed.headers,
    });
    expect(res.statusCode).toBe(200);
    // A 12-digit Brazilian wa_id is the same person as the 13-digit number.
    const conv = await conversationWith('+5511987652222');

    const reply = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, { text: 'Claro, Paulo!' })
    ).json();
    const accepted = await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.id === reply.id && m.status === 'accepted'),
    );
    const onWire = cloud.sent.find((s) => s.text === 'Claro, Paulo!');
    // Replies go to the raw id the provider gave us, never to the normalized number.
    expect(onWire).toMatchObject({ to: '551187652222', type: 'text' });

    const status = signedCloudWebhook(
      cloud.credentials.appSecret,
      cloudPayloads.status(onWire!.messageId, 'read'),
    );
    await t.app.inject({ method: 'POST', url: path, payload: status.rawBody, headers: status.headers });
    await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.id === accepted.id && m.status === 'read'),
    );
  });

  it('applies a burst of webhooks in one job; a status ahead of its message is retried without applying the rest twice', async () => {
    const path = new URL(channel.webhookUrl).pathname;
    const early = signedCloudWebhook(
      cloud.credentials.appSecret,
      cloudPayloads.status('wamid.ainda-nao-registrado', 'delivered'),
    );
    const text = signedCloudWebhook(
      cloud.credentials.appSecret,
      cloudPayloads.text({ from: '551187653333', text: 'Chegou junto', name: 'Joana' }),
    );
    const answers = await Promise.all(
      [early, text].map((w) =>
        t.app.inject({ method: 'POST', url: path, payload: w.rawBody, headers: w.headers }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const conv = await conversationWith('+5511987653333');
    // Both arrived within the writer's window: one job carries them, in arrival order.
    const { pool } = t.platform.database;
    const job = await waitFor(async () => {
      const { rows } = await pool.query(
        `select id, retry_count from pgboss.job
          where name = 'channel.webhook' and jsonb_array_length(data->'eventIds') = 2 and retry_count >= 1`,
      );
      return rows[0];
    });
    expect(job.retry_count).toBeGreaterThanOrEqual(1);
    // The retry skipped the message it had already applied.
    expect((await messagesOf(conv.id)).filter((m) => m.text === 'Chegou junto')).toHaveLength(1);
  });

  it('fails a message outside the 24-hour window with a reason a seller understands', async () => {
    const conv = await conversationWith('+5511987652222');
    cloud.failNext(1, { status: 400, error: { code: 131047, message: 'Re-engagement message' } });
    const reply = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, { text: 'Oi de novo' })
    ).json();
    const failed = await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.id === reply.id && m.status === 'failed'),
    );
    expect((failed as unknown as { statusDetail: string }).statusDetail).toMatch(/24 horas/);
  });

  it('sends a voice note recorded in the browser (WebM) as an OGG/Opus voice message', async () => {
    const { execFileSync } = await import('node:child_process');
    const { defaultFfmpegPath } = await import('../../platform/voiceNote.ts');
    const webm = execFileSync(defaultFfmpegPath(), [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=300:duration=1',
      '-c:a',
      'libopus',
      '-f',
      'webm',
      'pipe:1',
    ]);
    const conv = await conversationWith('+5511987652222');
    const boundary = '----voz';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gravacao.webm"\r\nContent-Type: audio/webm\r\n\r\n`,
      ),
      webm,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (
      await owner.request('POST', `/api/v1/orgs/${orgId}/uploads`, body, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      })
    ).json();
    // A new inbound message reopens the 24-hour window for the earlier test's failure.
    const signed = signedCloudWebhook(
      cloud.credentials.appSecret,
      cloudPayloads.text({ from: '551187652222', text: 'manda um áudio' }),
    );
    await t.app.inject({
      method: 'POST',
      url: `/webhooks/cloud/${(await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}`)).json().channel.id}`,
      payload: signed.rawBody,
      headers: signed.headers,
    });
    const sent = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, {
        uploadId: upload.id,
        voice: true,
        seconds: 1,
      })
    ).json();
    expect(sent).toMatchObject({ kind: 'audio', media: { voice: true, seconds: 1 } });
    await waitFor(
      async () => (await messagesOf(conv.id)).find((m) => m.id === sent.id && m.status === 'accepted'),
      30_000,
    );
    const onWire = cloud.sent.find((s) => s.type === 'audio');
    expect(onWire).toMatchObject({ voice: true });
    const uploaded = cloud.uploads.get(onWire!.mediaId!);
    expect(uploaded?.mimeType).toMatch(/^audio\/ogg/);
    expect(uploaded?.bytes.subarray(0, 4).toString()).toBe('OggS');
  });
});

describe('Evolution API channel', () => {
  let channel: { id: string; webhookUrl: string };
  beforeAll(async () => {
    channel = await createChannel({
      provider: 'evolution',
      name: 'Evolution',
      credentials: evolution.credentials,
      dailySendLimit: 500,
    });
  });

  const post = (body: unknown) => {
    const url = new URL(channel.webhookUrl);
    const secret = url.searchParams.get('token')!;
    // Evolution can send the secret as a custom header instead of in the URL.
    return t.app.inject({
      method: 'POST',
      url: url.pathname,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-webhook-secret': secret },
    });
  };

  it('merges a LID-only sender into the phone contact once a payload links them', async () => {
    const lid = '998877665544332@lid';
    expect(
      (await post(evolutionPayloads.upsertLidOnly({ lid, text: 'sou só um LID', pushName: 'Rita' })))
        .statusCode,
    ).toBe(200);
    const lidConv = await waitFor(async () => {
      const list = (await owner.get(`/api/v1/orgs/${orgId}/conversations`)).json();
      return list.conversations.find((c: { contact: { name: string } }) => c.contact.name === 'Rita') as
        | { id: string; contact: { id: string; phone: string | null } }
        | undefined;
    });
    expect(lidConv.contact.phone).toBeNull();

    await post(
      evolutionPayloads.upsertLidOnly({
        lid,
        phone: '5521987653333',
        text: 'agora com telefone',
        pushName: 'Rita',
      }),
    );
    const merged = await conversationWith('+5521987653333');
    expect(merged.id).toBe(lidConv.id);
    const texts = (
      await waitFor(async () => {
        const m = await messagesOf(merged.id);
        return m.length === 2 ? m : undefined;
      })
    ).map((m) => m.text);
    expect(texts).toEqual(['sou só um LID', 'agora com telefone']);
  });

  it('records a message typed on the phone as sent by a human, and the AI steps back', async () => {
    await post(evolutionPayloads.upsertText({ phone: '5521987654444', text: 'Olá, tudo bem?' }));
    const conv = await conversationWith('+5521987654444');
    expect((await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}`)).json().aiActive).toBe(true);
    await post(
      evolutionPayloads.upsertText({ phone: '5521987654444', text: 'Respondi pelo celular', fromMe: true }),
    );
    const phoneMsg = await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.text === 'Respondi pelo celular'),
    );
    expect(phoneMsg).toMatchObject({ direction: 'outbound', senderType: 'phone' });
    expect((await owner.get(`/api/v1/orgs/${orgId}/conversations/${conv.id}`)).json().aiActive).toBe(false);
  });

  it('ignores group traffic', async () => {
    const res = await post(evolutionPayloads.upsertGroup({ text: 'mensagem no grupo' }));
    expect(res.statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 800));
    const list = (await owner.get(`/api/v1/orgs/${orgId}/conversations?q=grupo`)).json();
    expect(list.conversations).toEqual([]);
  });

  it('sends a reply through Evolution and paces unofficial numbers', async () => {
    const conv = await conversationWith('+5521987654444');
    const a = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, { text: 'primeira' })
    ).json();
    const b = (
      await owner.post(`/api/v1/orgs/${orgId}/conversations/${conv.id}/messages`, { text: 'segunda' })
    ).json();
    await waitFor(async () => {
      const m = await messagesOf(conv.id);
      return [a.id, b.id].every((id) => m.find((x) => x.id === id)?.status === 'accepted') ? m : undefined;
    }, 30_000);
    const sends = evolution.requests.filter((r) => r.path.startsWith('/message/sendText'));
    expect(sends.map((r) => (r.body as { text: string }).text).slice(-2)).toEqual(['primeira', 'segunda']);
    expect((sends.at(-1)!.body as { number: string }).number).toBe('5521987654444');
    // Human-like spacing between automated sends from one unofficial number.
    expect(sends.at(-1)!.receivedAt - sends.at(-2)!.receivedAt).toBeGreaterThanOrEqual(1400);
  });
});
