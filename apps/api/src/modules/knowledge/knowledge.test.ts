import {
  type FakeOpenAI,
  htmlResponse,
  makeDocx,
  makeEncryptedPdf,
  makePdf,
  makeXlsx,
  redirectResponse,
  startFakeHttpServer,
  startFakeOpenAI,
} from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberOf, ownerWithCompany } from '../../testing/company.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import type { ApiJson } from '../../testing/json.ts';
import { multipartBody } from '../../testing/multipart.ts';
import type { TestClient } from '../../testing/session.ts';
import { waitFor } from '../../testing/wait.ts';

let t: TestApp;
let llm: FakeOpenAI;
let owner: TestClient;
let orgId: string;
let collectionId: string;
let site: Awaited<ReturnType<typeof startFakeHttpServer>>;

beforeAll(async () => {
  llm = await startFakeOpenAI();
  site = await startFakeHttpServer((request) =>
    request.path === '/antiga'
      ? redirectResponse('/entrega')
      : request.path === '/entrega'
        ? htmlResponse(
            200,
            `<html><head><title>Entrega</title></head><body><nav>Menu Início Contato</nav>
           <h1>Prazos de entrega</h1><p>Entregamos em Porto Alegre em até 2 dias úteis e no interior do RS em até 5 dias úteis.</p>
           <footer>© Solar Sul</footer></body></html>`,
          )
        : htmlResponse(404, '<h1>Não encontrada</h1>'),
  );
  t = await startTestApp({ OPENAI_API_KEY: llm.apiKey, OPENAI_BASE_URL: llm.url });
  ({ owner, orgId } = await ownerWithCompany(t.app, t.platform, 'Solar Sul Energia'));
  const created = await owner.post(api('/knowledge/collections'), { name: 'Comercial' });
  expect(created.statusCode, created.body).toBe(201);
  collectionId = created.json().id;
});
afterAll(async () => {
  await t?.close();
  await llm?.close();
  await site?.close();
});

const api = (path: string) => `/api/v1/orgs/${orgId}${path}`;

async function upload(fileName: string, mimeType: string, data: Buffer): Promise<ApiJson> {
  const { body, headers } = multipartBody({ collectionId }, { fileName, mimeType, data });
  const res = await owner.request('POST', api('/knowledge/documents'), body, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
/** Waits for the ingestion job to finish (ready or failed) and returns the document with its chunks. */
async function settled(documentId: string): Promise<ApiJson> {
  return waitFor(async () => {
    const doc = (await owner.get(api(`/knowledge/documents/${documentId}`))).json();
    return doc.status === 'ready' || doc.status === 'failed' ? doc : undefined;
  }, 20_000);
}
async function search(query: string, extra: object = {}): Promise<ApiJson> {
  const res = await owner.post(api('/knowledge/search'), { query, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('documents', () => {
  it('ingests a PDF, a DOCX and a price list in XLSX, and finds what each says', async () => {
    const pdf = await upload(
      'garantia.pdf',
      'application/pdf',
      await makePdf({
        pages: [
          {
            heading: 'Garantia dos painéis',
            paragraphs: [
              'Os painéis solares têm garantia de 25 anos de eficiência e 12 anos contra defeitos.',
            ],
          },
          { heading: 'Inversores', paragraphs: ['O inversor tem garantia de 10 anos do fabricante.'] },
        ],
      }),
    );
    const docx = await upload(
      'pagamento.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      await makeDocx({
        sections: [
          {
            heading: 'Formas de pagamento',
            paragraphs: [
              'Aceitamos Pix com 5% de desconto, boleto e cartão de crédito em até 12 vezes sem juros.',
            ],
          },
        ],
      }),
    );
    const xlsx = await upload(
      'precos.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      await makeXlsx([
        {
          name: 'Kits',
          rows: [
            ['Kit', 'Potência', 'Preço'],
            ['Kit Residencial Pequeno', '3 kWp', 'R$ 14.900,00'],
            ['Kit Residencial Grande', '6 kWp', 'R$ 26.500,00'],
          ],
        },
      ]),
    );
    const [p, d, x] = await Promise.all([settled(pdf.id), settled(docx.id), settled(xlsx.id)]);
    expect(p).toMatchObject({ status: 'ready', format: 'pdf', pages: 2, progress: 100, error: null });
    expect(p.chunks.map((c: ApiJson) => c.text).join(' ')).toContain('25 anos de eficiência');
    expect(p.chunks.find((c: ApiJson) => c.text.includes('inversor'))).toMatchObject({ page: 2 });
    expect(d).toMatchObject({ status: 'ready', format: 'docx' });
    expect(x).toMatchObject({ status: 'ready', format: 'xlsx' });
    // Each spreadsheet row is a record of its own, found by what it says.
    expect(x.chunks.some((c: ApiJson) => /Kit Residencial Grande.*26\.500/s.test(c.text))).toBe(true);

    const found = await search('vcs parcelam no cartao?');
    expect(found.mode).toBe('fulltext');
    expect(found.notice).toMatch(/embeddings/);
    expect(found.results[0]).toMatchObject({ documentTitle: 'pagamento', matchedBy: ['fulltext'] });
    expect((await search('qual a garantia do inversor')).results[0].text).toMatch(/10 anos/);
    expect((await search('quanto custa o kit grande de 6 kwp')).results[0].text).toMatch(/26\.500/);
  });

  it('explains what is wrong with a bad file and keeps it listed', async () => {
    const locked = await upload('tabela.pdf', 'application/pdf', makeEncryptedPdf());
    const broken = await upload(
      'proposta.pdf',
      'application/pdf',
      Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type'),
    );
    const exe = await upload('programa.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00binary'));
    const [l, b, e] = await Promise.all([settled(locked.id), settled(broken.id), settled(exe.id)]);
    expect(l).toMatchObject({ status: 'failed', error: { code: 'encrypted' } });
    expect(l.error.message).toMatch(/senha/);
    expect(b).toMatchObject({ status: 'failed', error: { code: 'corrupt' } });
    expect(e).toMatchObject({ status: 'failed', error: { code: 'unsupported' } });
    const list = (await owner.get(api('/knowledge/documents'))).json().documents as ApiJson[];
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining([locked.id, broken.id, exe.id]));
    // Too big for the upload limit: refused at the door with a clear message.
    const big = multipartBody(
      { collectionId },
      { fileName: 'enorme.pdf', mimeType: 'application/pdf', data: Buffer.alloc(26 * 1024 * 1024, 32) },
    );
    const tooBig = await owner.request('POST', api('/knowledge/documents'), big.body, big.headers);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toMatch(/25 MB/);
  });

  it('imports a web page by URL, keeping the content and dropping the menu', async () => {
    const res = await owner.post(api('/knowledge/documents/url'), {
      collectionId,
      // An old address that redirects: each hop is checked, the page at the end is imported.
      url: `${site.url}/antiga`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = await settled(res.json().id);
    expect(doc.status).toBe('ready');
    const text = doc.chunks.map((c: ApiJson) => c.text).join(' ');
    expect(text).toContain('2 dias úteis');
    expect(text).not.toContain('Menu Início');
    const missing = await owner.post(api('/knowledge/documents/url'), {
      collectionId,
      url: `${site.url}/nao-existe`,
    });
    expect(await settled(missing.json().id)).toMatchObject({
      status: 'failed',
      error: { code: 'unreachable' },
    });
  });

  it('edits a typed document (re-indexed) and deletes documents from search', async () => {
    const res = await owner.post(api('/knowledge/documents/text'), {
      collectionId,
      title: 'Visita técnica',
      content:
        '# Visita técnica\n\nA visita técnica custa R$ 150, abatidos do valor do kit se fechar negócio.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = await settled(res.json().id);
    expect((await search('visita tecnica é paga?')).results[0].documentId).toBe(doc.id);
    const edited = await owner.patch(api(`/knowledge/documents/${doc.id}`), {
      content: '# Visita técnica\n\nA visita técnica é gratuita em Porto Alegre.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await waitFor(async () => {
      const r = await search('visita tecnica é paga?');
      return r.results[0]?.text.includes('gratuita') ? r : undefined;
    });
    expect((await owner.delete(api(`/knowledge/documents/${doc.id}`))).statusCode).toBe(204);
    const after = await search('visita tecnica gratuita');
    expect(after.results.some((r: ApiJson) => r.documentId === doc.id)).toBe(false);
  });

  it('searches by meaning too once an embedding model is configured (hybrid)', async () => {
    const saved = await owner.put(api('/ai-settings'), {
      models: { embeddings: { provider: 'openai', name: 'text-embedding-3-small' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().models.embeddings).toEqual({ provider: 'openai', name: 'text-embedding-3-small' });
    const res = await owner.post(api('/knowledge/documents/text'), {
      collectionId,
      title: 'Financiamento',
      content: 'Financiamos o sistema solar pelo banco parceiro em até 96 parcelas, com carência de 90 dias.',
    });
    const doc = await settled(res.json().id);
    expect(doc.status).toBe('ready');
    const sent = llm.embeddingRequests.find((r) => r.input.some((i) => i.includes('96 parcelas')));
    expect(sent).toMatchObject({ model: 'text-embedding-3-small', dimensions: 1536 });
    const found = await search('financiamento em parcelas');
    expect(found.mode).toBe('hybrid');
    expect(found.notice).toBeNull();
    expect(found.results[0]).toMatchObject({ documentId: doc.id });
    expect(found.results[0].matchedBy.sort()).toEqual(['fulltext', 'vector']);
  });
});

describe('access', () => {
  it('lets sellers search and teach, but only admins change documents', async () => {
    const seller = await memberOf(t.app, t.platform, owner, orgId, 'seller');
    expect((await seller.post(api('/knowledge/search'), { query: 'garantia' })).statusCode).toBe(200);
    expect((await seller.post(api('/knowledge/collections'), { name: 'Minha' })).statusCode).toBe(403);
    const text = { collectionId, title: 'Nota', content: 'texto' };
    expect((await seller.post(api('/knowledge/documents/text'), text)).statusCode).toBe(403);
    const taught = await seller.post(api('/knowledge/learned'), {
      question: 'Vocês instalam em telhado de fibrocimento?',
      answer: 'Sim, com suportes próprios para fibrocimento.',
    });
    expect(taught.statusCode, taught.body).toBe(201);
    expect(taught.json()).toMatchObject({ status: 'active', source: 'manual' });
  });
});
