import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { makeImageOnlyPdf, makePdf, makeTruncatedPdf } from './makePdf.ts';

describe('makePdf', () => {
  it('writes one page per input page, with the title in the metadata', async () => {
    const bytes = await makePdf({
      title: 'Catálogo',
      pages: [
        { heading: 'Preços', paragraphs: ['Kit solar à vista com desconto.'] },
        { paragraphs: ['Segunda página.'] },
      ],
    });

    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getTitle()).toBe('Catálogo');
  });

  it('continues a page that overflows on an extra page', async () => {
    const bytes = await makePdf({ pages: [{ paragraphs: Array(40).fill('Uma linha de texto corrido.') }] });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
  });

  it('makes a textless PDF and a PDF cut short', async () => {
    expect((await PDFDocument.load(await makeImageOnlyPdf(3))).getPageCount()).toBe(3);
    const truncated = await makeTruncatedPdf();
    expect(truncated.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(truncated.includes('%%EOF')).toBe(false);
  });
});
