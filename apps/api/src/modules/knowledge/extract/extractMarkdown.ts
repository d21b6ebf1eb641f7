import { normalizeText } from './decodeText.ts';
import type { ExtractedDocument, ExtractedSection } from './extractedDocument.ts';
import { rowsToRecords } from './rowsToRecords.ts';

const ATX_HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Markdown as sections split at levels 1–3 (ATX "#" or setext underlines); deeper headings stay in the
 * text. Inline markup is dropped, and tables become one "Header: value; …" line per row.
 */
export function extractMarkdown(source: string): Pick<ExtractedDocument, 'title' | 'sections'> {
  const lines = stripFrontMatter(source.replace(/\r\n?/g, '\n')).split('\n');
  const sections: ExtractedSection[] = [];
  let current: { heading: string | null; level?: number; lines: string[] } = { heading: null, lines: [] };
  const flush = () => {
    const text = normalizeText(tablesToRecords(current.lines).join('\n'));
    if (text || current.heading) {
      sections.push({ heading: current.heading, ...(current.level ? { level: current.level } : {}), text });
    }
  };
  const startSection = (level: number, heading: string) => {
    flush();
    current = { heading: cleanInline(heading).trim(), level, lines: [] };
  };

  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      current.lines.push(line); // code stays as written
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx && atx[1].length <= 3 && atx[2].trim()) {
      startSection(atx[1].length, atx[2]);
      continue;
    }
    if (atx) {
      current.lines.push(cleanInline(atx[2]));
      continue;
    }
    // Setext: a paragraph line underlined with === (level 1) or --- (level 2).
    const next = lines[i + 1] ?? '';
    if (line.trim() && !line.includes('|') && /^ {0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(line)) {
      startSection(next.trim().startsWith('=') ? 1 : 2, line);
      i++;
      continue;
    }
    current.lines.push(cleanInline(line));
  }
  flush();

  const title = sections.find((section) => section.level === 1)?.heading ?? undefined;
  return { ...(title ? { title } : {}), sections };
}

function stripFrontMatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Pipe tables (header row, delimiter row, body rows) become record lines. */
function tablesToRecords(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i].includes('|') && TABLE_DELIMITER_ROW.test(lines[i + 1] ?? ''))) {
      out.push(lines[i]);
      continue;
    }
    const rows = [splitTableRow(lines[i])];
    let j = i + 2;
    while (j < lines.length && lines[j].includes('|') && lines[j].trim())
      rows.push(splitTableRow(lines[j++]));
    out.push(...rowsToRecords(rows));
    i = j - 1;
  }
  return out;
}

function splitTableRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function cleanInline(line: string): string {
  if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return ''; // thematic break
  return line
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^ {0,3}> ?/, '')
    .replace(/^(\s*)[*+] /, '$1- ');
}
