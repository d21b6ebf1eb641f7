import { renderTextImage } from '@piloto/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { createImageOcr } from './imageOcr.ts';
import { MediaError } from './mediaError.ts';

const ocr = createImageOcr();

afterAll(async () => {
  await ocr.close();
});

/** Lowercase, no accents, single spaces: tolerates OCR's small slips in the assertions. */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const lines = [
  'Orçamento válido até sexta-feira',
  'Preço: R$ 1.250,00 à vista',
  'Condições especiais para você',
];

describe('imageOcr (tesseract.js, Portuguese, offline)', () => {
  it('reads Portuguese text with accents from a PNG', async () => {
    const image = await renderTextImage(lines);

    const result = await ocr.read(image);

    const text = normalize(result.text);
    for (const word of [
      'orcamento',
      'valido',
      'ate',
      'sexta-feira',
      'preco',
      '1.250,00',
      'vista',
      'condicoes',
      'especiais',
    ]) {
      expect(text).toContain(word);
    }
    expect(result.text).toContain('Orçamento válido até sexta-feira');
    expect(result.confidence).toBeGreaterThan(60);
  });

  it('reads JPEG and WebP, two at a time on one worker', async () => {
    const [jpeg, webp] = await Promise.all([
      renderTextImage(['Entrega grátis em São Paulo'], { format: 'jpeg' }),
      renderTextImage(['Garantia de três anos'], { format: 'webp' }),
    ]);

    const [fromJpeg, fromWebp] = await Promise.all([ocr.read(jpeg), ocr.read(webp)]);

    expect(normalize(fromJpeg.text)).toContain('entrega gratis em sao paulo');
    expect(normalize(fromWebp.text)).toContain('garantia de tres anos');
  });

  it('returns empty text for an image without text', async () => {
    const blank = await renderTextImage([]);
    expect((await ocr.read(blank)).text).toBe('');
  });

  it('refuses what is not an image, and an image that cannot be decoded', async () => {
    await expect(ocr.read(Buffer.from('%PDF-1.7 não é imagem'))).rejects.toMatchObject({
      code: 'unsupported',
    });

    const png = await renderTextImage(['Oi']);
    const broken = Buffer.concat([png.subarray(0, 16), Buffer.alloc(200, 0x41)]);
    const error = await ocr.read(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect(error).toMatchObject({ code: 'corrupt' });

    // The worker survives a bad image.
    expect(normalize((await ocr.read(png)).text)).toContain('oi');
  });

  it('starts a new worker after close or after being idle, so closing is always safe', async () => {
    const quick = createImageOcr({ idleMs: 20 });
    const image = await renderTextImage(['Pedido confirmado']);
    try {
      expect(normalize((await quick.read(image)).text)).toContain('pedido confirmado');
      await new Promise((resolve) => setTimeout(resolve, 100)); // idle: the worker ends
      expect(normalize((await quick.read(image)).text)).toContain('pedido confirmado');
      await quick.close();
      expect(normalize((await quick.read(image)).text)).toContain('pedido confirmado');
    } finally {
      await quick.close();
      await quick.close();
    }
  });
});
