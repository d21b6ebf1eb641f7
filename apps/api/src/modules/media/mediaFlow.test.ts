import {
  type FakeElevenLabs,
  type FakeOpenAI,
  makePdf,
  renderAudioFixture,
  renderTextImage,
  startFakeElevenLabs,
  startFakeOpenAI,
} from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWithCompany } from '../../testing/company.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import type { ApiJson } from '../../testing/json.ts';
import { multipartBody } from '../../testing/multipart.ts';
import type { TestClient } from '../../testing/session.ts';
import { waitFor } from '../../testing/wait.ts';

let t: TestApp;
let llm: FakeOpenAI;
let eleven: FakeElevenLabs;
let owner: TestClient;
let orgId: string;
let channelId: string;
let agentId: string;
let leadSeq = 0;

beforeAll(async () => {
  llm = await startFakeOpenAI();
  eleven = await startFakeElevenLabs();
  t = await startTestApp({
    OPENAI_API_KEY: llm.apiKey,
    OPENAI_BASE_URL: llm.url,
    ELEVENLABS_API_KEY: eleven.apiKey,
    ELEVENLABS_BASE_URL: eleven.url,
  });
  ({ owner, orgId } = await ownerWithCompany(t.app, t.platform, 'Solar Sul Energia'));
  channelId = (await owner.post(api('/channels'), { provider: 'sandbox', name: 'Playground' })).json().id;
  const agent = await owner.post(api('/agents'), {
    name: 'Sol',
    mode: 'piloto',
    debounceSeconds: 0,
    channelIds: [channelId],
    model: { provider: 'openai', name: 'gpt-4.1-mini' },
    voiceReply: 'when_lead_audio',
    replyStyle: { splitMessages: true, maxMessagesPerTurn: 3, typingDelay: false },
  });
  expect(agent.statusCode, agent.body).toBe(201);
  agentId = agent.json().id;
});
afterAll(async () => {
  await t?.close();
  await llm?.close();
  await eleven?.close();
});

function api(path: string) {
  return `/api/v1/orgs/${orgId}${path}`;
}
async function upload(fileName: string, mimeType: string, data: Buffer): Promise<string> {
  const { body, headers } = multipartBody({}, { fileName, mimeType, data });
  const res = await owner.request('POST', api('/uploads'), body, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** The lead sends a file (and optionally a caption) from the simulator; returns the conversation. */
async function leadSends(file: { fileName: string; mimeType: string; data: Buffer }, text?: string) {
  const phone = `+55519871${String(++leadSeq).padStart(5, '0')}`;
  const uploadId = await upload(file.fileName, file.mimeType, file.data);
  const res = await owner.post(api(`/channels/${channelId}/sandbox/messages`), {
    leadPhone: phone,
    leadName: `Lead ${leadSeq}`,
    uploadId,
    ...(text ? { text } : {}),
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitFor(async () => {
    const list = (await owner.get(api('/conversations?view=all'))).json().conversations as ApiJson[];
    return list.find((c) => c.contact.phone === phone);
  });
}
const messagesOf = async (conversationId: string): Promise<ApiJson[]> =>
  (await owner.get(api(`/conversations/${conversationId}/messages`))).json().messages;
const aiMessages = (conversationId: string, count = 1) =>
  waitFor(async () => {
    const ai = (await messagesOf(conversationId)).filter((m) => m.senderType === 'ai');
    return ai.length >= count ? ai : undefined;
  }, 20_000);
const leadMessage = async (conversationId: string) =>
  (await messagesOf(conversationId)).find((m) => m.direction === 'inbound')!;
/** What the model was shown as the lead's last message. */
const lastLeadTextSeen = () => {
  const messages = llm.requests.at(-1)!.messages;
  const user = [...messages].reverse().find((m) => m.role === 'user')!;
  return typeof user.content === 'string' ? user.content : JSON.stringify(user.content);
};

describe('voice notes', () => {
  it('clones a voice only with consent, and previews it', async () => {
    const sample = await renderAudioFixture({ format: 'mp3', seconds: 2 });
    const refused = multipartBody(
      { name: 'Voz do Paulo', speakerName: 'Paulo Souza' },
      { name: 'samples', fileName: 'paulo.mp3', mimeType: 'audio/mpeg', data: sample },
    );
    const noConsent = await owner.request('POST', api('/voices'), refused.body, refused.headers);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.message).toMatch(/consentimento/);
    expect(eleven.addVoiceRequests).toHaveLength(0);

    const form = multipartBody(
      { name: 'Voz do Paulo', speakerName: 'Paulo Souza', consent: 'true' },
      { name: 'samples', fileName: 'paulo.mp3', mimeType: 'audio/mpeg', data: sample },
    );
    const cloned = await owner.request('POST', api('/voices'), form.body, form.headers);
    expect(cloned.statusCode, cloned.body).toBe(201);
    expect(cloned.json()).toMatchObject({
      name: 'Voz do Paulo',
      provider: 'elevenlabs',
      consent: { speakerName: 'Paulo Souza', recordedByName: expect.any(String) },
    });
    expect(eleven.addVoiceRequests[0].files[0].bytes.equals(sample)).toBe(true);
    const preview = await owner.post(api(`/voices/${cloned.json().id}/preview`), { text: 'Oi, tudo bem?' });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/audio\/ogg/);
    expect(preview.rawPayload.subarray(0, 4).toString()).toBe('OggS');
    await owner.patch(api(`/agents/${agentId}`), { voiceId: cloned.json().id });
  });

  it('transcribes a lead voice note, shows the transcript, and answers with a voice note in the chosen voice', async () => {
    llm.audio.scriptTranscriptions({ text: 'Quanto custa o kit solar pequeno?' });
    llm.script({ content: 'O kit pequeno sai por R$ 14.900, instalado.\n\nQuer que eu simule a economia?' });
    const voiceNote = await renderAudioFixture({ format: 'ogg', seconds: 2 });
    const conv = await leadSends({
      fileName: 'audio.ogg',
      mimeType: 'audio/ogg; codecs=opus',
      data: voiceNote,
    });
    const [reply] = await aiMessages(conv.id);
    expect(await leadMessage(conv.id)).toMatchObject({
      kind: 'audio',
      understanding: { status: 'done', source: 'transcription', text: 'Quanto custa o kit solar pequeno?' },
    });
    expect(llm.audio.transcriptionRequests[0]).toMatchObject({ model: 'gpt-4o-transcribe', language: 'pt' });
    expect(lastLeadTextSeen()).toContain('Quanto custa o kit solar pequeno?');
    // The answer is one voice note (PTT), spoken by the cloned voice, its text shown under it.
    expect(reply).toMatchObject({
      kind: 'audio',
      media: { voice: true, mimeType: 'audio/ogg; codecs=opus' },
      understanding: { status: 'done', text: expect.stringContaining('R$ 14.900') },
    });
    const voiceId = (await owner.get(api('/voices'))).json().voices[0].providerVoiceId;
    expect(eleven.ttsRequests.at(-1)).toMatchObject({
      voiceId,
      text: expect.stringContaining('simule a economia'),
    });
    const audio = await owner.get(reply.media.url);
    expect(audio.rawPayload.subarray(0, 4).toString()).toBe('OggS');
  });

  it('answers a silent or broken voice note politely, without the model, and tells the seller why', async () => {
    const before = llm.requests.length;
    const silent = await renderAudioFixture({ format: 'ogg', seconds: 2, silent: true });
    const conv = await leadSends({ fileName: 'audio.ogg', mimeType: 'audio/ogg', data: silent });
    const [reply] = await aiMessages(conv.id);
    expect(reply.kind).toBe('text');
    expect(reply.text).toMatch(/sem som/);
    expect((await leadMessage(conv.id)).understanding).toMatchObject({ status: 'failed', error: reply.text });

    const broken = await leadSends({
      fileName: 'audio.ogg',
      mimeType: 'audio/ogg',
      data: Buffer.from('OggS quebrado'),
    });
    const [again] = await aiMessages(broken.id);
    expect(again.text).toMatch(/defeito|abrir|ouvir/);
    expect(llm.requests.length).toBe(before);
    expect((await owner.get(api(`/conversations/${broken.id}`))).json().aiActive).toBe(true);
  });
});

describe('images and documents', () => {
  it('reads the text of a photo with Portuguese OCR when there is no vision model', async () => {
    llm.script({ content: 'Recebi seu orçamento! Vou conferir os valores.' });
    const image = await renderTextImage(['Orçamento válido até sexta-feira', 'Total: R$ 980,00']);
    const conv = await leadSends({ fileName: 'foto.png', mimeType: 'image/png', data: image }, 'olha isso');
    await aiMessages(conv.id);
    const lead = await leadMessage(conv.id);
    expect(lead.understanding).toMatchObject({ status: 'done', source: 'ocr' });
    expect(lead.understanding.text).toMatch(/Or.amento v.lido/);
    expect(lastLeadTextSeen()).toMatch(/olha isso[\s\S]*Or.amento/);
  });

  it('describes a photo with the vision model once one is configured', async () => {
    await owner.put(api('/ai-settings'), {
      models: { vision: { provider: 'openai', name: 'gpt-4.1-mini' } },
    });
    llm.script(
      { content: '{"descricao": "Foto de um telhado de cerâmica com cerca de 40 m².", "texto": ""}' },
      { content: 'Esse telhado comporta bem um kit de 6 kWp!' },
    );
    const photo = await renderTextImage(['telhado'], { format: 'jpeg' });
    const conv = await leadSends({ fileName: 'telhado.jpg', mimeType: 'image/jpeg', data: photo });
    const [reply] = await aiMessages(conv.id);
    expect(reply.text).toBe('Esse telhado comporta bem um kit de 6 kWp!');
    expect((await leadMessage(conv.id)).understanding).toMatchObject({
      source: 'vision',
      text: 'Foto de um telhado de cerâmica com cerca de 40 m².',
    });
    const visionCall = llm.requests.at(-2)!;
    expect(JSON.stringify(visionCall.messages)).toContain('data:image/jpeg;base64,');
    await owner.put(api('/ai-settings'), { models: { vision: null } });
  });

  it('extracts the text of a PDF the lead sends into the agent context', async () => {
    llm.script({ content: 'Vi sua conta de luz: 450 kWh por mês. Um kit de 3 kWp resolve!' });
    const pdf = await makePdf({
      pages: [{ heading: 'Conta de energia', paragraphs: ['Consumo do mês: 450 kWh. Valor: R$ 412,30.'] }],
    });
    const conv = await leadSends({ fileName: 'conta.pdf', mimeType: 'application/pdf', data: pdf });
    await aiMessages(conv.id);
    expect((await leadMessage(conv.id)).understanding).toMatchObject({ status: 'done', source: 'document' });
    expect(lastLeadTextSeen()).toMatch(/conta\.pdf[\s\S]*450 kWh/);
  });
});
