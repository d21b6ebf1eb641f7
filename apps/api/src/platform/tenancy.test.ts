import { randomUUID } from 'node:crypto';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../db/schema/index.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { lastMailTo, linkIn, signUpVerified, TestClient } from '../testing/session.ts';
import { assertRouteAccess } from './tenancy.ts';

/** Tables that are not one company's data: identity (shared across companies) and platform plumbing. */
const NOT_TENANT_TABLES = [
  'users',
  'sessions',
  'accounts',
  'verifications',
  'rate_limits',
  'mail_log',
  'orgs',
];

let t: TestApp;
let ownerA: TestClient;
let ownerB: TestClient;
const ids = {
  orgA: '',
  orgB: '',
  memberB: '',
  invitationB: '',
  channelB: '',
  conversationB: '',
  contactB: '',
  messageB: '',
  labelB: '',
  quickReplyB: '',
  agentB: '',
  traceB: '',
  suggestionB: '',
  questionB: '',
  collectionB: '',
  documentB: '',
  learnedAnswerB: '',
  voiceB: '',
};

beforeAll(async () => {
  t = await startTestApp();
  ownerA = await signUpVerified(t.app, t.platform, { email: 'dono@empresa-a.com' });
  ownerB = await signUpVerified(t.app, t.platform, { email: 'dono@empresa-b.com' });
  ids.orgA = (await ownerA.post('/api/v1/orgs', { name: 'Empresa A' })).json().id;
  ids.orgB = (await ownerB.post('/api/v1/orgs', { name: 'Empresa B' })).json().id;
  await ownerB.post(`/api/v1/orgs/${ids.orgB}/invitations`, {
    email: 'vendedor@empresa-b.com',
    role: 'seller',
  });
  const token = new URL(linkIn((await lastMailTo(t.platform, 'vendedor@empresa-b.com')).text)).pathname
    .split('/')
    .pop();
  ids.memberB = (
    await new TestClient(t.app).post(`/api/v1/invitations/${token}/sign-up`, {
      name: 'Vendedor B',
      password: 'senha-segura-123',
    })
  ).json().memberId;
  ids.invitationB = (
    await ownerB.post(`/api/v1/orgs/${ids.orgB}/invitations`, {
      email: 'pendente@empresa-b.com',
      role: 'seller',
    })
  ).json().id;
  // Company B's inbox: a sandbox number, a lead's conversation, a label and a quick reply.
  ids.channelB = (
    await ownerB.post(`/api/v1/orgs/${ids.orgB}/channels`, { provider: 'sandbox', name: 'Simulador B' })
  ).json().id;
  await ownerB.post(`/api/v1/orgs/${ids.orgB}/channels/${ids.channelB}/sandbox/messages`, {
    leadPhone: '5511987651111',
    leadName: 'Lead B',
    text: 'segredo da empresa B',
  });
  const conv = (await ownerB.get(`/api/v1/orgs/${ids.orgB}/conversations`)).json().conversations[0];
  ids.conversationB = conv.id;
  ids.contactB = conv.contact.id;
  ids.messageB = (
    await ownerB.get(`/api/v1/orgs/${ids.orgB}/conversations/${conv.id}/messages`)
  ).json().messages[0].id;
  ids.labelB = (
    await ownerB.post(`/api/v1/orgs/${ids.orgB}/labels`, { name: 'VIP', color: '#0f766e' })
  ).json().id;
  ids.quickReplyB = (
    await ownerB.post(`/api/v1/orgs/${ids.orgB}/quick-replies`, { shortcut: 'oi', text: 'Olá!' })
  ).json().id;
  // B's AI: an agent and, written directly, one trace, one suggestion and one question.
  ids.agentB = (
    await ownerB.post(`/api/v1/orgs/${ids.orgB}/agents`, { name: 'Agente B', channelIds: [ids.channelB] })
  ).json().id;
  const { agentTraces, suggestions, questions } = await import('../db/schema/index.ts');
  const common = { orgId: ids.orgB, conversationId: ids.conversationB };
  [{ id: ids.traceB }] = await t.platform.db
    .insert(agentTraces)
    .values({
      ...common,
      agentId: ids.agentB,
      agentVersion: 1,
      mode: 'copiloto',
      status: 'suggested',
      input: [],
      retrieved: [],
      toolCalls: [],
      output: ['oi'],
    })
    .returning({ id: agentTraces.id });
  [{ id: ids.suggestionB }] = await t.platform.db
    .insert(suggestions)
    .values({ ...common, texts: ['oi'] })
    .returning({ id: suggestions.id });
  [{ id: ids.questionB }] = await t.platform.db
    .insert(questions)
    .values({ ...common, threadId: 'x', question: 'Qual o prazo?' })
    .returning({ id: questions.id });
  // B's knowledge: a collection, a typed document and a learned answer.
  const kb = `/api/v1/orgs/${ids.orgB}/knowledge`;
  ids.collectionB = (await ownerB.post(`${kb}/collections`, { name: 'Segredos B' })).json().id;
  ids.documentB = (
    await ownerB.post(`${kb}/documents/text`, {
      collectionId: ids.collectionB,
      title: 'Tabela B',
      content: 'Preço secreto da empresa B',
    })
  ).json().id;
  ids.learnedAnswerB = (
    await ownerB.post(`${kb}/learned`, { question: 'Qual o desconto?', answer: 'Segredo B' })
  ).json().id;
  ids.voiceB = (
    await ownerB.post(`/api/v1/orgs/${ids.orgB}/voices/stock`, {
      name: 'Voz B',
      provider: 'openai',
      providerVoiceId: 'coral',
    })
  ).json().id;
});
afterAll(() => t?.close());

/**
 * A valid body for each company write route, so the request gets past validation and reaches the
 * ownership check. A new route without an entry fails the test until one is added here.
 */
const sampleBodies: Record<string, unknown> = {
  'PATCH /api/v1/orgs/:orgId': { name: 'Tomada' },
  'PATCH /api/v1/orgs/:orgId/members/:memberId': { role: 'admin', status: 'inactive' },
  'POST /api/v1/orgs/:orgId/invitations': { email: 'intruso@empresa-a.com', role: 'seller' },
  'POST /api/v1/orgs/:orgId/invitations/:invitationId/resend': {},
  'POST /api/v1/orgs/:orgId/channels': { provider: 'sandbox', name: 'Intruso' },
  'PATCH /api/v1/orgs/:orgId/channels/:channelId': { name: 'Tomado' },
  'POST /api/v1/orgs/:orgId/channels/:channelId/check': {},
  'POST /api/v1/orgs/:orgId/channels/:channelId/sandbox/messages': {
    leadPhone: '5511987650000',
    leadName: 'X',
    text: 'x',
  },
  'POST /api/v1/orgs/:orgId/channels/:channelId/sandbox/read': { leadPhone: '5511987651111' },
  'PATCH /api/v1/orgs/:orgId/conversations/:conversationId': { status: 'closed' },
  'PUT /api/v1/orgs/:orgId/conversations/:conversationId/labels': { labelIds: [] },
  'POST /api/v1/orgs/:orgId/conversations/:conversationId/read': {},
  'POST /api/v1/orgs/:orgId/conversations/:conversationId/messages': { text: 'invadindo' },
  'POST /api/v1/orgs/:orgId/labels': { name: 'Intrusa', color: '#000000' },
  'PATCH /api/v1/orgs/:orgId/contacts/:contactId': { name: 'Renomeado' },
  'POST /api/v1/orgs/:orgId/contacts/:contactId/notes': { text: 'nota intrusa' },
  'POST /api/v1/orgs/:orgId/quick-replies': { shortcut: 'intruso', text: 'x' },
  'POST /api/v1/orgs/:orgId/uploads': {},
  'POST /api/v1/orgs/:orgId/agents': { name: 'Agente intruso' },
  'PATCH /api/v1/orgs/:orgId/agents/:agentId': { name: 'Tomado' },
  'POST /api/v1/orgs/:orgId/agents/:agentId/active': { active: false },
  'PUT /api/v1/orgs/:orgId/ai-settings': { openaiApiKey: 'sk-intruso' },
  'POST /api/v1/orgs/:orgId/suggestions/:suggestionId/accept': { text: 'enviado por intruso' },
  'POST /api/v1/orgs/:orgId/suggestions/:suggestionId/dismiss': {},
  'POST /api/v1/orgs/:orgId/questions/:questionId/answer': { answer: 'resposta intrusa' },
  'POST /api/v1/orgs/:orgId/knowledge/collections': { name: 'Intrusa' },
  'PATCH /api/v1/orgs/:orgId/knowledge/collections/:collectionId': { name: 'Tomada' },
  'POST /api/v1/orgs/:orgId/knowledge/documents': {},
  'POST /api/v1/orgs/:orgId/knowledge/documents/text': {
    collectionId: randomUUID(),
    title: 'Intruso',
    content: 'x',
  },
  'POST /api/v1/orgs/:orgId/knowledge/documents/url': { collectionId: randomUUID(), url: 'https://a.com' },
  'PATCH /api/v1/orgs/:orgId/knowledge/documents/:documentId': { title: 'Tomado' },
  'POST /api/v1/orgs/:orgId/knowledge/documents/:documentId/reindex': {},
  'POST /api/v1/orgs/:orgId/knowledge/search': { query: 'preço secreto' },
  'POST /api/v1/orgs/:orgId/knowledge/learned': { question: 'Intrusa?', answer: 'x' },
  'PATCH /api/v1/orgs/:orgId/knowledge/learned/:learnedAnswerId': { answer: 'Tomada' },
  'POST /api/v1/orgs/:orgId/knowledge/learned/:learnedAnswerId/approve': {},
  'POST /api/v1/orgs/:orgId/knowledge/learned/:learnedAnswerId/dismiss': {},
  'POST /api/v1/orgs/:orgId/voices': {},
  'POST /api/v1/orgs/:orgId/voices/stock': { name: 'Intrusa', provider: 'openai', providerVoiceId: 'alloy' },
  'POST /api/v1/orgs/:orgId/voices/:voiceId/preview': { text: 'Olá' },
};

/** Required query strings, for the same reason. */
const sampleQueries: Record<string, string> = {
  'GET /api/v1/orgs/:orgId/channels/:channelId/sandbox': '?leadPhone=5511987651111',
};

function bodyFor(method: string, url: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  const key = `${method} ${url}`;
  if (!(key in sampleBodies)) throw new Error(`add a valid sample body for ${key} to tenancy.test.ts`);
  return sampleBodies[key];
}

/** Fills a route's parameters with company B's resources (or a random id for anything unknown). */
function urlFor(url: string, orgId: string): string {
  const values: Record<string, string> = {
    orgId,
    memberId: ids.memberB,
    invitationId: ids.invitationB,
    channelId: ids.channelB,
    conversationId: ids.conversationB,
    contactId: ids.contactB,
    messageId: ids.messageB,
    labelId: ids.labelB,
    quickReplyId: ids.quickReplyB,
    agentId: ids.agentB,
    traceId: ids.traceB,
    suggestionId: ids.suggestionB,
    questionId: ids.questionB,
    collectionId: ids.collectionB,
    documentId: ids.documentB,
    learnedAnswerId: ids.learnedAnswerB,
    voiceId: ids.voiceB,
  };
  return url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? randomUUID());
}

describe('tenant isolation', () => {
  it('has company routes to check (the list is not empty)', () => {
    const companyRoutes = t.app.apiRoutes.filter((r) => typeof r.access === 'object');
    expect(companyRoutes.length).toBeGreaterThanOrEqual(8);
  });

  it("gives a member of company A 403/404 on every one of company B's routes and resources", async () => {
    const checked: string[] = [];
    for (const route of t.app.apiRoutes.filter((r) => typeof r.access === 'object')) {
      for (const orgId of [ids.orgB, ids.orgA]) {
        const url = urlFor(route.url, orgId) + (sampleQueries[`${route.method} ${route.url}`] ?? '');
        // With A's own org id, only routes that name another resource of B can leak.
        if (orgId === ids.orgA && url === route.url.replace(':orgId', ids.orgA)) continue;
        const res = await ownerA.request(route.method as 'GET', url, bodyFor(route.method, route.url));
        expect([403, 404], `${route.method} ${url} → ${res.statusCode} ${res.body}`).toContain(
          res.statusCode,
        );
        checked.push(`${route.method} ${route.url}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
    // Company B is untouched.
    const members = (await ownerB.get(`/api/v1/orgs/${ids.orgB}/members`)).json().members;
    expect(members.find((m: { id: string }) => m.id === ids.memberB)).toMatchObject({
      role: 'seller',
      status: 'active',
    });
    expect((await ownerB.get(`/api/v1/orgs/${ids.orgB}`)).json().name).toBe('Empresa B');
    const invitations = (await ownerB.get(`/api/v1/orgs/${ids.orgB}/invitations`)).json().invitations;
    expect(invitations.map((i: { id: string }) => i.id)).toContain(ids.invitationB);
    const conv = (await ownerB.get(`/api/v1/orgs/${ids.orgB}/conversations/${ids.conversationB}`)).json();
    expect(conv).toMatchObject({ status: 'open', contact: { name: 'Lead B' }, labels: [] });
    const msgs = (
      await ownerB.get(`/api/v1/orgs/${ids.orgB}/conversations/${ids.conversationB}/messages`)
    ).json().messages;
    expect(msgs.map((m: { text: string }) => m.text)).toEqual(['segredo da empresa B']);
    const channels = (await ownerB.get(`/api/v1/orgs/${ids.orgB}/channels`)).json().channels;
    expect(channels.map((c: { name: string }) => c.name)).toEqual(['Simulador B']);
    expect((await ownerB.get(`/api/v1/orgs/${ids.orgB}/labels`)).json().labels).toHaveLength(1);
    expect(
      (await ownerB.get(`/api/v1/orgs/${ids.orgB}/contacts/${ids.contactB}/notes`)).json().notes,
    ).toEqual([]);
    const agentB = (await ownerB.get(`/api/v1/orgs/${ids.orgB}/agents/${ids.agentB}`)).json();
    expect(agentB).toMatchObject({ name: 'Agente B', version: 1, active: true });
    expect((await ownerB.get(`/api/v1/orgs/${ids.orgB}/questions`)).json().questions[0]).toMatchObject({
      status: 'pending',
    });
    const pending = await ownerB.get(
      `/api/v1/orgs/${ids.orgB}/conversations/${ids.conversationB}/suggestions`,
    );
    expect(pending.json().suggestions).toHaveLength(1);
    // And company A sees none of B's conversations.
    expect((await ownerA.get(`/api/v1/orgs/${ids.orgA}/conversations`)).json().conversations).toEqual([]);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    const anon = new TestClient(t.app);
    for (const route of t.app.apiRoutes.filter((r) => r.access !== 'public')) {
      const res = await anon.request(
        route.method as 'GET',
        urlFor(route.url, ids.orgB),
        route.method === 'GET' ? undefined : {},
      );
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('refuses to start with an API route that does not declare who may call it', () => {
    expect(() => assertRouteAccess('/api/v1/orgs/:orgId/things', undefined)).toThrow(/config.access/);
    expect(() => assertRouteAccess('/api/v1/things', { minRole: 'seller' })).toThrow(/:orgId/);
    expect(() => assertRouteAccess('/api/v1/orgs/:orgId/things', { minRole: 'seller' })).not.toThrow();
  });

  it('gives every tenant table an org_id column', () => {
    const tables = (Object.values(schema) as unknown[])
      .filter((v): v is PgTable => is(v, PgTable))
      .map((table) => getTableConfig(table));
    expect(tables.length).toBeGreaterThan(NOT_TENANT_TABLES.length);
    for (const table of tables.filter((c) => !NOT_TENANT_TABLES.includes(c.name))) {
      expect(
        table.columns.map((c) => c.name),
        table.name,
      ).toContain('org_id');
    }
  });
});
