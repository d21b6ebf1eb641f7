import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AudioConversionError, defaultFfmpegPath, toVoiceNote } from './voiceNote.ts';

const ffmpeg = defaultFfmpegPath();

/** What a browser's MediaRecorder produces: WebM with Opus (here a 2-second tone). */
function browserRecording(): Buffer {
  return execFileSync(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=2',
    '-ac',
    '2',
    '-c:a',
    'libopus',
    '-f',
    'webm',
    'pipe:1',
  ]);
}

describe('voice notes for WhatsApp', () => {
  it('converts a browser recording (WebM) into OGG/Opus mono, measuring its length', async () => {
    const { data, mimeType, seconds } = await toVoiceNote(browserRecording(), ffmpeg);
    expect(mimeType).toBe('audio/ogg; codecs=opus');
    expect(data.subarray(0, 4).toString()).toBe('OggS');
    expect(data.includes(Buffer.from('OpusHead'))).toBe(true);
    // Channel count is the byte after "OpusHead" + version.
    const head = data.indexOf(Buffer.from('OpusHead'));
    expect(data[head + 9]).toBe(1);
    expect(seconds).toBe(2);
  });

  it('refuses what is not audio with a clear error', async () => {
    await expect(toVoiceNote(Buffer.from('isto não é áudio'), ffmpeg)).rejects.toBeInstanceOf(
      AudioConversionError,
    );
  });
});
