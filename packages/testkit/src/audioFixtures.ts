import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export type AudioFixtureFormat = 'mp3' | 'ogg' | 'wav' | 'm4a' | 'webm' | 'flac' | 'aac' | 'amr' | 'pcm';

export type AudioFixtureOptions = {
  format: AudioFixtureFormat;
  seconds?: number;
  /** Digital silence instead of a tone (a voice note recorded with the microphone muted). */
  silent?: boolean;
  frequency?: number;
  channels?: 1 | 2;
  sampleRate?: number;
};

/** ffmpeg from FFMPEG_PATH, else the binary the @ffmpeg-installer package ships (as the API does). */
export function fixtureFfmpegPath(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  try {
    return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    return 'ffmpeg';
  }
}

const CODEC_ARGS: Record<AudioFixtureFormat, { args: string[]; extension: string; rate?: number }> = {
  mp3: { args: ['-c:a', 'libmp3lame', '-b:a', '64k'], extension: 'mp3' },
  ogg: { args: ['-c:a', 'libopus', '-b:a', '32k'], extension: 'ogg', rate: 48000 },
  wav: { args: ['-c:a', 'pcm_s16le'], extension: 'wav' },
  // ffmpeg writes the moov atom at the end, like phone recorders: readers must seek.
  m4a: { args: ['-c:a', 'aac', '-b:a', '64k'], extension: 'm4a' },
  webm: { args: ['-c:a', 'libopus', '-b:a', '32k'], extension: 'webm', rate: 48000 },
  flac: { args: ['-c:a', 'flac'], extension: 'flac' },
  aac: { args: ['-c:a', 'aac', '-b:a', '64k', '-f', 'adts'], extension: 'aac' },
  amr: { args: ['-c:a', 'libopencore_amrnb', '-b:a', '12.2k'], extension: 'amr', rate: 8000 },
  pcm: { args: ['-c:a', 'pcm_s16le', '-f', 's16le'], extension: 'pcm' },
};

/** A real, decodable audio file (a sine tone or silence) made with ffmpeg, for fakes and tests. */
export async function renderAudioFixture(options: AudioFixtureOptions): Promise<Buffer> {
  const codec = CODEC_ARGS[options.format];
  const seconds = options.seconds ?? 1;
  const channels = options.channels ?? 1;
  const rate = codec.rate ?? options.sampleRate ?? 44100;
  const source = options.silent
    ? `anullsrc=r=${rate}:cl=${channels === 1 ? 'mono' : 'stereo'}`
    : `sine=frequency=${options.frequency ?? 440}:sample_rate=${rate}:duration=${seconds}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'audio-fixture-'));
  const file = path.join(dir, `fixture.${codec.extension}`);
  try {
    await run(fixtureFfmpegPath(), [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-f',
      'lavfi',
      '-i',
      source,
      '-t',
      String(seconds),
      '-ac',
      String(channels),
      '-ar',
      String(rate),
      ...codec.args,
      '-y',
      file,
    ]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
