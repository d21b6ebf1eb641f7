import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeOpenAI, startFakeOpenAI } from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWithCompany } from '../../testing/company.ts';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import type { ApiJson } from '../../testing/json.ts';
import { multipartBody } from '../../testing/multipart.ts';
import type { TestClient } from '../../testing/session.ts';
import { waitFor } from '../../testing/wait.ts';

/**
 * Retrieval quality on the Portuguese question set that ships in testdata/ (see its README): hit@5 =
 * share of questions with a passage of an expected document among the first five results.
 */
const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata');
type Question = { id: string; question: string; expected: string[] };

let t: TestApp;
let llm: FakeOpenAI;
let owner: TestClient;
let orgId: string;
let questions: Question[];
const documentIds: string[] = [];

beforeAll(async () => {
  llm = await startFakeOpenAI();
  t = await startTestApp({ OPENAI_API_KEY: llm.apiKey, OPENAI_BASE_URL: llm.url });
  ({ owner, orgId } = await ownerWithCompany(t.app, t.platform, 'Solar Sul Energia'));
  const collectionId = (await owner.post(api('/knowledge/collections'), { name: 'Comercial' })).json().id;
  const set = JSON.parse(await readFile(path.join(testdata, 'questions.json'), 'utf8'));
  questions = set.questions;
  const corpus = path.join(testdata, set.corpusDir);
  for (const fileName of (await readdir(corpus)).sort()) {
    const data = await readFile(path.join(corpus, fileName));
    const mimeType = fileName.endsWith('.csv') ? 'text/csv' : 'text/markdown';
    const { body, headers } = multipartBody({ collectionId }, { fileName, mimeType, data });
    const res = await owner.request('POST', api('/knowledge/documents'), body, headers);
    expect(res.statusCode, res.body).toBe(201);
    documentIds.push(res.json().id);
  }
  await allReady();
}, 60_000);
afterAll(async () => {
  await t?.close();
  await llm?.close();
});

function api(p: string) {
  return `/api/v1/orgs/${orgId}${p}`;
}
async function allReady() {
  await waitFor(async () => {
    const docs = (await owner.get(api('/knowledge/documents'))).json().documents as ApiJson[];
    return docs.length === documentIds.length && docs.every((d) => d.status === 'ready') ? docs : undefined;
  }, 30_000);
}

async function hitAt5(): Promise<{ hit: number; mode: string; misses: string[] }> {
  let hits = 0;
  let mode = '';
  const misses: string[] = [];
  for (const q of questions) {
    const res = (await owner.post(api('/knowledge/search'), { query: q.question, limit: 5 })).json();
    mode = res.mode;
    const titles = (res.results as ApiJson[]).map((r) => r.documentTitle);
    const expected = q.expected.map((f) => f.replace(/\.[a-z]+$/, ''));
    if (titles.some((title) => expected.includes(title))) hits++;
    else misses.push(`${q.id}: "${q.question}" → ${titles.slice(0, 3).join(', ') || '(nada)'}`);
  }
  return { hit: hits / questions.length, mode, misses };
}

describe('retrieval quality (Portuguese question set)', () => {
  it('full-text search alone finds the right document in the top 5 for at least 80% of the questions', async () => {
    const { hit, mode, misses } = await hitAt5();
    expect(mode).toBe('fulltext');
    console.log(`hit@5 (só palavras): ${hit.toFixed(3)} em ${questions.length} perguntas`);
    if (misses.length) console.log(`  não encontradas:\n  ${misses.join('\n  ')}`);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(hit).toBeGreaterThanOrEqual(0.8);
  });

  it('hybrid search (embeddings + full text) keeps at least that quality', async () => {
    await owner.put(api('/ai-settings'), {
      models: { embeddings: { provider: 'openai', name: 'text-embedding-3-small' } },
    });
    for (const id of documentIds) await owner.post(api(`/knowledge/documents/${id}/reindex`), {});
    await allReady();
    const { hit, mode, misses } = await hitAt5();
    expect(mode).toBe('hybrid');
    console.log(`hit@5 (híbrida, embeddings do modelo de teste): ${hit.toFixed(3)}`);
    if (misses.length) console.log(`  não encontradas:\n  ${misses.join('\n  ')}`);
    expect(hit).toBeGreaterThanOrEqual(0.8);
  });
});
