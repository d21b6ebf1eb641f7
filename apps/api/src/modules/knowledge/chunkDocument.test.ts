import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument, type DocumentChunk } from './chunkDocument.ts';
import { type ExtractedDocument, extractDocument } from './extract/extractDocument.ts';

const sentence = (n: number) => `Frase número ${n} explica um detalhe da política de trocas da loja.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

function markdown(sections: ExtractedDocument['sections']): ExtractedDocument {
  return { format: 'markdown', sections };
}

describe('chunkDocument', () => {
  it('keeps a section that fits whole, under its full heading path', () => {
    const chunks = chunkDocument(
      markdown([
        { heading: 'Política de trocas', level: 1, text: '' },
        { heading: 'Prazos', level: 2, text: paragraph(1, 4) },
        { heading: 'Garantia', level: 1, text: paragraph(10, 4) },
      ]),
    );

    expect(chunks).toEqual([
      { ord: 0, heading: 'Política de trocas › Prazos', text: paragraph(1, 4) },
      { ord: 1, heading: 'Garantia', text: paragraph(10, 4) },
    ]);
  });

  it('splits a long section at paragraphs, within the target size, each chunk starting with the last one’s end', () => {
    const paragraphs = [paragraph(1, 5), paragraph(6, 5), paragraph(11, 5), paragraph(16, 5)];
    const chunks = chunkDocument(markdown([{ heading: 'Trocas', level: 1, text: paragraphs.join('\n\n') }]));

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.heading).toBe('Trocas');
      expect(chunk.text.length).toBeLessThanOrEqual(800);
    }
    for (let i = 1; i < chunks.length; i++) {
      const overlap = chunks[i].text.split('\n\n')[0];
      expect(overlap.length).toBeLessThanOrEqual(100);
      expect(chunks[i - 1].text.endsWith(overlap)).toBe(true);
    }
    // Nothing is lost: every sentence is in some chunk, whole.
    for (let n = 1; n <= 20; n++) expect(chunks.some((chunk) => chunk.text.includes(sentence(n)))).toBe(true);
  });

  it('splits a paragraph longer than the target at sentence boundaries', () => {
    const text = paragraph(1, 30);
    const chunks = chunkDocument(markdown([{ heading: null, text }]), { targetChars: 300, overlapChars: 80 });

    expect(chunks.length).toBeGreaterThanOrEqual(8);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(300);
      expect(chunk.text).toMatch(/^Frase número \d+/);
      expect(chunk.text).toMatch(/loja\.$/);
      expect(chunk.heading).toBeNull();
    }
  });

  it('joins small sibling sections under their common parent, keeping their own headings as text', () => {
    const chunks = chunkDocument(
      markdown([
        { heading: 'Perguntas frequentes', level: 1, text: '' },
        { heading: 'Funciona à noite?', level: 2, text: 'Não; à noite você usa os créditos.' },
        { heading: 'Tem garantia?', level: 2, text: 'Sim, 12 anos nos painéis.' },
        { heading: 'Sobre nós', level: 1, text: 'Empresa fundada em 2014.' },
      ]),
    );

    expect(chunks).toEqual([
      {
        ord: 0,
        heading: 'Perguntas frequentes',
        text: 'Funciona à noite?\nNão; à noite você usa os créditos.\n\nTem garantia?\nSim, 12 anos nos painéis.',
      },
      { ord: 1, heading: 'Sobre nós', text: 'Empresa fundada em 2014.' },
    ]);
  });

  it('does not join sections of different pages, and a page without a heading continues the last one', () => {
    const document: ExtractedDocument = {
      format: 'pdf',
      pages: 2,
      sections: [
        { heading: 'Financiamento', level: 1, page: 1, text: 'Até 120 meses.' },
        { heading: null, page: 2, text: 'Carência de 120 dias.' },
      ],
    };

    expect(chunkDocument(document)).toEqual([
      { ord: 0, heading: 'Financiamento', page: 1, text: 'Até 120 meses.' },
      { ord: 1, heading: 'Financiamento', page: 2, text: 'Carência de 120 dias.' },
    ]);
  });

  it('packs spreadsheet records whole, never splitting one, sheet by sheet', () => {
    const records = Array.from(
      { length: 40 },
      (_, i) => `Produto: Painel ${i + 1}; Preço: R$ ${900 + i},00; Garantia: 12 anos de produto`,
    );
    const huge = `Produto: Kit completo; Descrição: ${'inclui painéis, inversor e estrutura, '.repeat(30).trim()}`;
    const document: ExtractedDocument = {
      format: 'xlsx',
      sections: [
        { heading: 'Painéis', level: 1, text: records.join('\n') },
        { heading: 'Kits', level: 1, text: huge },
      ],
    };

    const chunks = chunkDocument(document);

    const panelChunks = chunks.filter((chunk) => chunk.heading === 'Painéis');
    expect(panelChunks.length).toBeGreaterThan(1);
    expect(panelChunks.flatMap((chunk) => chunk.text.split('\n'))).toEqual(records); // whole, in order, no overlap
    for (const chunk of panelChunks) expect(chunk.text.length).toBeLessThanOrEqual(800);
    expect(chunks.at(-1)).toMatchObject({ heading: 'Kits', text: huge });
    expect(chunks.map((chunk) => chunk.ord)).toEqual(chunks.map((_, i) => i));
  });

  it('repeats a table row whole or not at all as overlap in prose documents', () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `Kit: Casa ${i + 1}; Potência: ${i + 2} kWp; Preço: R$ ${i + 10}.000,00`,
    );
    const chunks = chunkDocument(markdown([{ heading: 'Preços', level: 1, text: rows.join('\n') }]), {
      targetChars: 200,
      overlapChars: 60,
    });

    for (const chunk of chunks) {
      for (const line of chunk.text.split('\n')) expect(rows).toContain(line);
    }
  });

  it('rejects an overlap that is not smaller than half the target', () => {
    expect(() => chunkDocument(markdown([]), { targetChars: 100, overlapChars: 50 })).toThrow(/overlapChars/);
  });
});

describe('the Portuguese retrieval question set', () => {
  const testdata = path.join(import.meta.dirname, 'testdata');
  const set = JSON.parse(readFileSync(path.join(testdata, 'questions.json'), 'utf8')) as {
    corpusDir: string;
    questions: Array<{ id: string; question: string; expected: string[]; phrase?: string }>;
  };
  const corpusDir = path.join(testdata, set.corpusDir);

  async function chunkCorpus(): Promise<Map<string, DocumentChunk[]>> {
    const byFile = new Map<string, DocumentChunk[]>();
    for (const fileName of readdirSync(corpusDir).sort()) {
      const document = await extractDocument({
        bytes: readFileSync(path.join(corpusDir, fileName)),
        fileName,
      });
      byFile.set(fileName, chunkDocument(document));
    }
    return byFile;
  }

  it('has at least 40 distinct questions, each pointing at corpus files', () => {
    const files = readdirSync(corpusDir);
    expect(set.questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.questions.map((q) => q.id)).size).toBe(set.questions.length);
    expect(new Set(set.questions.map((q) => q.question)).size).toBe(set.questions.length);
    for (const question of set.questions) {
      expect(question.expected.length).toBeGreaterThan(0);
      for (const file of question.expected) expect(files).toContain(file);
    }
  });

  it('chunks the corpus into 40–80 chunks, and every expected phrase lands whole in a chunk of its file', async () => {
    const byFile = await chunkCorpus();
    const total = [...byFile.values()].reduce((sum, chunks) => sum + chunks.length, 0);
    expect(total).toBeGreaterThanOrEqual(40);
    expect(total).toBeLessThanOrEqual(80);

    for (const question of set.questions.filter((q) => q.phrase)) {
      const found = question.expected.some((file) =>
        byFile.get(file)?.some((chunk) => chunk.text.includes(question.phrase!)),
      );
      expect(found, `${question.id}: "${question.phrase}"`).toBe(true);
    }
  });
});
