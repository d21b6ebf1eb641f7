import { analyzeAudio } from './analyzeAudio.ts';
import { MediaError } from './mediaError.ts';
import { sniffMediaType } from './sniffMediaType.ts';

export type CheckMediaInput = {
  bytes: Buffer;
  /** As the WhatsApp provider declared it; the bytes' signature wins when they disagree. */
  mimeType?: string | null;
};

export type CheckMediaOptions = {
  ffmpegPath: string;
  /** WhatsApp's own limits: 16 MB for audio, 5 MB for images. */
  maxAudioBytes?: number;
  maxImageBytes?: number;
  maxAudioSeconds?: number;
  /** Return silent audio (`silent: true`) instead of failing with `silent`. */
  allowSilent?: boolean;
  silenceThresholdDb?: number;
};

export type CheckedAudio = {
  kind: 'audio';
  mimeType: string;
  extension: string;
  size: number;
  seconds: number;
  silent: boolean;
  codec: string | null;
};

export type CheckedImage = { kind: 'image'; mimeType: string; extension: string; size: number };

export type CheckedMedia = CheckedAudio | CheckedImage;

export const MEDIA_LIMITS = {
  maxAudioBytes: 16 * 1024 * 1024,
  maxImageBytes: 5 * 1024 * 1024,
  maxAudioSeconds: 10 * 60,
};

/** Photos that vision models and the OCR read. HEIC/AVIF are not among them. */
const READABLE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/**
 * Whether a lead's audio or image can be used, before any paid call: recognised type, size, and for
 * audio that ffmpeg decodes it, how long it is and whether anything is audible. Throws MediaError,
 * whose message can go to the lead as is.
 */
export async function checkMedia(input: CheckMediaInput, options: CheckMediaOptions): Promise<CheckedMedia> {
  const { bytes } = input;
  const declared = (input.mimeType ?? '').split(';')[0].trim().toLowerCase();
  const sniffed = sniffMediaType(bytes);
  const declaredKind = declared.startsWith('audio/')
    ? 'audio'
    : declared.startsWith('image/')
      ? 'image'
      : null;

  // Audio-only MP4/WebM look like video by their signature; a declared audio type settles it.
  let kind = sniffed?.kind ?? declaredKind;
  let mimeType = sniffed?.mimeType ?? declared;
  let extension = sniffed?.extension ?? declared.split('/')[1] ?? 'bin';
  if (sniffed?.mimeType === 'video/mp4' && declaredKind === 'audio') {
    kind = 'audio';
    mimeType = 'audio/mp4';
    extension = 'm4a';
  } else if (sniffed?.mimeType === 'audio/webm' && declared.startsWith('video/')) {
    kind = 'video';
  }

  if (kind === 'image') {
    const maxBytes = options.maxImageBytes ?? MEDIA_LIMITS.maxImageBytes;
    if (!READABLE_IMAGES.has(mimeType)) throw new MediaError('unsupported', { kind: 'image' });
    if (bytes.length > maxBytes) throw new MediaError('too_big', { kind: 'image', maxBytes });
    return { kind: 'image', mimeType, extension, size: bytes.length };
  }
  if (kind !== 'audio') throw new MediaError('unsupported');

  const maxBytes = options.maxAudioBytes ?? MEDIA_LIMITS.maxAudioBytes;
  if (bytes.length > maxBytes) throw new MediaError('too_big', { kind: 'audio', maxBytes });
  const maxSeconds = options.maxAudioSeconds ?? MEDIA_LIMITS.maxAudioSeconds;
  const analysis = await analyzeAudio(bytes, options.ffmpegPath, {
    maxSeconds,
    silenceThresholdDb: options.silenceThresholdDb,
  });
  if (analysis.overLimit) throw new MediaError('too_long', { kind: 'audio', maxSeconds });
  if (analysis.silent && !options.allowSilent) throw new MediaError('silent', { kind: 'audio' });
  return {
    kind: 'audio',
    mimeType,
    extension,
    size: bytes.length,
    seconds: analysis.seconds,
    silent: analysis.silent,
    codec: analysis.codec,
  };
}
