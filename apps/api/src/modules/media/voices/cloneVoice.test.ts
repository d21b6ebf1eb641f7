import { type FakeElevenLabs, renderAudioFixture, startFakeElevenLabs } from '@piloto/testkit';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../../config.ts';
import { AppError } from '../../../platform/errors.ts';
import { createHttpClient, ProviderError } from '../../../platform/httpClient.ts';
import { cloneVoice } from './cloneVoice.ts';
import { deleteVoice } from './deleteVoice.ts';
import { listVoices } from './listVoices.ts';

const http = createHttpClient(pino({ level: 'silent' }));

let eleven: FakeElevenLabs;
let deps: { http: typeof http; config: Config };

beforeEach(async () => {
  eleven = await startFakeElevenLabs();
  deps = { http, config: loadConfig({ ELEVENLABS_API_KEY: eleven.apiKey, ELEVENLABS_BASE_URL: eleven.url }) };
});

afterEach(async () => {
  await eleven.close();
});

describe('ElevenLabs voices', () => {
  it('clones a voice from voice notes (multipart upload), lists it and deletes it', async () => {
    const first = await renderAudioFixture({ format: 'ogg', seconds: 2 });
    const second = await renderAudioFixture({ format: 'mp3', seconds: 2 });

    const cloned = await cloneVoice(deps, {
      name: 'Voz do Rafael',
      samples: [{ bytes: first }, { bytes: second, fileName: 'reuniao.mp3' }],
      description: 'Vendedor, tom calmo',
      labels: { language: 'pt', accent: 'brasileiro', gender: 'male' },
      removeBackgroundNoise: true,
      keys: {},
    });

    expect(cloned).toEqual({
      voiceId: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      requiresVerification: false,
    });
    const [request] = eleven.addVoiceRequests;
    expect(request).toMatchObject({
      name: 'Voz do Rafael',
      description: 'Vendedor, tom calmo',
      labels: { language: 'pt', accent: 'brasileiro', gender: 'male' },
      removeBackgroundNoise: true,
    });
    expect(request.files.map((f) => [f.field, f.fileName, f.contentType])).toEqual([
      ['files', 'amostra-1.ogg', 'audio/ogg'],
      ['files', 'reuniao.mp3', 'audio/mpeg'],
    ]);
    expect(request.files[0].bytes.equals(first)).toBe(true);
    expect(request.headers['xi-api-key']).toBe(eleven.apiKey);

    const voices = await listVoices(deps, { keys: {} });
    expect(voices.find((v) => v.voiceId === cloned.voiceId)).toEqual({
      voiceId: cloned.voiceId,
      name: 'Voz do Rafael',
      category: 'cloned',
      description: 'Vendedor, tom calmo',
      labels: { language: 'pt', accent: 'brasileiro', gender: 'male' },
      previewUrl: null,
    });
    expect(voices.filter((v) => v.category === 'premade').length).toBeGreaterThan(0);

    await deleteVoice(deps, { voiceId: cloned.voiceId, keys: {} });
    await deleteVoice(deps, { voiceId: cloned.voiceId, keys: {} }); // already gone: still fine
    expect((await listVoices(deps, { keys: {} })).some((v) => v.voiceId === cloned.voiceId)).toBe(false);
  });

  it('checks the input before uploading', async () => {
    const noSamples = await cloneVoice(deps, { name: 'Vazia', samples: [], keys: {} }).catch(
      (e: unknown) => e,
    );
    expect(noSamples).toBeInstanceOf(AppError);
    expect(noSamples).toMatchObject({ code: 'VOICE_SAMPLES_REQUIRED' });
    const noName = await cloneVoice(deps, {
      name: ' ',
      samples: [{ bytes: Buffer.from('x') }],
      keys: {},
    }).catch((e) => e);
    expect(noName).toMatchObject({ code: 'VOICE_NAME_REQUIRED' });
    expect(eleven.addVoiceRequests).toHaveLength(0);
  });

  it('reports a wrong key and outages as ProviderErrors', async () => {
    const sample = await renderAudioFixture({ format: 'ogg', seconds: 1 });
    const wrongKey = await cloneVoice(deps, {
      name: 'X',
      samples: [{ bytes: sample }],
      keys: { elevenlabsApiKey: 'sk_errada' },
    }).catch((e: unknown) => e);
    expect(wrongKey).toBeInstanceOf(ProviderError);
    expect(wrongKey).toMatchObject({ status: 401, retryable: false });

    eleven.failNext(1, { status: 500, body: { detail: 'Internal Server Error' } });
    expect(await listVoices(deps, { keys: {} }).catch((e: unknown) => e)).toMatchObject({
      status: 500,
      retryable: true,
    });

    // A wrong base URL's 404 is not "voice already deleted".
    const wrongBase = await deleteVoice(
      {
        http,
        config: loadConfig({
          ELEVENLABS_API_KEY: eleven.apiKey,
          ELEVENLABS_BASE_URL: `${eleven.url}/errado`,
        }),
      },
      { voiceId: 'JBFqnCBsd6RMkjVDRZzb', keys: {} },
    ).catch((e: unknown) => e);
    expect(wrongBase).toMatchObject({ status: 404 });
  });
});
