import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

export type DocxSectionInput = {
  heading?: string;
  /** 1 → Heading1 (the default), 2 → Heading2. */
  level?: 1 | 2;
  paragraphs?: string[];
  /** Rows of a table after the paragraphs; the first row is the header. */
  table?: string[][];
};

/** A real .docx whose headings use Word's built-in Heading1/Heading2 styles, as people write them. */
export async function makeDocx(input: { title?: string; sections: DocxSectionInput[] }): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const section of input.sections) {
    if (section.heading) {
      children.push(
        new Paragraph({
          text: section.heading,
          heading: section.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
        }),
      );
    }
    for (const text of section.paragraphs ?? []) {
      children.push(new Paragraph({ children: [new TextRun(text)] }));
    }
    if (section.table?.length) children.push(makeTable(section.table));
  }
  const document = new Document({ title: input.title, sections: [{ children }] });
  return Packer.toBuffer(document);
}

function makeTable(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, rowIndex) =>
        new TableRow({
          tableHeader: rowIndex === 0,
          children: cells.map(
            (text) =>
              new TableCell({
                children: [new Paragraph({ children: [new TextRun({ text, bold: rowIndex === 0 })] })],
              }),
          ),
        }),
    ),
  });
}
