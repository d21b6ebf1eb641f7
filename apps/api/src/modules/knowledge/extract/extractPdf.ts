import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import type { ExtractedDocument, ExtractedSection } from './extractedDocument.ts';
import { KnowledgeFileError } from './knowledgeFileError.ts';

type Line = { text: string; size: number; y: number; x: number };

/**
 * A PDF's text layer as sections: lines set clearly larger than the body text are headings (the largest
 * size is level 1), vertical gaps separate paragraphs, and a running header or footer repeated on most
 * pages is dropped. Each section carries its page; a page that starts mid-section has a null heading.
 */
export async function extractPdf(bytes: Buffer): Promise<ExtractedDocument> {
  const document = await openPdf(bytes);
  try {
    const { items } = await extractTextItems(document);
    const pages = removeRunningLines(items.map(toLines));
    const { info } = await document.getMetadata().catch(() => ({ info: {} }));
    const metadataTitle = (info as { Title?: unknown }).Title;
    const sections = toSections(pages);
    const title =
      (typeof metadataTitle === 'string' && metadataTitle.trim()) ||
      sections.find((section) => section.level === 1)?.heading ||
      undefined;
    return { format: 'pdf', pages: document.numPages, ...(title ? { title } : {}), sections };
  } finally {
    await document.destroy();
  }
}

async function openPdf(bytes: Buffer) {
  // Every PDF writer ends the file with %%EOF; without it the upload was cut short, and PDF.js would
  // quietly rebuild whatever pages survived.
  if (!bytes.includes('%%EOF')) throw corruptPdf('missing %%EOF');
  try {
    // A copy: PDF.js takes ownership of (and detaches) the array it is given.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new KnowledgeFileError(
        'encrypted',
        'O PDF está protegido por senha. Remova a senha e envie de novo.',
      );
    }
    throw corruptPdf(error instanceof Error ? error.message : String(error));
  }
}

function corruptPdf(cause: string): KnowledgeFileError {
  return new KnowledgeFileError(
    'corrupt',
    'Não foi possível abrir o PDF: o arquivo parece estar corrompido ou incompleto. Gere o PDF de novo (ou baixe outra vez) e reenvie.',
    { cause },
  );
}

/** Text items of one page grouped into lines, in reading order as PDF.js reports them. */
function toLines(items: StructuredTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number }) | null = null;
  for (const item of items) {
    if (!item.str) continue;
    const size = item.fontSize || item.height || 10;
    const sameLine = current && Math.abs(current.y - item.y) <= Math.max(2, size * 0.3);
    if (current && sameLine) {
      const gap = item.x - current.end;
      const needsSpace = gap > size * 0.15 && !current.text.endsWith(' ') && !item.str.startsWith(' ');
      current.text += (needsSpace ? ' ' : '') + item.str;
      current.end = item.x + item.width;
      if (item.str.trim()) current.size = Math.max(current.size, size);
      continue;
    }
    if (current) lines.push(current);
    current = {
      text: item.str,
      size: item.str.trim() ? size : 0,
      y: item.y,
      x: item.x,
      end: item.x + item.width,
    };
  }
  if (current) lines.push(current);
  return lines
    .map(({ text, size, y, x }) => ({ text: text.replace(/\s+/g, ' ').trim(), size, y, x }))
    .filter((line) => line.text);
}

/**
 * Drops page numbers and running headers/footers: short lines among the first or last two of a page,
 * set no larger than the body text, found (digits aside) on most pages.
 */
function removeRunningLines(pages: Line[][]): Line[][] {
  if (pages.length < 3) return pages;
  const bodySize = mostCommonSize(pages.flat());
  const key = (line: Line) => line.text.replace(/\d+/g, '#').toLowerCase();
  const candidates = (lines: Line[]) =>
    [...lines.slice(0, 2), ...lines.slice(-2)].filter(
      (line) => line.text.length <= 100 && line.size < bodySize * 1.15,
    );
  const pagesWith = new Map<string, number>();
  for (const lines of pages) {
    for (const text of new Set(candidates(lines).map(key)))
      pagesWith.set(text, (pagesWith.get(text) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.6));
  return pages.map((lines) => {
    const running = new Set(candidates(lines).filter((line) => (pagesWith.get(key(line)) ?? 0) >= threshold));
    return lines.filter((line) => !running.has(line));
  });
}

function toSections(pages: Line[][]): ExtractedSection[] {
  const all = pages.flat();
  const bodySize = mostCommonSize(all);
  const isHeading = (line: Line) =>
    line.size >= bodySize * 1.15 && line.text.length <= 200 && /\p{L}/u.test(line.text);
  const headingSizes = [...new Set(all.filter(isHeading).map((line) => roundSize(line.size)))].sort(
    (a, b) => b - a,
  );
  const levelOf = (line: Line) => Math.min(headingSizes.indexOf(roundSize(line.size)) + 1, 3);
  const lineSpacing = typicalLineSpacing(pages, isHeading);

  const sections: ExtractedSection[] = [];
  pages.forEach((lines, pageIndex) => {
    const page = pageIndex + 1;
    let current: ExtractedSection = { heading: null, text: '', page };
    let previous: Line | null = null;
    const flush = () => {
      if (current.text || current.heading) sections.push(current);
    };
    for (const line of lines) {
      if (isHeading(line)) {
        const continuesHeading =
          previous &&
          isHeading(previous) &&
          roundSize(previous.size) === roundSize(line.size) &&
          !current.text;
        if (continuesHeading && current.heading) {
          current.heading = `${current.heading} ${line.text}`;
        } else {
          flush();
          current = { heading: line.text, level: levelOf(line), text: '', page };
        }
      } else if (!current.text) {
        current.text = line.text;
      } else {
        const gap = previous ? previous.y - line.y : 0;
        // Capped by the font size, so a text of one-line paragraphs still breaks between them.
        const spacing = Math.min(lineSpacing, line.size * 1.35);
        const newParagraph = previous && (gap > spacing * 1.4 || gap < 0 || isHeading(previous));
        current.text += newParagraph ? `\n\n${line.text}` : ` ${line.text}`;
      }
      previous = line;
    }
    flush();
  });
  return sections;
}

function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

/** The body text size: the size that carries the most characters. */
function mostCommonSize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines)
    weight.set(roundSize(line.size), (weight.get(roundSize(line.size)) ?? 0) + line.text.length);
  let best = 0;
  let bestWeight = -1;
  for (const [size, total] of weight) {
    if (total > bestWeight) [best, bestWeight] = [size, total];
  }
  return best || 10;
}

/** The median distance between consecutive body lines, the yardstick for paragraph breaks. */
function typicalLineSpacing(pages: Line[][], isHeading: (line: Line) => boolean): number {
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap > 0 && !isHeading(lines[i]) && !isHeading(lines[i - 1])) gaps.push(gap);
    }
  }
  if (!gaps.length) return 14;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}
