import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderAudioFixture } from '../audioFixtures.ts';
import { type FakeElevenLabs, startFakeElevenLabs } from './fakeElevenLabs.ts';

let fake: FakeElevenLabs;

beforeEach(async () => {
  fake = await startFakeElevenLabs();
});

afterEach(async () => {
  await fake.close();
});

function tts(
  voiceId: string,
  body: unknown,
  query = '',
  key: string | null = fake.apiKey,
): Promise<Response> {
  return fetch(`${fake.url}/v1/text-to-speech/${voiceId}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'xi-api-key': key } : {}) },
    body: JSON.stringify(body),
  });
}

describe('fake ElevenLabs text to speech', () => {
  it('answers audio/mpeg for a premade voice and records the request', async () => {
    const res = await tts('JBFqnCBsd6RMkjVDRZzb', {
      text: 'Olá, tudo bem?',
      model_id: 'eleven_multilingual_v2',
      voice_settings: { stability: 0.5 },
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('character-cost')).toBe('14');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('latin1') === 'ID3' || bytes[0] === 0xff).toBe(true);
    expect(fake.ttsRequests[0]).toMatchObject({
      voiceId: 'JBFqnCBsd6RMkjVDRZzb',
      text: 'Olá, tudo bem?',
      modelId: 'eleven_multilingual_v2',
      outputFormat: 'mp3_44100_128',
      voiceSettings: { stability: 0.5 },
    });
  });

  it('honours output_format in the query', async () => {
    const res = await tts('JBFqnCBsd6RMkjVDRZzb', { text: 'Oi' }, '?output_format=opus_48000_32');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('OggS');
  });

  it('answers ElevenLabs errors: missing or wrong key, unknown voice, missing text', async () => {
    const missing = await tts('JBFqnCBsd6RMkjVDRZzb', { text: 'Oi' }, '', null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ detail: { status: 'needs_authorization' } });

    const wrong = await tts('JBFqnCBsd6RMkjVDRZzb', { text: 'Oi' }, '', 'sk_wrong');
    expect(await wrong.json()).toEqual({ detail: { status: 'invalid_api_key', message: 'Invalid API key' } });

    const unknown = await tts('nope', { text: 'Oi' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ detail: { status: 'voice_not_found' } });

    const noText = await tts('JBFqnCBsd6RMkjVDRZzb', {});
    expect(noText.status).toBe(422);
    expect(await noText.json()).toMatchObject({ detail: [{ loc: ['body', 'text'], msg: 'Field required' }] });
  });

  it('fails the next calls as told (quota, outages)', async () => {
    fake.failNext(1, { status: 401, body: { detail: { status: 'quota_exceeded', message: 'No credits' } } });
    expect((await tts('JBFqnCBsd6RMkjVDRZzb', { text: 'Oi' })).status).toBe(401);
    expect((await tts('JBFqnCBsd6RMkjVDRZzb', { text: 'Oi' })).status).toBe(200);
  });
});

describe('fake ElevenLabs voices', () => {
  it('clones a voice from a multipart upload, lists it, then deletes it', async () => {
    const sample = await renderAudioFixture({ format: 'mp3', seconds: 1 });
    const form = new FormData();
    form.append('name', 'Voz da Ana');
    form.append('files', new Blob([new Uint8Array(sample)], { type: 'audio/mpeg' }), 'ana-1.mp3');
    form.append('files', new Blob([new Uint8Array(sample)], { type: 'audio/mpeg' }), 'ana-2.mp3');
    form.append('description', 'Vendedora');
    form.append('labels', JSON.stringify({ language: 'pt', gender: 'female' }));
    form.append('remove_background_noise', 'true');

    const added = await fetch(`${fake.url}/v1/voices/add`, {
      method: 'POST',
      headers: { 'xi-api-key': fake.apiKey },
      body: form,
    });
    const { voice_id: voiceId, requires_verification } = (await added.json()) as {
      voice_id: string;
      requires_verification: boolean;
    };

    expect(voiceId).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(requires_verification).toBe(false);
    expect(fake.addVoiceRequests[0]).toMatchObject({
      name: 'Voz da Ana',
      description: 'Vendedora',
      labels: { language: 'pt', gender: 'female' },
      removeBackgroundNoise: true,
    });
    expect(fake.addVoiceRequests[0].files.map((f) => f.fileName)).toEqual(['ana-1.mp3', 'ana-2.mp3']);
    expect(fake.addVoiceRequests[0].files[0].bytes.equals(sample)).toBe(true);

    const listed = (await (
      await fetch(`${fake.url}/v1/voices`, { headers: { 'xi-api-key': fake.apiKey } })
    ).json()) as { voices: { voice_id: string; category: string }[] };
    expect(listed.voices.find((v) => v.voice_id === voiceId)?.category).toBe('cloned');
    expect(listed.voices.filter((v) => v.category === 'premade')).toHaveLength(2);

    const speak = await tts(voiceId, { text: 'Agora com a minha voz' });
    expect(speak.status).toBe(200);

    const deleted = await fetch(`${fake.url}/v1/voices/${voiceId}`, {
      method: 'DELETE',
      headers: { 'xi-api-key': fake.apiKey },
    });
    expect(await deleted.json()).toEqual({ status: 'ok' });
    expect(fake.voices().some((v) => v.voice_id === voiceId)).toBe(false);
  });

  it('answers 422 when name or files are missing', async () => {
    const form = new FormData();
    form.append('name', 'Sem arquivos');
    const res = await fetch(`${fake.url}/v1/voices/add`, {
      method: 'POST',
      headers: { 'xi-api-key': fake.apiKey },
      body: form,
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ detail: [{ loc: ['body', 'files'] }] });
  });
});
