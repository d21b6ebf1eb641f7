import { createHash } from 'node:crypto';

/** OpenAI's default sizes: 3072 for text-embedding-3-large, 1536 for the others. */
export function defaultEmbeddingDimensions(model: string): number {
  return model.includes('3-large') ? 3072 : 1536;
}

/**
 * A unit vector that behaves like a (very small) embedding model: the same text always gives the same
 * vector, and texts sharing words point the same way. Each word, lowercased, unaccented and cut to a
 * 5-letter stem ("parcelamento" ~ "parcelam"), is hashed into a signed dimension (feature hashing).
 * Text with no word of 3+ letters gets a vector from the hash of the whole text.
 */
export function embeddingVector(text: string, dimensions: number): number[] {
  const values = new Array<number>(dimensions).fill(0);
  const words =
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[a-z0-9]{3,}/g) ?? [];
  for (const word of words) {
    const digest = createHash('sha256').update(word.slice(0, 5)).digest();
    const index = digest.readUInt32LE(0) % dimensions;
    values[index] += digest[4] & 1 ? 1 : -1;
  }
  if (!words.length) {
    for (let block = 0, i = 0; i < dimensions; block++) {
      const digest = createHash('sha256').update(`${block}:${text}`).digest();
      for (let offset = 0; offset < digest.length && i < dimensions; offset += 4, i++) {
        values[i] = digest.readUInt32LE(offset) / 0x7fffffff - 1;
      }
    }
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => value / norm);
}

/** `encoding_format: 'base64'` (the openai SDK's default): little-endian float32 bytes. */
export function embeddingBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
