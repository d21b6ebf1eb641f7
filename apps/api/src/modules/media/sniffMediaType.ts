export type SniffedKind = 'audio' | 'image' | 'video' | 'document';

export type SniffedMediaType = {
  kind: SniffedKind;
  mimeType: string;
  /** The usual extension, without the dot: APIs such as OpenAI's judge uploads by it. */
  extension: string;
};

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/**
 * What a file is, from its first bytes — providers' declared MIME types are often wrong or generic
 * ("application/octet-stream", "audio/ogg" for an MP3). Undefined when the signature is unknown.
 */
export function sniffMediaType(bytes: Buffer): SniffedMediaType | undefined {
  if (bytes.length < 4) return undefined;
  const b0 = bytes[0];
  const b1 = bytes[1];

  if (ascii(bytes, 0, 4) === 'OggS') return { kind: 'audio', mimeType: 'audio/ogg', extension: 'ogg' };
  if (ascii(bytes, 0, 3) === 'ID3') return { kind: 'audio', mimeType: 'audio/mpeg', extension: 'mp3' };
  if (ascii(bytes, 0, 4) === 'fLaC') return { kind: 'audio', mimeType: 'audio/flac', extension: 'flac' };
  if (ascii(bytes, 0, 5) === '#!AMR') return { kind: 'audio', mimeType: 'audio/amr', extension: 'amr' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') {
    return { kind: 'audio', mimeType: 'audio/wav', extension: 'wav' };
  }
  // EBML: WebM/Matroska. Browsers record audio-only WebM; the caller's declared type tells video apart.
  if (bytes.readUInt32BE(0) === 0x1a45dfa3)
    return { kind: 'audio', mimeType: 'audio/webm', extension: 'webm' };
  if (b0 === 0xff && (b1 & 0xf6) === 0xf0) return { kind: 'audio', mimeType: 'audio/aac', extension: 'aac' };
  // MPEG audio frame sync with a layer set (layer bits 00 would be AAC ADTS, above).
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) {
    return { kind: 'audio', mimeType: 'audio/mpeg', extension: 'mp3' };
  }

  if (b0 === 0xff && b1 === 0xd8 && bytes[2] === 0xff)
    return { kind: 'image', mimeType: 'image/jpeg', extension: 'jpg' };
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    return { kind: 'image', mimeType: 'image/png', extension: 'png' };
  if (ascii(bytes, 0, 4) === 'GIF8') return { kind: 'image', mimeType: 'image/gif', extension: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { kind: 'image', mimeType: 'image/webp', extension: 'webp' };
  }

  if (ascii(bytes, 4, 8) === 'ftyp') return isoMediaType(ascii(bytes, 8, 12));

  if (ascii(bytes, 0, 5) === '%PDF-')
    return { kind: 'document', mimeType: 'application/pdf', extension: 'pdf' };
  if (ascii(bytes, 0, 4) === 'PK\x03\x04')
    return { kind: 'document', mimeType: 'application/zip', extension: 'zip' };
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** ISO base media (MP4 family): the major brand says audio (M4A), photo (HEIC) or video. */
function isoMediaType(brand: string): SniffedMediaType {
  if (brand === 'M4A ' || brand === 'M4B ') return { kind: 'audio', mimeType: 'audio/mp4', extension: 'm4a' };
  if (['heic', 'heix', 'mif1', 'msf1', 'heis', 'hevc'].includes(brand)) {
    return { kind: 'image', mimeType: 'image/heic', extension: 'heic' };
  }
  if (brand === 'avif') return { kind: 'image', mimeType: 'image/avif', extension: 'avif' };
  if (brand.startsWith('3g')) return { kind: 'video', mimeType: 'video/3gpp', extension: '3gp' };
  if (brand === 'qt  ') return { kind: 'video', mimeType: 'video/quicktime', extension: 'mov' };
  // isom, mp41, mp42, …: may hold only audio (some recorders); the caller's declared type decides.
  return { kind: 'video', mimeType: 'video/mp4', extension: 'mp4' };
}
