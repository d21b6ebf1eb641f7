import { existsSync } from 'node:fs';

export type TextImageOptions = {
  format?: 'png' | 'jpeg' | 'webp';
  fontSize?: number;
  width?: number;
  /** Tilt in degrees, like a photo of a printed page. */
  rotateDegrees?: number;
};

const FONT_FAMILY = 'Test Sans';
const FONT_PATH = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
let fontRegistered = false;

/**
 * A screenshot-like image with lines of dark text on white (DejaVu Sans when installed), for OCR tests.
 * The native canvas module loads on first use, not whenever the testkit is imported.
 */
export async function renderTextImage(lines: string[], options: TextImageOptions = {}): Promise<Buffer> {
  const { createCanvas, GlobalFonts } = await import('@napi-rs/canvas');
  if (!fontRegistered && existsSync(FONT_PATH)) {
    GlobalFonts.registerFromPath(FONT_PATH, FONT_FAMILY);
    fontRegistered = true;
  }
  const fontSize = options.fontSize ?? 36;
  const lineHeight = Math.round(fontSize * 1.6);
  const width = options.width ?? 1000;
  const height = lineHeight * lines.length + fontSize * 2;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (options.rotateDegrees) {
    ctx.translate(width / 2, height / 2);
    ctx.rotate((options.rotateDegrees * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
  }
  ctx.fillStyle = '#111111';
  ctx.font = `${fontSize}px "${FONT_FAMILY}", sans-serif`;
  lines.forEach((line, index) => {
    ctx.fillText(line, fontSize, fontSize + lineHeight * (index + 0.7));
  });
  const format = options.format ?? 'png';
  if (format === 'jpeg') return canvas.toBuffer('image/jpeg', 90);
  if (format === 'webp') return canvas.toBuffer('image/webp');
  return canvas.toBuffer('image/png');
}
