import { HumanMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI, { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderAudioFixture } from '../audioFixtures.ts';
import { renderTextImage } from '../textImage.ts';
import { type FakeOpenAI, startFakeOpenAI } from './fakeOpenAI.ts';
import { FAKE_OPENAI_DEFAULT_TRANSCRIPT } from './fakeOpenAIAudio.ts';
import { imageContentParts } from './imageContentParts.ts';

let fake: FakeOpenAI;
let client: OpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
  client = new OpenAI({ apiKey: fake.apiKey, baseURL: fake.url, maxRetries: 0 });
});

afterEach(async () => {
  await fake.close();
});

describe('fake OpenAI audio transcriptions with the official SDK', () => {
  it('receives the multipart upload and answers the scripted transcript in the json shape', async () => {
    const audio = await renderAudioFixture({ format: 'ogg', seconds: 1 });
    fake.audio.scriptTranscriptions({ text: 'Quero saber o preço do plano anual' });

    const result = await client.audio.transcriptions.create({
      file: await toFile(audio, 'voice.ogg', { type: 'audio/ogg' }),
      model: 'gpt-4o-transcribe',
      language: 'pt',
    });

    expect(result.text).toBe('Quero saber o preço do plano anual');
    expect(result).toMatchObject({ usage: { type: 'tokens' } });
    const [request] = fake.audio.transcriptionRequests;
    expect(request).toMatchObject({
      model: 'gpt-4o-transcribe',
      language: 'pt',
      fileName: 'voice.ogg',
      fileType: 'audio/ogg',
    });
    expect(request.fileBytes?.equals(audio)).toBe(true);
  });

  it('falls back to the default transcript, and answers plain text when asked', async () => {
    const audio = await renderAudioFixture({ format: 'mp3', seconds: 1 });
    const text = await client.audio.transcriptions.create({
      file: await toFile(audio, 'a.mp3'),
      model: 'whisper-1',
      response_format: 'text',
    });
    expect(String(text).trim()).toBe(FAKE_OPENAI_DEFAULT_TRANSCRIPT);
  });

  it('rejects a file extension OpenAI does not take, and plays scripted errors', async () => {
    const audio = await renderAudioFixture({ format: 'amr', seconds: 1 });
    await expect(
      client.audio.transcriptions.create({ file: await toFile(audio, 'note.amr'), model: 'whisper-1' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Invalid file format') });

    fake.audio.scriptTranscriptions({ error: { status: 429 } });
    await expect(
      client.audio.transcriptions.create({ file: await toFile(audio, 'note.ogg'), model: 'whisper-1' }),
    ).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
  });

  it('requires the API key, like every route of the fake', async () => {
    const res = await fetch(`${fake.url}/audio/transcriptions`, { method: 'POST', body: new FormData() });
    expect(res.status).toBe(401);
  });
});

describe('fake OpenAI speech', () => {
  it('answers real MP3 bytes and records the request', async () => {
    const response = await client.audio.speech.create({
      model: 'gpt-4o-mini-tts',
      voice: 'coral',
      input: 'Olá! Seu pedido já saiu para entrega.',
      instructions: 'Tom cordial',
    });
    const bytes = Buffer.from(await response.arrayBuffer());

    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    // MPEG audio: an ID3 tag or a frame sync.
    expect(bytes.subarray(0, 3).toString('latin1') === 'ID3' || bytes[0] === 0xff).toBe(true);
    expect(fake.audio.speechRequests[0]).toMatchObject({
      model: 'gpt-4o-mini-tts',
      voice: 'coral',
      responseFormat: 'mp3',
      instructions: 'Tom cordial',
    });
  });

  it('answers OGG/Opus for response_format opus, and OpenAI-style errors', async () => {
    const opus = await client.audio.speech.create({
      model: 'tts-1',
      voice: 'alloy',
      input: 'Oi',
      response_format: 'opus',
    });
    expect(
      Buffer.from(await opus.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('OggS');

    await expect(
      client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'x'.repeat(4097) }),
    ).rejects.toMatchObject({ status: 400, code: 'string_above_max_length' });

    fake.audio.scriptSpeech({ error: { status: 500 } });
    await expect(
      client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'Oi' }),
    ).rejects.toMatchObject({
      status: 500,
    });
  });
});

describe('fake OpenAI chat with images', () => {
  it('accepts image content parts and lets tests read the image that arrived', async () => {
    const png = await renderTextImage(['Tabela de preços']);
    fake.script({ content: 'Uma tabela de preços.' });
    const model = new ChatOpenAI({
      model: 'gpt-4.1-mini',
      apiKey: fake.apiKey,
      configuration: { baseURL: fake.url },
    });

    const reply = await model.invoke([
      new HumanMessage({
        content: [
          { type: 'text', text: 'O que é isto?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
        ],
      }),
    ]);

    expect(reply.content).toBe('Uma tabela de preços.');
    const [image] = imageContentParts(fake.lastRequest()?.messages ?? []);
    expect(image.mimeType).toBe('image/png');
    expect(image.bytes?.equals(png)).toBe(true);
  });

  it('refuses bytes that are not an image, with OpenAI’s invalid_image_format', async () => {
    const model = new ChatOpenAI({
      model: 'gpt-4.1-mini',
      apiKey: fake.apiKey,
      configuration: { baseURL: fake.url },
      maxRetries: 0,
    });
    await expect(
      model.invoke([
        new HumanMessage({
          content: [
            {
              type: 'image_url',
              image_url: { url: `data:image/png;base64,${Buffer.from('nope').toString('base64')}` },
            },
          ],
        }),
      ]),
    ).rejects.toMatchObject({ status: 400 });
  });
});
