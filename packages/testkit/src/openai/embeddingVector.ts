import { createHash } from 'node:crypto';

/** OpenAI's default sizes: 3072 for text-embedding-3-large, 1536 for the others. */
export function defaultEmbeddingDimensions(model: string): number {
  return model.includes('3-large') ? 3072 : 1536;
}

/**
 * A unit vector derived only from a hash of the text: the same text always gives the same vector,
 * different texts give unrelated ones (no semantic similarity — tests assert identity, not meaning).
 */
export function embeddingVector(text: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${text}`).digest();
    for (let offset = 0; offset < digest.length && values.length < dimensions; offset += 4) {
      values.push(digest.readUInt32LE(offset) / 0x7fffffff - 1);
    }
  }
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => value / norm);
}

/** `encoding_format: 'base64'` (the openai SDK's default): little-endian float32 bytes. */
export function embeddingBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}
