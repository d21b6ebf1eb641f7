import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** ffmpeg from FFMPEG_PATH, else the binary the @ffmpeg-installer npm package ships. */
export function defaultFfmpegPath(): string {
  try {
    return (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    return 'ffmpeg';
  }
}

export class AudioConversionError extends Error {}

/**
 * WhatsApp plays voice notes (PTT) only as OGG/Opus mono; browsers record WebM/Opus. One conversion,
 * in memory (stdin → stdout), with the settings WhatsApp clients use.
 */
export async function toVoiceNote(
  input: Buffer,
  ffmpegPath: string,
): Promise<{ data: Buffer; mimeType: string; seconds: number | null }> {
  return new Promise((resolve, reject) => {
    const args = [
      '-hide_banner',
      '-i',
      'pipe:0',
      '-vn',
      '-c:a',
      'libopus',
      '-ac',
      '1',
      '-ar',
      '48000',
      '-b:a',
      '32k',
      '-application',
      'voip',
      '-f',
      'ogg',
      'pipe:1',
    ];
    const child = spawn(ffmpegPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-4000);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new AudioConversionError(`ffmpeg indisponível: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const data = Buffer.concat(out);
      if (code !== 0 || data.length === 0) {
        return reject(
          new AudioConversionError(
            `não foi possível converter o áudio (${err.trim().split('\n').at(-1) ?? code})`,
          ),
        );
      }
      const times = [...err.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)].at(-1);
      const seconds = times ? Number(times[1]) * 3600 + Number(times[2]) * 60 + Number(times[3]) : null;
      resolve({
        data,
        mimeType: 'audio/ogg; codecs=opus',
        seconds: seconds === null ? null : Math.round(seconds),
      });
    });
    child.stdin.on('error', () => {}); // ffmpeg may close stdin early on bad input; the exit code tells
    child.stdin.end(input);
  });
}
