import type { ExtractedDocument } from './extract/extractDocument.ts';

export type DocumentChunk = { ord: number; heading: string | null; text: string; page?: number };

export type ChunkOptions = {
  /** Aimed-for chunk size in characters; prose chunks stay within it, overlap included. */
  targetChars?: number;
  /** Characters of the previous chunk's end repeated at the start of the next one in a split section. */
  overlapChars?: number;
  /** Sections shorter than this are joined with their neighbours under the same parent heading. */
  minChars?: number;
};

export const HEADING_PATH_SEPARATOR = ' › ';

const DEFAULTS = { targetChars: 800, overlapChars: 100, minChars: 200 };

type Unit = { path: string[]; text: string; page?: number };
type Segment = { text: string; separator: string };

/**
 * Splits a document into retrieval chunks that follow its structure. Each chunk carries its heading path
 * ("Política de trocas › Prazos") and page. A section that fits stays whole; a long one is split at
 * paragraphs, then lines, then sentences, with a small overlap; small sibling sections are joined.
 * Spreadsheet records (one per line) are packed whole and never split.
 */
export function chunkDocument(
  document: Pick<ExtractedDocument, 'format' | 'sections'>,
  options: ChunkOptions = {},
): DocumentChunk[] {
  const settings = { ...DEFAULTS, ...options };
  if (settings.overlapChars >= settings.targetChars / 2) {
    throw new Error('overlapChars must be less than half of targetChars');
  }
  const units = toUnits(document.sections);
  const isRecords = document.format === 'xlsx' || document.format === 'csv';
  const chunks: Array<Omit<DocumentChunk, 'ord'>> = [];

  if (isRecords) {
    for (const unit of units) {
      for (const text of packRecords(unit.text, settings.targetChars)) {
        chunks.push(toChunk(unit.path, text, unit.page));
      }
    }
  } else {
    let pending: Unit[] = [];
    const flush = () => {
      if (pending.length) chunks.push(mergeUnits(pending));
      pending = [];
    };
    for (const unit of units) {
      if (unit.text.length > settings.targetChars) {
        flush();
        for (const text of splitText(unit.text, settings)) chunks.push(toChunk(unit.path, text, unit.page));
        continue;
      }
      if (pending.length && canJoin(pending, unit, settings)) {
        pending.push(unit);
      } else {
        flush();
        pending = [unit];
      }
    }
    flush();
  }
  return chunks.map((chunk, ord) => ({ ord, ...chunk }));
}

/** Sections with their full heading path; a section without a heading continues the current path. */
function toUnits(sections: ExtractedDocument['sections']): Unit[] {
  const stack: Array<{ level: number; heading: string }> = [];
  const units: Unit[] = [];
  for (const section of sections) {
    if (section.heading !== null) {
      const level = section.level ?? 1;
      while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
      stack.push({ level, heading: section.heading });
    }
    const text = section.text.trim();
    if (!text) continue;
    units.push({
      path: stack.map((entry) => entry.heading),
      text,
      ...(section.page !== undefined ? { page: section.page } : {}),
    });
  }
  return units;
}

function canJoin(pending: Unit[], unit: Unit, settings: typeof DEFAULTS): boolean {
  const last = pending[pending.length - 1];
  if (last.page !== unit.page) return false;
  if (!commonPrefix([...pending, unit]).length) return false;
  const pendingLength = pending.reduce((sum, entry) => sum + entry.text.length, 0);
  if (pendingLength >= settings.minChars && unit.text.length >= settings.minChars) return false;
  return mergeUnits([...pending, unit]).text.length <= settings.targetChars;
}

/** Units under one shared heading path; the deeper headings they differ by are kept as text lines. */
function mergeUnits(units: Unit[]): Omit<DocumentChunk, 'ord'> {
  const prefix = commonPrefix(units);
  const text = units
    .map((unit) => {
      const rest = unit.path.slice(prefix.length).join(HEADING_PATH_SEPARATOR);
      return rest ? `${rest}\n${unit.text}` : unit.text;
    })
    .join('\n\n');
  return toChunk(prefix, text, units[0].page);
}

function commonPrefix(units: Unit[]): string[] {
  const [first, ...rest] = units;
  let length = first.path.length;
  for (const unit of rest) {
    let i = 0;
    while (i < length && i < unit.path.length && unit.path[i] === first.path[i]) i++;
    length = i;
  }
  return first.path.slice(0, length);
}

function toChunk(path: string[], text: string, page: number | undefined): Omit<DocumentChunk, 'ord'> {
  return {
    heading: path.length ? path.join(HEADING_PATH_SEPARATOR) : null,
    text,
    ...(page !== undefined ? { page } : {}),
  };
}

/** Record lines packed up to the target; a record longer than that is a chunk of its own. */
function packRecords(text: string, targetChars: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const record of text.split('\n').filter((line) => line.trim())) {
    if (current && current.length + 1 + record.length > targetChars) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${record}` : record;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Greedy packing of paragraph/line/sentence segments; each new chunk starts with the previous one's tail. */
function splitText(text: string, settings: typeof DEFAULTS): string[] {
  const segments = segment(text, settings.targetChars - settings.overlapChars - 2, 0, '');
  const chunks: string[] = [];
  let current = '';
  for (const { text: piece, separator } of segments) {
    if (!current) {
      current = piece;
      continue;
    }
    if (current.length + separator.length + piece.length <= settings.targetChars) {
      current += separator + piece;
      continue;
    }
    chunks.push(current);
    const overlap = tailOf(current, settings.overlapChars);
    current = overlap ? `${overlap}${separator}${piece}` : piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

const SPLITTERS: Array<{ pattern: RegExp; separator: string }> = [
  { pattern: /\n{2,}/, separator: '\n\n' },
  { pattern: /\n/, separator: '\n' },
  { pattern: /(?<=[.!?…])\s+(?=["“'(¿¡\p{Lu}\d-])/u, separator: ' ' },
  { pattern: /\s+/, separator: ' ' },
];

/** Pieces no longer than maxChars, cut at the coarsest boundary that gets them there. */
function segment(text: string, maxChars: number, level: number, separator: string): Segment[] {
  if (text.length <= maxChars) return [{ text, separator }];
  if (level === SPLITTERS.length) {
    const slices: Segment[] = [];
    for (let i = 0; i < text.length; i += maxChars) {
      slices.push({ text: text.slice(i, i + maxChars), separator: i ? '' : separator });
    }
    return slices;
  }
  const splitter = SPLITTERS[level];
  const parts = text.split(splitter.pattern).filter((part) => part.trim());
  return parts.flatMap((part, index) =>
    segment(part.trim(), maxChars, level + 1, index ? splitter.separator : separator),
  );
}

/**
 * The end of a chunk to repeat at the start of the next: its last line when that fits, else the line's
 * last sentences (or words) up to maxChars. A table record is repeated whole or not at all.
 */
function tailOf(text: string, maxChars: number): string {
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  if (lastLine.length <= maxChars) return lastLine;
  if (maxChars <= 0 || RECORD_LINE.test(lastLine)) return '';
  const slice = lastLine.slice(-maxChars);
  const sentence = /[.!?…]\s+(?=\S)/u.exec(slice);
  if (sentence && slice.length - (sentence.index + sentence[0].length) >= 20) {
    return slice.slice(sentence.index + sentence[0].length);
  }
  const space = slice.search(/\s/);
  return space === -1 ? '' : slice.slice(space).trim();
}

/** "Produto: Plano Pro; Preço: R$ 199,00" — a row written by rowsToRecords. */
const RECORD_LINE = /^[^:;\n]{1,80}: [^;\n]*(; [^:;\n]{1,80}: [^;\n]*)+$/;
