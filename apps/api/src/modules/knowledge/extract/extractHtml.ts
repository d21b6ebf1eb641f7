import { type DomNode, type FormatCallback, htmlToText } from 'html-to-text';
import { normalizeText } from './decodeText.ts';
import type { ExtractedDocument, ExtractedSection } from './extractedDocument.ts';
import { rowsToRecords } from './rowsToRecords.ts';

// Private-use characters mark heading lines in the plain text; they never occur in real pages.
const HEADING_START = '\ue000';
const HEADING_END = '\ue001';
const HEADING_LINE = new RegExp(`^${HEADING_START}([1-3])${HEADING_END}(.*)$`);

/** Page chrome and code that is not content. */
const SKIPPED = [
  'head',
  'nav',
  '[role=navigation]',
  'footer',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'button',
  'select',
  'img',
];

/**
 * HTML (a web page the caller fetched, or a .docx converted by mammoth) as sections split at h1–h3,
 * without navigation, footer, scripts and styles. Data tables become one "Header: value; …" line per row.
 */
export function extractHtml(html: string): Pick<ExtractedDocument, 'title' | 'sections'> {
  const text = htmlToText(html, {
    wordwrap: false,
    formatters: { sectionHeading: formatSectionHeading, tableRecords: formatTableRecords },
    selectors: [
      ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'h1', format: 'sectionHeading', options: { level: 1 } as object },
      { selector: 'h2', format: 'sectionHeading', options: { level: 2 } as object },
      { selector: 'h3', format: 'sectionHeading', options: { level: 3 } as object },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'ul', options: { itemPrefix: '- ' } },
      { selector: 'table', format: 'tableRecords' },
    ],
  });

  const sections: ExtractedSection[] = [];
  let current: ExtractedSection & { lines: string[] } = { heading: null, text: '', lines: [] };
  const flush = () => {
    const body = normalizeText(current.lines.join('\n'));
    if (body || current.heading) {
      sections.push({
        heading: current.heading,
        ...(current.level ? { level: current.level } : {}),
        text: body,
      });
    }
  };
  for (const line of text.split('\n')) {
    const heading = HEADING_LINE.exec(line);
    if (!heading) {
      current.lines.push(line);
      continue;
    }
    const title = heading[2].replace(/\s+/g, ' ').trim();
    if (!title) continue;
    flush();
    current = { heading: title, level: Number(heading[1]), text: '', lines: [] };
  }
  flush();

  const title = pageTitle(html) ?? sections.find((section) => section.level === 1)?.heading ?? undefined;
  return { ...(title ? { title } : {}), sections };
}

const formatSectionHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  const { level } = formatOptions as { level?: number };
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(`${HEADING_START}${level ?? 1}${HEADING_END}`);
  walk(elem.children, builder);
  // A heading is one line, even when the page breaks it with <br>.
  builder.closeBlock({ trailingLineBreaks: 2, blockTransform: (text) => text.replace(/\s*\n\s*/g, ' ') });
};

/** Data tables as records; layout tables (one column, one row, or nested tables) as plain blocks. */
const formatTableRecords: FormatCallback = (elem, walk, builder) => {
  const rows = tableRows(elem);
  const isDataTable =
    rows.length >= 2 && Math.max(...rows.map((row) => row.length)) >= 2 && !hasNestedTable(elem);
  if (!isDataTable) {
    builder.openBlock({ leadingLineBreaks: 1 });
    walk(elem.children, builder);
    builder.closeBlock({ trailingLineBreaks: 1 });
    return;
  }
  builder.openTable();
  for (const row of rows) {
    builder.openTableRow();
    for (const cell of row) {
      builder.openTableCell();
      walk(cell.children, builder);
      builder.closeTableCell({ colspan: Number(cell.attribs?.colspan) || 1 });
    }
    builder.closeTableRow();
  }
  builder.closeTable({
    leadingLineBreaks: 2,
    trailingLineBreaks: 2,
    tableToString: (cells) =>
      rowsToRecords(
        cells.map((row) =>
          row.flatMap((cell) => [cell.text, ...Array<string>(Math.max(cell.colspan - 1, 0)).fill('')]),
        ),
      ).join('\n'),
  });
};

function tableRows(table: DomNode): DomNode[][] {
  const rows: DomNode[][] = [];
  const visit = (node: DomNode) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') {
        rows.push(child.children.filter((cell) => cell.type === 'tag' && /^t[hd]$/.test(cell.name ?? '')));
      } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
        visit(child);
      }
    }
  };
  visit(table);
  return rows;
}

function hasNestedTable(node: DomNode): boolean {
  return (node.children ?? []).some(
    (child) => child.type === 'tag' && (child.name === 'table' || hasNestedTable(child)),
  );
}

function pageTitle(html: string): string | undefined {
  const raw = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (!raw) return undefined;
  const title = htmlToText(raw, { wordwrap: false }).replace(/\s+/g, ' ').trim();
  return title || undefined;
}
