import { jsonResponse, startFakeHttpServer } from '@piloto/testkit';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { AppError } from '../../../platform/errors.ts';
import { ProviderError } from '../../../platform/httpClient.ts';
import { useMediaDeps } from '../../../testing/mediaDeps.ts';
import { analyzeAudio } from '../analyzeAudio.ts';
import { type SynthesizedSpeech, synthesizeSpeech } from './synthesizeSpeech.ts';

const media = useMediaDeps();

/** Decodes the result with ffmpeg: a real WhatsApp voice note is OGG, Opus, mono, with sound. */
async function expectVoiceNote(speech: SynthesizedSpeech): Promise<void> {
  expect(speech.mimeType).toBe('audio/ogg; codecs=opus');
  expect(speech.bytes.subarray(0, 4).toString('latin1')).toBe('OggS');
  const decoded = await analyzeAudio(speech.bytes, media.deps.ffmpegPath);
  expect(decoded).toMatchObject({ codec: 'opus', channels: 1, sampleRate: 48000, silent: false });
  expect(decoded.seconds).toBeGreaterThan(0);
  expect(speech.seconds).toBeGreaterThan(0);
}

const text = 'Oi, Marina! Seu orçamento está pronto e vale até sexta-feira.';
const elevenlabs = { provider: 'elevenlabs' as const };

describe('synthesizeSpeech with ElevenLabs', () => {
  it('asks text-to-speech for MP3 and returns a real OGG/Opus mono voice note', async () => {
    const speech = await synthesizeSpeech(media.deps, {
      text,
      engine: elevenlabs,
      voiceId: 'JBFqnCBsd6RMkjVDRZzb',
      keys: {},
      settings: { stability: 0.4, similarityBoost: 0.8 },
    });

    await expectVoiceNote(speech);
    expect(speech.seconds).toBe(4); // the fake speaks ~15 characters a second
    expect(media.eleven.ttsRequests[0]).toMatchObject({
      voiceId: 'JBFqnCBsd6RMkjVDRZzb',
      text,
      modelId: 'eleven_multilingual_v2',
      outputFormat: 'mp3_44100_128',
      voiceSettings: { stability: 0.4, similarity_boost: 0.8 },
    });
    expect(media.eleven.ttsRequests[0].headers['xi-api-key']).toBe(media.eleven.apiKey);
  });

  it('uses the default premade voice, the chosen model and the company key', async () => {
    await synthesizeSpeech(media.deps, {
      text: 'Oi!',
      engine: { provider: 'elevenlabs', name: 'eleven_flash_v2_5' },
      keys: {},
    });
    expect(media.eleven.ttsRequests[0]).toMatchObject({
      voiceId: 'EXAVITQu4vr4xnSDxMaL',
      modelId: 'eleven_flash_v2_5',
    });

    const error = await synthesizeSpeech(media.deps, {
      text,
      engine: elevenlabs,
      keys: { elevenlabsApiKey: 'sk_da_empresa' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', retryable: false });
  });

  it('says which failures are final: unknown voice, exhausted credits; and which may pass', async () => {
    const speak = () =>
      synthesizeSpeech(media.deps, {
        text,
        engine: elevenlabs,
        voiceId: 'JBFqnCBsd6RMkjVDRZzb',
        keys: {},
      }).catch((e: unknown) => e);
    const unknown = await synthesizeSpeech(media.deps, {
      text,
      engine: elevenlabs,
      voiceId: 'voz-apagada',
      keys: {},
    }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'voice_not_found', retryable: false });
    expect((unknown as Error).message).toBe('ElevenLabs: a voz escolhida não existe mais na conta');

    media.eleven.failNext(1, {
      status: 401,
      body: { detail: { status: 'quota_exceeded', message: 'No credits' } },
    });
    expect(await speak()).toMatchObject({ code: 'quota_exceeded', retryable: false });

    media.eleven.failNext(1, { status: 503, body: 'upstream unavailable' });
    expect(await speak()).toMatchObject({ status: 503, retryable: true });
  });

  it('needs an ElevenLabs key', async () => {
    const error = await synthesizeSpeech(
      { ...media.deps, config: loadConfig({}) },
      { text, engine: elevenlabs, keys: {} },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_configured', retryable: false });
    expect((error as Error).message).toBe(
      'Configure a chave da ElevenLabs em Configurações › IA para usar vozes',
    );
  });
});

describe('synthesizeSpeech with OpenAI', () => {
  it('asks /audio/speech for MP3 and returns a real OGG/Opus mono voice note', async () => {
    const speech = await synthesizeSpeech(media.deps, {
      text,
      engine: { provider: 'openai' },
      keys: {},
      instructions: 'Tom cordial, português do Brasil',
    });

    await expectVoiceNote(speech);
    expect(media.llm.audio.speechRequests[0]).toMatchObject({
      model: 'gpt-4o-mini-tts',
      voice: 'coral',
      input: text,
      responseFormat: 'mp3',
      instructions: 'Tom cordial, português do Brasil',
    });
  });

  it('works with an OpenAI-compatible server and its own model and voice', async () => {
    const speech = await synthesizeSpeech(
      { ...media.deps, config: loadConfig({}) },
      {
        text: 'Oi!',
        engine: { provider: 'openai_compatible', name: 'kokoro' },
        voiceId: 'pf_dora',
        keys: { compatibleBaseUrl: media.llm.url, compatibleApiKey: media.llm.apiKey },
      },
    );
    await expectVoiceNote(speech);
    expect(media.llm.audio.speechRequests[0]).toMatchObject({ model: 'kokoro', voice: 'pf_dora' });
  });

  it('turns errors into ProviderErrors, including a 200 that carries no audio', async () => {
    media.llm.audio.scriptSpeech({ error: { status: 500 } });
    expect(
      await synthesizeSpeech(media.deps, { text, engine: { provider: 'openai' }, keys: {} }).catch(
        (e: unknown) => e,
      ),
    ).toMatchObject({ status: 500, retryable: true });

    const confused = await startFakeHttpServer(() => jsonResponse(200, { detail: 'model not loaded' }));
    const error = await synthesizeSpeech(
      { ...media.deps, config: loadConfig({}) },
      { text, engine: { provider: 'openai_compatible' }, keys: { compatibleBaseUrl: confused.url } },
    ).catch((e: unknown) => e);
    await confused.close();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'not_audio', retryable: false });
  });
});

describe('synthesizeSpeech input', () => {
  it('refuses empty and over-long text before any call', async () => {
    const engine = { provider: 'openai' as const };
    const empty = await synthesizeSpeech(media.deps, { text: '   ', engine, keys: {} }).catch(
      (e: unknown) => e,
    );
    expect(empty).toBeInstanceOf(AppError);
    expect(empty).toMatchObject({ code: 'SPEECH_TEXT_EMPTY' });
    const long = await synthesizeSpeech(media.deps, { text: 'a'.repeat(5000), engine, keys: {} }).catch(
      (e: unknown) => e,
    );
    expect(long).toMatchObject({ code: 'SPEECH_TEXT_TOO_LONG' });
    expect(media.llm.audio.speechRequests).toHaveLength(0);
  });
});
