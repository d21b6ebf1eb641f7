import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';
import { MediaError } from './mediaError.ts';
import { sniffMediaType } from './sniffMediaType.ts';

const require = createRequire(import.meta.url);

export type OcrResult = {
  /** Lines as read, trimmed; "" when the image has no legible text. */
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
};

export type ImageOcr = {
  /** Reads the Portuguese text in a JPEG/PNG/WebP/GIF image. Calls run one at a time. */
  read(image: Buffer): Promise<OcrResult>;
  /** Ends the worker thread (the process cannot exit while it runs). Safe to call twice. */
  close(): Promise<void>;
};

export type ImageOcrOptions = {
  /** End the worker after this long without work (it holds ~100 MB); default 5 minutes. */
  idleMs?: number;
};

const OCR_MIME_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/**
 * OCR in Portuguese with tesseract.js, for when no vision model is configured. Fully offline: the
 * traineddata comes from the @tesseract.js-data/por package (LSTM "best_int", what tesseract.js would
 * otherwise download from a CDN). One worker, created on first use (~0.3 s) and reused.
 */
export function createImageOcr(options: ImageOcrOptions = {}): ImageOcr {
  const idleMs = options.idleMs ?? 5 * 60_000;
  let worker: Promise<Worker> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | undefined;

  function startWorker(): Promise<Worker> {
    const langPath = path.join(
      path.dirname(require.resolve('@tesseract.js-data/por/package.json')),
      '4.0.0_best_int',
    );
    // Without a cachePath tesseract.js writes por.traineddata into the working directory.
    const cachePath = path.join(os.tmpdir(), 'piloto-tesseract');
    mkdirSync(cachePath, { recursive: true });
    const started = createWorker('por', 1, {
      langPath,
      cachePath,
      // The source is a local file already: caching a copy would only risk a half-written one.
      cacheMethod: 'none',
      gzip: true,
      // Without a handler tesseract.js also throws a failed job's error from an event listener, which
      // would crash the process; the job's promise rejects either way.
      errorHandler: () => {},
    });
    started.catch(() => {
      if (worker === started) worker = undefined; // try again on the next call
    });
    return started;
  }

  async function terminate(): Promise<void> {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    const current = worker;
    worker = undefined;
    if (!current) return;
    try {
      await (await current).terminate();
    } catch {
      // a worker that failed to start has nothing to end
    }
  }

  async function recognize(image: Buffer): Promise<OcrResult> {
    const type = sniffMediaType(image);
    if (!type || !OCR_MIME_TYPES.has(type.mimeType)) throw new MediaError('unsupported', { kind: 'image' });
    clearTimeout(idleTimer);
    worker ??= startWorker();
    const ready = await worker;
    try {
      const { data } = await ready.recognize(image);
      return { text: tidy(data.text), confidence: Math.round(data.confidence) };
    } catch (error) {
      // tesseract.js rejects with a string for images Leptonica cannot decode.
      if (/read image|pixRead/i.test(String((error as Error)?.message ?? error))) {
        throw new MediaError('corrupt', { kind: 'image' });
      }
      throw error;
    } finally {
      idleTimer = setTimeout(() => void terminate(), idleMs);
      idleTimer.unref();
    }
  }

  return {
    read(image) {
      const result = queue.then(() => recognize(image));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      await terminate();
    },
  };
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
