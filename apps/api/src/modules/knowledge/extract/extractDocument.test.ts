import {
  BRL_NUMBER_FORMAT,
  makeDocx,
  makeEncryptedPdf,
  makeImageOnlyPdf,
  makeOversizedFile,
  makePdf,
  makeTruncatedPdf,
  makeXlsx,
} from '@piloto/testkit';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES, extractDocument } from './extractDocument.ts';
import { extractHtml } from './extractHtml.ts';
import { KnowledgeFileError, type KnowledgeFileErrorCode } from './knowledgeFileError.ts';

const ACCENTS = 'Ação, coração, último, à vista, pêssego, avô, órgão, Itaú, açaí, Gonçalves.';

async function expectFileError(promise: Promise<unknown>, code: KnowledgeFileErrorCode, message: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KnowledgeFileError);
  expect((error as KnowledgeFileError).code).toBe(code);
  expect((error as KnowledgeFileError).message).toMatch(message);
}

describe('extractDocument — PDF', () => {
  it('reads the text layer with accents, headings (by font size), paragraphs and pages', async () => {
    const bytes = await makePdf({
      title: 'Guia do cliente',
      pages: [
        {
          heading: 'Política de trocas',
          paragraphs: [
            'Você pode trocar o produto em até 7 dias após a entrega, sem custo.',
            `Acentos preservados: ${ACCENTS}`,
          ],
        },
        {
          heading: 'Garantia dos painéis',
          paragraphs: ['Os módulos têm garantia de 12 anos contra defeitos.'],
        },
      ],
    });

    const document = await extractDocument({ bytes, fileName: 'guia.pdf', mimeType: 'application/pdf' });

    expect(document).toMatchObject({ format: 'pdf', pages: 2, title: 'Guia do cliente' });
    expect(document.sections).toEqual([
      {
        heading: 'Política de trocas',
        level: 1,
        page: 1,
        text: `Você pode trocar o produto em até 7 dias após a entrega, sem custo.\n\nAcentos preservados: ${ACCENTS}`,
      },
      {
        heading: 'Garantia dos painéis',
        level: 1,
        page: 2,
        text: 'Os módulos têm garantia de 12 anos contra defeitos.',
      },
    ]);
  });

  it('joins wrapped lines of a paragraph and continues a section on the next page with a null heading', async () => {
    const long = 'O financiamento solar é aprovado em até 48 horas pelos bancos parceiros. '.repeat(70);
    const bytes = await makePdf({ pages: [{ heading: 'Financiamento', paragraphs: [long.trim()] }] });

    const document = await extractDocument({ bytes, fileName: 'financiamento.pdf' });

    expect(document.pages).toBeGreaterThan(1);
    expect(document.sections[0]).toMatchObject({ heading: 'Financiamento', level: 1, page: 1 });
    expect(document.sections[1]).toMatchObject({ heading: null, page: 2 });
    const text = document.sections.map((section) => section.text).join(' ');
    expect(text).toBe(long.trim());
  });

  it('drops a page number repeated on every page', async () => {
    const topics = ['Preços', 'Pagamento', 'Entrega', 'Garantia'];
    const bytes = await makePdf({
      pages: topics.map((topic, i) => ({
        heading: `Capítulo ${i + 1}: ${topic}`,
        paragraphs: [
          `Tudo sobre ${topic.toLowerCase()} em 2026.`,
          `Solar Sul Energia · página ${i + 1} de 4`,
        ],
      })),
    });

    const document = await extractDocument({ bytes, fileName: 'capitulos.pdf' });

    expect(document.sections.map((section) => [section.heading, section.text])).toEqual([
      ['Capítulo 1: Preços', 'Tudo sobre preços em 2026.'],
      ['Capítulo 2: Pagamento', 'Tudo sobre pagamento em 2026.'],
      ['Capítulo 3: Entrega', 'Tudo sobre entrega em 2026.'],
      ['Capítulo 4: Garantia', 'Tudo sobre garantia em 2026.'],
    ]);
  });

  it('rejects a password-protected PDF as encrypted', async () => {
    const bytes = makeEncryptedPdf({ userPassword: 'senha123', text: 'Tabela de preços confidencial' });
    // The hand-made file is a real encrypted PDF: PDF.js opens it with the password.
    const opened = await getDocumentProxy(new Uint8Array(bytes), { password: 'senha123', verbosity: 0 });
    expect((await extractText(opened, { mergePages: true })).text).toBe('Tabela de preços confidencial');

    await expectFileError(
      extractDocument({ bytes, fileName: 'precos.pdf' }),
      'encrypted',
      /^O PDF está protegido por senha\. Remova a senha e envie de novo\.$/,
    );
  });

  it('rejects a truncated PDF as corrupt', async () => {
    await expectFileError(
      extractDocument({ bytes: await makeTruncatedPdf(), fileName: 'cortado.pdf' }),
      'corrupt',
      /corrompido ou incompleto/,
    );
  });

  it('rejects a scanned PDF without a text layer as empty and suggests OCR', async () => {
    await expectFileError(
      extractDocument({ bytes: await makeImageOnlyPdf(2), fileName: 'digitalizado.pdf' }),
      'empty',
      /digitalizado.*OCR/,
    );
  });

  it('rejects a .pdf that is not a PDF as corrupt', async () => {
    await expectFileError(
      extractDocument({ bytes: Buffer.from('<html>erro 404</html>'), fileName: 'catalogo.pdf' }),
      'corrupt',
      /não é um PDF válido/,
    );
  });
});

describe('extractDocument — Word', () => {
  it('splits at Heading1/Heading2 styles and keeps accents and tables as records', async () => {
    const bytes = await makeDocx({
      sections: [
        { heading: 'Política de trocas', paragraphs: [`Você tem 7 dias para desistir. ${ACCENTS}`] },
        {
          heading: 'Prazos de troca',
          level: 2,
          paragraphs: ['Defeitos de fabricação: até 90 dias.'],
          table: [
            ['Produto', 'Prazo'],
            ['Inversor', '90 dias'],
          ],
        },
        { heading: 'Garantia', paragraphs: ['Painéis: 12 anos.'] },
      ],
    });

    const document = await extractDocument({ bytes, fileName: 'politicas.docx' });

    expect(document).toMatchObject({ format: 'docx', title: 'Política de trocas' });
    expect(document.sections).toEqual([
      { heading: 'Política de trocas', level: 1, text: `Você tem 7 dias para desistir. ${ACCENTS}` },
      {
        heading: 'Prazos de troca',
        level: 2,
        text: 'Defeitos de fabricação: até 90 dias.\n\nProduto: Inversor; Prazo: 90 dias',
      },
      { heading: 'Garantia', level: 1, text: 'Painéis: 12 anos.' },
    ]);
  });

  it('sniffs a .docx by its content, whatever its name says', async () => {
    const bytes = await makeDocx({ sections: [{ paragraphs: ['Conteúdo sem título.'] }] });

    const document = await extractDocument({
      bytes,
      fileName: 'arquivo',
      mimeType: 'application/octet-stream',
    });

    expect(document.format).toBe('docx');
    expect(document.sections).toEqual([{ heading: null, text: 'Conteúdo sem título.' }]);
  });

  it('rejects a truncated .docx as corrupt and a password-protected one as encrypted', async () => {
    const bytes = await makeDocx({ sections: [{ heading: 'Título', paragraphs: ['Texto.'] }] });
    await expectFileError(
      extractDocument({ bytes: bytes.subarray(0, bytes.length - 200), fileName: 'politicas.docx' }),
      'corrupt',
      /Word/,
    );

    // Office wraps an encrypted .docx/.xlsx in an OLE compound file with an "EncryptedPackage" stream.
    const encrypted = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(504),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ]);
    await expectFileError(
      extractDocument({ bytes: encrypted, fileName: 'politicas.docx' }),
      'encrypted',
      /protegido por senha/,
    );
  });

  it('rejects an old binary .doc as unsupported, saying how to convert it', async () => {
    const legacy = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]);
    await expectFileError(
      extractDocument({ bytes: legacy, fileName: 'antigo.doc' }),
      'unsupported',
      /\.docx/,
    );
  });
});

describe('extractDocument — spreadsheets', () => {
  it('turns each data row into a "Header: value" record, one section per sheet', async () => {
    const bytes = await makeXlsx([
      {
        name: 'Preços',
        rows: [
          ['Tabela de preços 2026'],
          [],
          ['Produto', 'Preço', 'Parcelas', 'Ativo', 'Válido até'],
          [
            'Plano Pro',
            { value: 199, numFmt: BRL_NUMBER_FORMAT },
            12,
            true,
            new Date(Date.UTC(2026, 11, 31)),
          ],
          ['Instalação padrão', { value: 1234.5, numFmt: BRL_NUMBER_FORMAT }, null, false, null],
        ],
      },
      {
        name: 'Prazos',
        rows: [
          ['Região', 'Prazo de instalação'],
          ['Porto Alegre', '15 dias úteis'],
        ],
      },
      { name: 'Vazia', rows: [] },
    ]);

    const document = await extractDocument({ bytes, fileName: 'precos.xlsx' });

    expect(document.format).toBe('xlsx');
    expect(document.sections).toEqual([
      {
        heading: 'Preços',
        level: 1,
        text: [
          'Tabela de preços 2026',
          'Produto: Plano Pro; Preço: R$ 199,00; Parcelas: 12; Ativo: Sim; Válido até: 31/12/2026',
          'Produto: Instalação padrão; Preço: R$ 1.234,50; Ativo: Não',
        ].join('\n'),
      },
      { heading: 'Prazos', level: 1, text: 'Região: Porto Alegre; Prazo de instalação: 15 dias úteis' },
    ]);
  });

  it('reads a semicolon CSV saved by Excel in Windows-1252, with the header row', async () => {
    const csv = 'Produto;Preço;Observação\r\nKit 3 kWp;R$ 15.900,00;"Inclui instalação; frete à parte"\r\n';
    const bytes = Buffer.from(csv, 'latin1');

    const document = await extractDocument({ bytes, fileName: 'catalogo.csv', mimeType: 'text/csv' });

    expect(document).toEqual({
      format: 'csv',
      sections: [
        {
          heading: null,
          text: 'Produto: Kit 3 kWp; Preço: R$ 15.900,00; Observação: Inclui instalação; frete à parte',
        },
      ],
    });
  });

  it('reads a comma CSV in UTF-8 with a BOM', async () => {
    const bytes = Buffer.from('\ufeffnome,valor\n"Manutenção, anual","R$ 450,00"\n', 'utf8');

    const document = await extractDocument({ bytes, fileName: 'servicos.csv' });

    expect(document.sections[0].text).toBe('nome: Manutenção, anual; valor: R$ 450,00');
  });

  it('rejects a spreadsheet with no filled rows as empty, and a broken one as corrupt', async () => {
    await expectFileError(
      extractDocument({ bytes: await makeXlsx([{ name: 'Plan1', rows: [] }]), fileName: 'vazia.xlsx' }),
      'empty',
      /planilha está vazia/,
    );
    const bytes = await makeXlsx([{ name: 'Plan1', rows: [['a', 'b']] }]);
    await expectFileError(
      extractDocument({ bytes: bytes.subarray(0, 300), fileName: 'quebrada.xlsx' }),
      'corrupt',
      /planilha|Excel/,
    );
  });
});

describe('extractDocument — text formats', () => {
  it('splits Markdown at #, ## and ### and turns pipe tables into records', async () => {
    const markdown = [
      '---',
      'autor: equipe',
      '---',
      '# Formas de pagamento',
      'Aceitamos **Pix**, boleto e [cartão](https://exemplo.com).',
      '',
      '## Parcelamento',
      '| Forma | Parcelas |',
      '|-------|---------:|',
      '| Cartão | até 12x |',
      '',
      '#### Observação',
      'Juros a partir da 7ª parcela.',
      '```',
      '# não é título',
      '```',
    ].join('\n');

    const document = await extractDocument({ bytes: Buffer.from(markdown), fileName: 'pagamento.md' });

    expect(document).toEqual({
      format: 'markdown',
      title: 'Formas de pagamento',
      sections: [
        { heading: 'Formas de pagamento', level: 1, text: 'Aceitamos Pix, boleto e cartão.' },
        {
          heading: 'Parcelamento',
          level: 2,
          text: 'Forma: Cartão; Parcelas: até 12x\n\nObservação\nJuros a partir da 7ª parcela.\n# não é título',
        },
      ],
    });
  });

  it('reads plain text as one untitled section', async () => {
    const document = await extractDocument({
      bytes: Buffer.from(
        'Horário de atendimento:\r\nsegunda a sexta, das 8h às 18h.\r\n\r\n\r\n\r\nSábado até 12h.',
      ),
      fileName: 'horario.txt',
    });

    expect(document).toEqual({
      format: 'text',
      sections: [
        {
          heading: null,
          text: 'Horário de atendimento:\nsegunda a sexta, das 8h às 18h.\n\nSábado até 12h.',
        },
      ],
    });
  });

  it('recognizes HTML by content when the name has no extension', async () => {
    const html =
      '<!DOCTYPE html><html><head><title>Sobre nós</title></head><body><h1>Quem somos</h1><p>Empresa gaúcha.</p></body></html>';

    const document = await extractDocument({ bytes: Buffer.from(html), fileName: 'pagina' });

    expect(document).toEqual({
      format: 'html',
      title: 'Sobre nós',
      sections: [{ heading: 'Quem somos', level: 1, text: 'Empresa gaúcha.' }],
    });
  });
});

describe('extractDocument — limits and unsupported files', () => {
  it('rejects a file over 25 MB by default, and over maxBytes when given', async () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(25 * 1024 * 1024);
    await expectFileError(
      extractDocument({ bytes: makeOversizedFile(), fileName: 'enorme.pdf' }),
      'too_big',
      /^O arquivo tem 25,1 MB e o limite é 25 MB\./,
    );
    await expectFileError(
      extractDocument({ bytes: Buffer.from('x'.repeat(2048)), fileName: 'a.txt', maxBytes: 1024 }),
      'too_big',
      /^O arquivo tem 2 KB e o limite é 1 KB\./,
    );
  });

  it('rejects an empty file, a picture and an unknown binary', async () => {
    await expectFileError(
      extractDocument({ bytes: Buffer.alloc(0), fileName: 'nada.txt' }),
      'empty',
      /vazio/,
    );
    await expectFileError(
      extractDocument({ bytes: Buffer.from('   \n\n  '), fileName: 'branco.txt' }),
      'empty',
      /Não encontramos texto/,
    );
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64)]);
    await expectFileError(extractDocument({ bytes: png, fileName: 'foto.png' }), 'unsupported', /PDF, Word/);
    await expectFileError(
      extractDocument({ bytes: Buffer.from([1, 0, 2, 0, 3]), fileName: 'dados.bin' }),
      'unsupported',
      /não suportado/,
    );
  });

  it('rejects a zip that is neither Word nor Excel as unsupported', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('ppt/presentation.xml')]);
    await expectFileError(
      extractDocument({ bytes: zip, fileName: 'slides.pptx' }),
      'unsupported',
      /não suportado/,
    );
  });

  it('gives an HTTP status and a pt-BR message for the API layer', async () => {
    const error = await extractDocument({
      bytes: makeOversizedFile(100),
      fileName: 'a.pdf',
      maxBytes: 10,
    }).catch((caught: KnowledgeFileError) => caught);
    expect(error).toMatchObject({ status: 413, code: 'too_big', name: 'KnowledgeFileError' });
  });
});

describe('extractHtml', () => {
  it('drops navigation, scripts, styles and footer and splits at h1–h3', () => {
    const html = `<html><head><title>Solar Sul — Preços</title><style>.a{}</style></head><body>
      <nav><a href="/">Início</a><a href="/contato">Contato</a></nav>
      <script>window.track = true;</script>
      <main>
        <p>Energia solar para sua casa.</p>
        <h1>Preços</h1><p>Kits a partir de <b>R$ 12.900,00</b>.</p>
        <h2>Kits <br>residenciais</h2>
        <table><tr><th>Kit</th><th>Preço</th></tr><tr><td>3 kWp</td><td>R$ 12.900,00</td></tr></table>
        <h3>Instalação</h3><ul><li>Em até 30 dias</li><li>Com ART</li></ul>
      </main>
      <footer>CNPJ 00.000.000/0001-00 — Todos os direitos reservados</footer>
    </body></html>`;

    expect(extractHtml(html)).toEqual({
      title: 'Solar Sul — Preços',
      sections: [
        { heading: null, text: 'Energia solar para sua casa.' },
        { heading: 'Preços', level: 1, text: 'Kits a partir de R$ 12.900,00.' },
        { heading: 'Kits residenciais', level: 2, text: 'Kit: 3 kWp; Preço: R$ 12.900,00' },
        { heading: 'Instalação', level: 3, text: '- Em até 30 dias\n- Com ART' },
      ],
    });
  });
});
