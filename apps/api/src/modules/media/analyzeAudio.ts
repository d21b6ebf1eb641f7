import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AudioConversionError } from '../../platform/voiceNote.ts';
import { MediaError } from './mediaError.ts';

export type AudioAnalysis = {
  /** Decoded length (at most `maxSeconds` + 1 when a limit was given). */
  seconds: number;
  /** Of the first audio stream, as ffmpeg names them: "opus", "mp3", "aac", "pcm_s16le"… */
  codec: string | null;
  channels: number | null;
  sampleRate: number | null;
  meanVolumeDb: number | null;
  maxVolumeDb: number | null;
  /** No sample above `silenceThresholdDb` (a muted microphone, or only hiss). */
  silent: boolean;
  /** Decoding stopped at the limit: the audio is longer than `maxSeconds`. */
  overLimit: boolean;
};

export type AnalyzeAudioOptions = {
  /** Decode at most this much (plus one second) so a huge file costs no more than the limit. */
  maxSeconds?: number;
  /** Peak level at or under which the audio counts as silent. Speech peaks around −20…−3 dBFS. */
  silenceThresholdDb?: number;
};

export const DEFAULT_SILENCE_THRESHOLD_DB = -50;

/**
 * Decodes the first audio stream with ffmpeg and measures it: length, codec, channels and loudness.
 * Input goes through a temporary file, not a pipe: phone recordings (M4A) keep their index at the end
 * and cannot be read from a stream. Undecodable input → MediaError `corrupt`.
 */
export async function analyzeAudio(
  audio: Buffer,
  ffmpegPath: string,
  options: AnalyzeAudioOptions = {},
): Promise<AudioAnalysis> {
  if (audio.length === 0) throw new MediaError('corrupt', { kind: 'audio' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'piloto-audio-'));
  const file = path.join(dir, 'input');
  try {
    await writeFile(file, audio);
    const limit = options.maxSeconds === undefined ? [] : ['-t', String(options.maxSeconds + 1)];
    const { code, stderr } = await runFfmpeg(ffmpegPath, [
      '-hide_banner',
      '-nostdin',
      '-i',
      file,
      '-map',
      '0:a:0',
      ...limit,
      '-af',
      'volumedetect',
      '-f',
      'null',
      '-',
    ]);
    if (code !== 0) throw new MediaError('corrupt', { kind: 'audio' });
    return parseAnalysis(stderr, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parseAnalysis(stderr: string, options: AnalyzeAudioOptions): AudioAnalysis {
  // Stream lines before "Stream mapping"/"Output #0" describe the input.
  const inputPart = stderr.split(/\nStream mapping:|\nOutput #0/)[0];
  const stream = /Stream #0:\d+[^:]*: Audio: ([^\s,]+)[^,\n]*, (\d+) Hz, ([^,\n]+)/.exec(inputPart);
  const times = [...stderr.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)].at(-1);
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(inputPart);
  const clock = times ?? duration;
  const seconds = clock ? Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : 0;
  const mean = /mean_volume: (-?[\d.]+|-inf) dB/.exec(stderr);
  const max = /max_volume: (-?[\d.]+|-inf) dB/.exec(stderr);
  const decibels = (m: RegExpExecArray | null) => (m ? (m[1] === '-inf' ? -Infinity : Number(m[1])) : null);
  const maxVolumeDb = decibels(max);
  const threshold = options.silenceThresholdDb ?? DEFAULT_SILENCE_THRESHOLD_DB;
  return {
    seconds: Math.round(seconds * 100) / 100,
    codec: stream?.[1] ?? null,
    sampleRate: stream ? Number(stream[2]) : null,
    channels: stream ? channelCount(stream[3].trim()) : null,
    meanVolumeDb: decibels(mean),
    maxVolumeDb,
    silent: maxVolumeDb === null || maxVolumeDb <= threshold,
    overLimit: options.maxSeconds !== undefined && seconds > options.maxSeconds,
  };
}

function channelCount(layout: string): number | null {
  if (layout === 'mono') return 1;
  if (layout === 'stereo') return 2;
  const explicit = /^(\d+) channels/.exec(layout);
  if (explicit) return Number(explicit[1]);
  const surround = /^(\d+)\.(\d+)/.exec(layout);
  return surround ? Number(surround[1]) + Number(surround[2]) : null;
}

function runFfmpeg(ffmpegPath: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (d: Buffer) => {
      // The stream description comes first and the volume summary last; progress lines in between.
      stderr = stderr.length < 200_000 ? stderr + d.toString() : stderr.slice(0, 20_000) + d.toString();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new AudioConversionError(`ffmpeg indisponível: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr: stderr.replace(/\r/g, '\n') });
    });
  });
}
