import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

export type PdfPageInput = { heading?: string; paragraphs: string[] };

const PAGE_WIDTH = 595; // A4 in points
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const BODY_SIZE = 11;
const HEADING_SIZE = 18;
const LINE_GAP = 4;
const PARAGRAPH_GAP = 10;

/**
 * A real PDF with a text layer: each input page starts a new PDF page, the heading in bold 18 pt, the
 * paragraphs in 11 pt wrapped to the margins (a page that overflows continues on an extra page).
 * Helvetica is a standard font with WinAnsi encoding, which covers Portuguese (á é í ó ú â ê ô ã õ ç).
 */
export async function makePdf(input: { pages: PdfPageInput[]; title?: string }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  if (input.title) pdf.setTitle(input.title);
  const body = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE_WIDTH - 2 * MARGIN;

  for (const pageInput of input.pages) {
    let page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    let y = PAGE_HEIGHT - MARGIN;
    const ensureRoom = (height: number): PDFPage => {
      if (y - height < MARGIN) {
        page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
        y = PAGE_HEIGHT - MARGIN;
      }
      return page;
    };

    if (pageInput.heading) {
      for (const line of wrapText(pageInput.heading, bold, HEADING_SIZE, width)) {
        y -= HEADING_SIZE;
        page.drawText(line, { x: MARGIN, y, size: HEADING_SIZE, font: bold });
        y -= LINE_GAP;
      }
      y -= PARAGRAPH_GAP;
    }
    for (const paragraph of pageInput.paragraphs) {
      for (const line of wrapText(paragraph, body, BODY_SIZE, width)) {
        ensureRoom(BODY_SIZE + LINE_GAP);
        y -= BODY_SIZE;
        page.drawText(line, { x: MARGIN, y, size: BODY_SIZE, font: body });
        y -= LINE_GAP;
      }
      y -= PARAGRAPH_GAP;
    }
  }
  return Buffer.from(await pdf.save());
}

/** A PDF whose pages only hold drawings, like a scan without OCR: no text layer at all. */
export async function makeImageOnlyPdf(pageCount = 1): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pageCount; i++) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.drawRectangle({ x: MARGIN, y: MARGIN, width: 300, height: 400, color: rgb(0.85, 0.85, 0.85) });
    page.drawCircle({ x: 300, y: 600, size: 80, color: rgb(0.3, 0.3, 0.3) });
  }
  return Buffer.from(await pdf.save());
}

/** A real PDF cut short, as an interrupted upload leaves it: no cross-reference table, no trailer. */
export async function makeTruncatedPdf(): Promise<Buffer> {
  const whole = await makePdf({
    pages: [
      { heading: 'Documento interrompido', paragraphs: ['Este arquivo foi cortado no meio do envio.'] },
      { heading: 'Segunda página', paragraphs: ['Conteúdo que nunca chega inteiro.'] },
    ],
  });
  return whole.subarray(0, Math.floor(whole.length * 0.4));
}

function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
