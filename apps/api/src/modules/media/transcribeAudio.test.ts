import {
  type FakeHttpServer,
  jsonResponse,
  renderAudioFixture,
  startFakeHttpServer,
  startFakeOpenAI,
} from '@piloto/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { ProviderError } from '../../platform/httpClient.ts';
import { useMediaDeps } from '../../testing/mediaDeps.ts';
import { MediaError } from './mediaError.ts';
import { transcribeAudio } from './transcribeAudio.ts';

const media = useMediaDeps();
let voiceNote: Buffer;

beforeEach(async () => {
  voiceNote ??= await renderAudioFixture({ format: 'ogg', seconds: 2 });
});

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('transcribeAudio with OpenAI', () => {
  it('uploads the voice note as multipart with model and language, and returns the transcript', async () => {
    media.llm.audio.scriptTranscriptions({ text: '  Oi, vocês entregam em Campinas?  ' });

    const result = await transcribeAudio(media.deps, {
      audio: voiceNote,
      mimeType: 'audio/ogg; codecs=opus',
      engine: { provider: 'openai' },
      keys: {},
      prompt: 'Piloto de Vendas',
    });

    expect(result).toMatchObject({
      text: 'Oi, vocês entregam em Campinas?',
      silent: false,
      provider: 'openai',
      model: 'gpt-4o-transcribe',
    });
    expect(result.seconds).toBeCloseTo(2, 0);
    const [request] = media.llm.audio.transcriptionRequests;
    expect(request).toMatchObject({
      model: 'gpt-4o-transcribe',
      language: 'pt',
      prompt: 'Piloto de Vendas',
      responseFormat: 'json',
      fileName: 'audio.ogg',
      fileType: 'audio/ogg',
    });
    expect(request.fileBytes?.equals(voiceNote)).toBe(true);
    expect(request.headers.authorization).toBe(`Bearer ${media.llm.apiKey}`);
  });

  it('uses the company key over the server key, and an OpenAI-compatible endpoint with its own model', async () => {
    const wrongKey = await providerError(
      transcribeAudio(media.deps, {
        audio: voiceNote,
        engine: { provider: 'openai' },
        keys: { openaiApiKey: 'sk-da-empresa' },
      }),
    );
    expect(wrongKey).toMatchObject({ status: 401, retryable: false, service: 'openai' });
    expect(wrongKey.message).toContain('chave de API inválida');

    const compatible = await transcribeAudio(
      { ...media.deps, config: loadConfig({}) },
      {
        audio: voiceNote,
        engine: { provider: 'openai_compatible', name: 'whisper-large-v3' },
        keys: { compatibleBaseUrl: media.llm.url, compatibleApiKey: media.llm.apiKey },
      },
    );
    expect(compatible).toMatchObject({ provider: 'openai_compatible', model: 'whisper-large-v3' });
    expect(media.llm.audio.transcriptionRequests.at(-1)?.model).toBe('whisper-large-v3');
  });

  it('answers silence without calling the provider', async () => {
    const silence = await renderAudioFixture({ format: 'ogg', seconds: 2, silent: true });

    const result = await transcribeAudio(media.deps, {
      audio: silence,
      engine: { provider: 'openai' },
      keys: {},
    });

    expect(result).toMatchObject({ text: '', silent: true });
    expect(media.llm.audio.transcriptionRequests).toHaveLength(0);
  });

  it('treats an empty transcript, or subtitle credits Whisper invents for noise, as silence', async () => {
    media.llm.audio.scriptTranscriptions(
      { text: '' },
      { text: 'Legendas pela comunidade Amara.org' },
      { text: '[música]' },
    );
    for (let i = 0; i < 3; i++) {
      const result = await transcribeAudio(media.deps, {
        audio: voiceNote,
        engine: { provider: 'openai' },
        keys: {},
      });
      expect(result).toMatchObject({ text: '', silent: true });
    }
  });

  it('converts formats OpenAI does not take (AMR) to OGG/Opus before uploading', async () => {
    const amr = await renderAudioFixture({ format: 'amr', seconds: 1 });

    await transcribeAudio(media.deps, {
      audio: amr,
      mimeType: 'audio/amr',
      engine: { provider: 'openai' },
      keys: {},
    });

    const [request] = media.llm.audio.transcriptionRequests;
    expect(request.fileName).toBe('audio.ogg');
    expect(request.fileBytes?.subarray(0, 4).toString()).toBe('OggS');
  });

  it('refuses audio over the length limit with a pt-BR MediaError, before any call', async () => {
    const long = await renderAudioFixture({ format: 'ogg', seconds: 4 });

    const error = await transcribeAudio(media.deps, {
      audio: long,
      engine: { provider: 'openai' },
      keys: {},
      maxSeconds: 2,
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'too_long' });
    expect((error as MediaError).message).toContain('longo demais');
    expect(media.llm.audio.transcriptionRequests).toHaveLength(0);
  });

  it('turns provider failures into ProviderErrors that say whether to try again', async () => {
    media.llm.audio.scriptTranscriptions(
      { error: { status: 429, retryAfterSeconds: 2 } },
      { error: { status: 500 } },
      { error: { status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota' } },
      { error: { status: 400, message: 'Audio file is too short.', code: 'audio_too_short' } },
    );
    const call = () =>
      transcribeAudio(media.deps, { audio: voiceNote, engine: { provider: 'openai' }, keys: {} });

    expect(await providerError(call())).toMatchObject({ status: 429, retryable: true, retryAfterMs: 2000 });
    expect(await providerError(call())).toMatchObject({ status: 500, retryable: true });
    const quota = await providerError(call());
    expect(quota).toMatchObject({ code: 'insufficient_quota', retryable: false });
    expect(quota.message).toBe('OpenAI: créditos esgotados na conta — confira o plano e o saldo');
    const rejected = await providerError(call());
    expect(rejected).toMatchObject({ status: 400, code: 'audio_too_short', retryable: false });
    expect(rejected.message).toContain('Audio file is too short.');
  });

  it('fails clearly without a key, and retryably when the server cannot be reached', async () => {
    const noKey = await providerError(
      transcribeAudio(
        { ...media.deps, config: loadConfig({}) },
        { audio: voiceNote, engine: { provider: 'openai' }, keys: {} },
      ),
    );
    expect(noKey).toMatchObject({ code: 'not_configured', retryable: false });
    expect(noKey.message).toBe('Configure a chave de OpenAI em Configurações › IA para transcrever áudios');

    await media.llm.close();
    const down = await providerError(
      transcribeAudio(media.deps, { audio: voiceNote, engine: { provider: 'openai' }, keys: {} }),
    );
    expect(down.retryable).toBe(true);
    media.llm = await startFakeOpenAI(); // afterEach closes it
  });
});

describe('transcribeAudio with Gemini', () => {
  let gemini: FakeHttpServer;
  const geminiKey = 'gemini-test-key';
  let answer = { text: 'Quero agendar uma visita' };

  beforeEach(async () => {
    // Gemini's generateContent wire format: key in x-goog-api-key, text in candidates[].content.parts[].
    gemini = await startFakeHttpServer((request) => {
      if (request.headers['x-goog-api-key'] !== geminiKey) {
        return jsonResponse(400, {
          error: {
            code: 400,
            message: 'API key not valid. Please pass a valid API key.',
            status: 'INVALID_ARGUMENT',
          },
        });
      }
      return jsonResponse(200, {
        candidates: [{ content: { parts: [answer], role: 'model' }, finishReason: 'STOP', index: 0 }],
        usageMetadata: { promptTokenCount: 60, candidatesTokenCount: 6, totalTokenCount: 66 },
        modelVersion: 'gemini-2.5-flash',
      });
    });
    media.deps = {
      ...media.deps,
      config: loadConfig({ GEMINI_API_KEY: geminiKey, GEMINI_BASE_URL: gemini.url }),
    };
  });

  afterEach(async () => {
    await gemini.close();
  });

  it('sends the audio inline to generateContent and returns the text', async () => {
    answer = { text: 'Quero agendar uma visita\n' };

    const result = await transcribeAudio(media.deps, {
      audio: voiceNote,
      engine: { provider: 'gemini' },
      keys: {},
    });

    expect(result).toMatchObject({
      text: 'Quero agendar uma visita',
      provider: 'gemini',
      model: 'gemini-2.5-flash',
    });
    const [request] = gemini.requests;
    expect(request.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    const body = request.body as {
      contents: { parts: ({ text: string } | { inlineData: { mimeType: string; data: string } })[] }[];
    };
    const [instructions, audio] = body.contents[0].parts;
    expect(instructions).toMatchObject({ text: expect.stringContaining('Transcreva') });
    expect(audio).toMatchObject({ inlineData: { mimeType: 'audio/ogg' } });
    expect(
      Buffer.from((audio as { inlineData: { data: string } }).inlineData.data, 'base64').equals(voiceNote),
    ).toBe(true);
  });

  it('converts M4A (not an inline format for Gemini) and reports a bad key as final', async () => {
    const m4a = await renderAudioFixture({ format: 'm4a', seconds: 1 });
    await transcribeAudio(media.deps, { audio: m4a, engine: { provider: 'gemini' }, keys: {} });
    const body = gemini.requests[0].body as {
      contents: { parts: { inlineData?: { mimeType: string } }[] }[];
    };
    expect(body.contents[0].parts[1].inlineData?.mimeType).toBe('audio/ogg');

    const error = await providerError(
      transcribeAudio(media.deps, {
        audio: voiceNote,
        engine: { provider: 'gemini' },
        keys: { geminiApiKey: 'errada' },
      }),
    );
    expect(error).toMatchObject({ service: 'gemini', code: 'INVALID_ARGUMENT', retryable: false });
    expect(error.message).toContain('chave de API inválida');
  });
});
