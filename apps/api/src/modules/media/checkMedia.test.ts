import { renderAudioFixture, renderTextImage } from '@piloto/testkit';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { defaultFfmpegPath } from '../../platform/voiceNote.ts';
import { analyzeAudio } from './analyzeAudio.ts';
import { checkMedia } from './checkMedia.ts';
import { MediaError } from './mediaError.ts';
import { sniffMediaType } from './sniffMediaType.ts';

const ffmpegPath = defaultFfmpegPath();

async function mediaError(promise: Promise<unknown>): Promise<MediaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaError);
  return error as MediaError;
}

describe('checkMedia: audio', () => {
  it('accepts a WhatsApp voice note (OGG/Opus), measuring it', async () => {
    const voiceNote = await renderAudioFixture({ format: 'ogg', seconds: 2 });

    const checked = await checkMedia(
      { bytes: voiceNote, mimeType: 'audio/ogg; codecs=opus' },
      { ffmpegPath },
    );

    expect(checked).toMatchObject({
      kind: 'audio',
      mimeType: 'audio/ogg',
      extension: 'ogg',
      codec: 'opus',
      silent: false,
    });
    expect(checked.kind === 'audio' && checked.seconds).toBeCloseTo(2, 0);
  });

  it('reads formats phones send: M4A with its index at the end, MP3, AMR, and MP4 audio declared as audio', async () => {
    const m4a = await renderAudioFixture({ format: 'm4a', seconds: 2 });
    expect(await checkMedia({ bytes: m4a }, { ffmpegPath })).toMatchObject({ kind: 'audio', codec: 'aac' });

    const mp3 = await renderAudioFixture({ format: 'mp3', seconds: 1 });
    expect(
      await checkMedia({ bytes: mp3, mimeType: 'application/octet-stream' }, { ffmpegPath }),
    ).toMatchObject({
      kind: 'audio',
      mimeType: 'audio/mpeg',
    });

    const amr = await renderAudioFixture({ format: 'amr', seconds: 1 });
    expect(await checkMedia({ bytes: amr }, { ffmpegPath })).toMatchObject({
      kind: 'audio',
      extension: 'amr',
    });

    // A generic MP4 brand ("isom") looks like video; the declared audio type settles it.
    const isom = Buffer.from(m4a);
    isom.write('isom', 8, 'latin1');
    expect(await checkMedia({ bytes: isom, mimeType: 'audio/mp4' }, { ffmpegPath })).toMatchObject({
      kind: 'audio',
      extension: 'm4a',
    });
    await expect(checkMedia({ bytes: isom, mimeType: 'video/mp4' }, { ffmpegPath })).rejects.toMatchObject({
      code: 'unsupported',
    });
  });

  it('refuses silent audio with a message for the lead, or reports it when allowed', async () => {
    const silence = await renderAudioFixture({ format: 'ogg', seconds: 2, silent: true });

    const error = await mediaError(checkMedia({ bytes: silence }, { ffmpegPath }));
    expect(error.code).toBe('silent');
    expect(error.message).toBe(
      'Seu áudio chegou sem som, não consegui ouvir nada. Pode gravar de novo ou me escrever?',
    );

    expect(await checkMedia({ bytes: silence }, { ffmpegPath, allowSilent: true })).toMatchObject({
      silent: true,
    });
  });

  it('refuses audio over the length limit without decoding all of it', async () => {
    const long = await renderAudioFixture({ format: 'ogg', seconds: 5 });

    const error = await mediaError(checkMedia({ bytes: long }, { ffmpegPath, maxAudioSeconds: 3 }));

    expect(error.code).toBe('too_long');
    expect(error.status).toBe(422);
    expect(error.message).toContain('máx. 3 segundos');
    const analysis = await analyzeAudio(long, ffmpegPath, { maxSeconds: 3 });
    expect(analysis.overLimit).toBe(true);
    expect(analysis.seconds).toBeLessThanOrEqual(4.1);
  });

  it('refuses audio over the size limit before decoding', async () => {
    const note = await renderAudioFixture({ format: 'ogg', seconds: 1 });
    const error = await mediaError(checkMedia({ bytes: note }, { ffmpegPath, maxAudioBytes: 1024 }));
    expect(error).toMatchObject({ code: 'too_big', status: 413 });
    expect(error.message).toMatch(/^Desculpe, esse áudio é grande demais/);
  });

  it('calls audio that ffmpeg cannot decode corrupt', async () => {
    const fakeOgg = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(2000, 7)]);
    expect((await mediaError(checkMedia({ bytes: fakeOgg }, { ffmpegPath }))).code).toBe('corrupt');

    const noSignature = Buffer.from('isto não é um áudio de verdade, só texto');
    const declared = await mediaError(
      checkMedia({ bytes: noSignature, mimeType: 'audio/ogg' }, { ffmpegPath }),
    );
    expect(declared.code).toBe('corrupt');
    expect(declared.message).toContain('não consegui ouvir seu áudio');

    expect(
      (await mediaError(checkMedia({ bytes: Buffer.alloc(0), mimeType: 'audio/ogg' }, { ffmpegPath }))).code,
    ).toBe('corrupt');
  });
});

describe('checkMedia: images and other files', () => {
  it('accepts JPEG, PNG and WebP photos', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const image = await renderTextImage(['Oi'], { format });
      expect(await checkMedia({ bytes: image, mimeType: 'image/jpeg' }, { ffmpegPath })).toMatchObject({
        kind: 'image',
        mimeType: `image/${format}`,
      });
    }
  });

  it('refuses images over the limit and photo formats models cannot read', async () => {
    const png = await renderTextImage(['Oi']);
    expect((await mediaError(checkMedia({ bytes: png }, { ffmpegPath, maxImageBytes: 100 }))).code).toBe(
      'too_big',
    );

    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(32)]);
    expect((await mediaError(checkMedia({ bytes: heic, mimeType: 'image/heic' }, { ffmpegPath }))).code).toBe(
      'unsupported',
    );
  });

  it('refuses documents, videos and unknown bytes as unsupported, politely', async () => {
    const pdf = Buffer.from('%PDF-1.7\n...');
    const error = await mediaError(checkMedia({ bytes: pdf, mimeType: 'application/pdf' }, { ffmpegPath }));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      'Desculpe, não consigo abrir esse tipo de arquivo por aqui. Pode mandar como foto, áudio ou mensagem de texto?',
    );
    expect(error).toBeInstanceOf(AppError);

    expect((await mediaError(checkMedia({ bytes: Buffer.from('???? bytes') }, { ffmpegPath }))).code).toBe(
      'unsupported',
    );
  });
});

describe('sniffMediaType', () => {
  it('recognises files by their first bytes', async () => {
    const cases: [Buffer, string | undefined][] = [
      [await renderAudioFixture({ format: 'ogg' }), 'audio/ogg'],
      [await renderAudioFixture({ format: 'mp3' }), 'audio/mpeg'],
      [await renderAudioFixture({ format: 'wav' }), 'audio/wav'],
      [await renderAudioFixture({ format: 'webm' }), 'audio/webm'],
      [await renderAudioFixture({ format: 'flac' }), 'audio/flac'],
      [await renderAudioFixture({ format: 'aac' }), 'audio/aac'],
      [await renderAudioFixture({ format: 'm4a' }), 'audio/mp4'],
      [await renderTextImage(['a'], { format: 'jpeg' }), 'image/jpeg'],
      [Buffer.from('GIF89a\x01\x00', 'latin1'), 'image/gif'],
      [Buffer.from('PK\x03\x04rest', 'latin1'), 'application/zip'],
      [Buffer.from('hello world'), undefined],
    ];
    for (const [bytes, mimeType] of cases) expect(sniffMediaType(bytes)?.mimeType).toBe(mimeType);
  });
});
