import {
  type FakeElevenLabs,
  makePdf,
  renderAudioFixture,
  renderTextImage,
  startFakeElevenLabs,
} from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../testing/multipart.ts';
import { useSandboxAgent } from '../../testing/sandboxAgent.ts';
import { waitFor } from '../../testing/wait.ts';

let eleven: FakeElevenLabs;
beforeAll(async () => {
  eleven = await startFakeElevenLabs();
});
afterAll(() => eleven?.close());
const sandbox = useSandboxAgent({
  company: 'Solar Sul Energia',
  agent: {
    name: 'Sol',
    voiceReply: 'when_lead_audio',
    replyStyle: { splitMessages: true, maxMessagesPerTurn: 3, typingDelay: false },
  },
  env: () => ({ ELEVENLABS_API_KEY: eleven.apiKey, ELEVENLABS_BASE_URL: eleven.url }),
});
const { api, messagesOf } = sandbox;

async function upload(fileName: string, mimeType: string, data: Buffer): Promise<string> {
  const { body, headers } = multipartBody({}, { fileName, mimeType, data });
  const res = await sandbox.owner.request('POST', api('/uploads'), body, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
/** The lead sends a file (and optionally a caption) from the simulator; returns the conversation. */
async function leadSendsFile(file: { fileName: string; mimeType: string; data: Buffer }, text?: string) {
  const uploadId = await upload(file.fileName, file.mimeType, file.data);
  return sandbox.conversationOf(await sandbox.leadSends({ uploadId, text }));
}
const aiMessages = (conversationId: string, count = 1) =>
  waitFor(async () => {
    const ai = (await messagesOf(conversationId)).filter((m) => m.senderType === 'ai');
    return ai.length >= count ? ai : undefined;
  }, 20_000);
const leadMessage = async (conversationId: string) =>
  (await messagesOf(conversationId)).find((m) => m.direction === 'inbound')!;
/** What the model was shown as the lead's last message. */
const lastLeadTextSeen = () => {
  const messages = sandbox.llm.requests.at(-1)!.messages;
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
    const noConsent = await sandbox.owner.request('POST', api('/voices'), refused.body, refused.headers);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.message).toMatch(/consentimento/);
    expect(eleven.addVoiceRequests).toHaveLength(0);

    const form = multipartBody(
      { name: 'Voz do Paulo', speakerName: 'Paulo Souza', consent: 'true' },
      { name: 'samples', fileName: 'paulo.mp3', mimeType: 'audio/mpeg', data: sample },
    );
    const cloned = await sandbox.owner.request('POST', api('/voices'), form.body, form.headers);
    expect(cloned.statusCode, cloned.body).toBe(201);
    expect(cloned.json()).toMatchObject({
      name: 'Voz do Paulo',
      provider: 'elevenlabs',
      consent: { speakerName: 'Paulo Souza', recordedByName: expect.any(String) },
    });
    expect(eleven.addVoiceRequests[0].files[0].bytes.equals(sample)).toBe(true);
    const preview = await sandbox.owner.post(api(`/voices/${cloned.json().id}/preview`), {
      text: 'Oi, tudo bem?',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/audio\/ogg/);
    expect(preview.rawPayload.subarray(0, 4).toString()).toBe('OggS');
    await sandbox.owner.patch(api(`/agents/${sandbox.agentId}`), { voiceId: cloned.json().id });
  });

  it('transcribes a lead voice note, shows the transcript, and answers with a voice note in the chosen voice', async () => {
    sandbox.llm.audio.scriptTranscriptions({ text: 'Quanto custa o kit solar pequeno?' });
    sandbox.llm.script({
      content: 'O kit pequeno sai por R$ 14.900, instalado.\n\nQuer que eu simule a economia?',
    });
    const voiceNote = await renderAudioFixture({ format: 'ogg', seconds: 2 });
    const conv = await leadSendsFile({
      fileName: 'audio.ogg',
      mimeType: 'audio/ogg; codecs=opus',
      data: voiceNote,
    });
    const [reply] = await aiMessages(conv.id);
    expect(await leadMessage(conv.id)).toMatchObject({
      kind: 'audio',
      understanding: { status: 'done', source: 'transcription', text: 'Quanto custa o kit solar pequeno?' },
    });
    expect(sandbox.llm.audio.transcriptionRequests[0]).toMatchObject({
      model: 'gpt-4o-transcribe',
      language: 'pt',
    });
    expect(lastLeadTextSeen()).toContain('Quanto custa o kit solar pequeno?');
    // The answer is one voice note (PTT), spoken by the cloned voice, its text shown under it.
    expect(reply).toMatchObject({
      kind: 'audio',
      media: { voice: true, mimeType: 'audio/ogg; codecs=opus' },
      understanding: { status: 'done', text: expect.stringContaining('R$ 14.900') },
    });
    const voiceId = (await sandbox.owner.get(api('/voices'))).json().voices[0].providerVoiceId;
    expect(eleven.ttsRequests.at(-1)).toMatchObject({
      voiceId,
      text: expect.stringContaining('simule a economia'),
    });
    const audio = await sandbox.owner.get(reply.media.url);
    expect(audio.rawPayload.subarray(0, 4).toString()).toBe('OggS');
  });

  it('answers a silent or broken voice note politely, without the model, and tells the seller why', async () => {
    const before = sandbox.llm.requests.length;
    const silent = await renderAudioFixture({ format: 'ogg', seconds: 2, silent: true });
    const conv = await leadSendsFile({ fileName: 'audio.ogg', mimeType: 'audio/ogg', data: silent });
    const [reply] = await aiMessages(conv.id);
    expect(reply.kind).toBe('text');
    expect(reply.text).toMatch(/sem som/);
    expect((await leadMessage(conv.id)).understanding).toMatchObject({ status: 'failed', error: reply.text });

    const broken = await leadSendsFile({
      fileName: 'audio.ogg',
      mimeType: 'audio/ogg',
      data: Buffer.from('OggS quebrado'),
    });
    const [again] = await aiMessages(broken.id);
    expect(again.text).toMatch(/defeito|abrir|ouvir/);
    expect(sandbox.llm.requests.length).toBe(before);
    expect((await sandbox.owner.get(api(`/conversations/${broken.id}`))).json().aiActive).toBe(true);
  });
});

describe('images and documents', () => {
  it('reads the text of a photo with Portuguese OCR when there is no vision model', async () => {
    sandbox.llm.script({ content: 'Recebi seu orçamento! Vou conferir os valores.' });
    const image = await renderTextImage(['Orçamento válido até sexta-feira', 'Total: R$ 980,00']);
    const conv = await leadSendsFile(
      { fileName: 'foto.png', mimeType: 'image/png', data: image },
      'olha isso',
    );
    await aiMessages(conv.id);
    const lead = await leadMessage(conv.id);
    expect(lead.understanding).toMatchObject({ status: 'done', source: 'ocr' });
    expect(lead.understanding.text).toMatch(/Or.amento v.lido/);
    expect(lastLeadTextSeen()).toMatch(/olha isso[\s\S]*Or.amento/);
  });

  it('describes a photo with the vision model once one is configured', async () => {
    await sandbox.owner.put(api('/ai-settings'), {
      models: { vision: { provider: 'openai', name: 'gpt-4.1-mini' } },
    });
    sandbox.llm.script(
      { content: '{"descricao": "Foto de um telhado de cerâmica com cerca de 40 m².", "texto": ""}' },
      { content: 'Esse telhado comporta bem um kit de 6 kWp!' },
    );
    const photo = await renderTextImage(['telhado'], { format: 'jpeg' });
    const conv = await leadSendsFile({ fileName: 'telhado.jpg', mimeType: 'image/jpeg', data: photo });
    const [reply] = await aiMessages(conv.id);
    expect(reply.text).toBe('Esse telhado comporta bem um kit de 6 kWp!');
    expect((await leadMessage(conv.id)).understanding).toMatchObject({
      source: 'vision',
      text: 'Foto de um telhado de cerâmica com cerca de 40 m².',
    });
    const visionCall = sandbox.llm.requests.at(-2)!;
    expect(JSON.stringify(visionCall.messages)).toContain('data:image/jpeg;base64,');
    await sandbox.owner.put(api('/ai-settings'), { models: { vision: null } });
  });

  it('extracts the text of a PDF the lead sends into the agent context', async () => {
    sandbox.llm.script({ content: 'Vi sua conta de luz: 450 kWh por mês. Um kit de 3 kWp resolve!' });
    const pdf = await makePdf({
      pages: [{ heading: 'Conta de energia', paragraphs: ['Consumo do mês: 450 kWh. Valor: R$ 412,30.'] }],
    });
    const conv = await leadSendsFile({ fileName: 'conta.pdf', mimeType: 'application/pdf', data: pdf });
    await aiMessages(conv.id);
    expect((await leadMessage(conv.id)).understanding).toMatchObject({ status: 'done', source: 'document' });
    expect(lastLeadTextSeen()).toMatch(/conta\.pdf[\s\S]*450 kWh/);
  });
});
