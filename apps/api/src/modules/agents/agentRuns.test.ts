import { describe, expect, it } from 'vitest';
import { testDbKind } from '../../testing/harness.ts';
import type { ApiJson } from '../../testing/json.ts';
import { useSandboxAgent } from '../../testing/sandboxAgent.ts';
import { waitFor } from '../../testing/wait.ts';
import { sandboxProvider } from '../channels/providers/sandbox/sandbox.ts';
import { HANDOFF_MESSAGE, HOLDING_MESSAGE } from './prompts.ts';

const sandbox = useSandboxAgent({
  company: 'Ótica Visão',
  agent: {
    name: 'Bia',
    replyStyle: { splitMessages: true, maxMessagesPerTurn: 3, typingDelay: false },
  },
});
const { api, leadSays, conversationOf, messagesOf, tracesOf } = sandbox;
const setAgent = async (patch: object) => {
  const res = await sandbox.owner.patch(api(`/agents/${sandbox.agentId}`), patch);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('piloto', () => {
  it('answers the lead in WhatsApp-sized bubbles, using tools, and records the turn', async () => {
    sandbox.llm.script(
      {
        toolCalls: [
          {
            name: 'update_lead',
            args: { fields: { necessidade: 'óculos de grau', orcamento: 'até R$ 800' }, score: 50 },
          },
        ],
      },
      {
        content:
          'Oi! Temos várias armações nessa faixa. 😊\n\nQuer agendar um exame de vista? É grátis na compra.',
      },
    );
    const phone = await leadSays('Oi, preciso de óculos de grau, tenho uns 800 reais');
    const conv = await conversationOf(phone);
    const msgs = await waitFor(async () => {
      const m = await messagesOf(conv.id);
      return m.filter((x) => x.senderType === 'ai').length === 2 ? m : undefined;
    });
    expect(msgs.filter((m) => m.senderType === 'ai').map((m) => m.text)).toEqual([
      'Oi! Temos várias armações nessa faixa. 😊',
      'Quer agendar um exame de vista? É grátis na compra.',
    ]);
    // The model saw the company's rules first and the lead's words.
    const request = sandbox.llm.requests.at(-1)!;
    expect(JSON.stringify(request.messages[0])).toMatch(/Ótica Visão/);
    expect(request.tools.map((tool) => tool.function.name).sort()).toEqual(
      ['ask_human', 'handoff_to_human', 'schedule_followup', 'search_knowledge', 'update_lead'].sort(),
    );
    const [trace] = await waitFor(async () => {
      const list = await tracesOf(conv.id);
      return list.length ? list : undefined;
    });
    expect(trace).toMatchObject({ status: 'replied', agentVersion: 1, mode: 'piloto' });
    const detail = (await sandbox.owner.get(api(`/traces/${trace.id}`))).json();
    expect(detail.toolCalls[0]).toMatchObject({ name: 'update_lead', result: 'Ficha do lead atualizada.' });
    expect(detail.tokens.input).toBeGreaterThan(0);
    expect(detail.input.at(-1)).toEqual({
      role: 'lead',
      text: 'Oi, preciso de óculos de grau, tenho uns 800 reais',
    });
    expect(detail.model).toBe('openai:gpt-4.1-mini');
    // No debounce: the turn ran in the process that stored the message — no job, and no retry of a failure.
    const { rows } = await sandbox.platform.database.pool.query(
      "select count(*)::int as n from pgboss.job where name = 'agent.run' and data->>'conversationId' = $1",
      [conv.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('merges a burst of messages into one answer (debounce)', async () => {
    await setAgent({ debounceSeconds: 1 });
    const before = sandbox.llm.requests.length;
    sandbox.llm.script({ content: 'Claro! Aceitamos Pix e cartão em até 10x.' });
    const phone = await leadSays('Oi');
    await leadSays('vocês aceitam', phone);
    await leadSays('cartão?', phone);
    const conv = await conversationOf(phone);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.senderType === 'ai'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(sandbox.llm.requests.length - before).toBe(1);
    const seen = JSON.stringify(sandbox.llm.requests.at(-1)!.messages);
    expect(seen).toContain('vocês aceitam');
    expect(seen).toContain('cartão?');
    expect((await messagesOf(conv.id)).filter((m) => m.senderType === 'ai')).toHaveLength(1);
    await setAgent({ debounceSeconds: 0 });
  });

  it('asks the team when it lacks an answer, tells the lead, and resumes with the answer', async () => {
    sandbox.llm.script({
      toolCalls: [{ name: 'ask_human', args: { question: 'Vocês fazem lente multifocal em 2 dias?' } }],
    });
    const phone = await leadSays('Vocês fazem multifocal em 2 dias?');
    const conv = await conversationOf(phone);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.text === HOLDING_MESSAGE));
    const question = await waitFor(async () => {
      const q = (await sandbox.owner.get(api('/questions'))).json().questions as ApiJson[];
      return q.find((x) => x.conversationId === conv.id);
    });
    expect(question).toMatchObject({
      question: 'Vocês fazem lente multifocal em 2 dias?',
      status: 'pending',
      contactName: expect.any(String),
    });

    sandbox.llm.script({ content: 'Fazemos sim! Multifocal fica pronta em 2 dias úteis.' });
    const answered = await sandbox.owner.post(api(`/questions/${question.id}/answer`), {
      answer: 'Sim, 2 dias úteis',
    });
    expect(answered.json()).toMatchObject({
      status: 'answered',
      answer: 'Sim, 2 dias úteis',
      answeredByName: expect.any(String),
    });
    await waitFor(async () =>
      (await messagesOf(conv.id)).find(
        (m) => m.text === 'Fazemos sim! Multifocal fica pronta em 2 dias úteis.',
      ),
    );
    // The graph resumed where it stopped: the tool's result carries the team's answer.
    expect(JSON.stringify(sandbox.llm.requests.at(-1)!.messages)).toContain(
      'Resposta da equipe: Sim, 2 dias úteis',
    );
  });

  it('hands off when the lead asks for a person, without calling the model', async () => {
    const before = sandbox.llm.requests.length;
    const phone = await leadSays('Quero falar com um atendente, por favor');
    const conv = await conversationOf(phone);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.text === HANDOFF_MESSAGE));
    expect((await sandbox.owner.get(api(`/conversations/${conv.id}`))).json()).toMatchObject({
      aiActive: false,
      handoffReason: 'lead_requested',
    });
    expect(sandbox.llm.requests.length).toBe(before);
  });

  it('never talks over a human: after a seller writes, the AI stays quiet', async () => {
    sandbox.llm.script({ content: 'Olá!' });
    const phone = await leadSays('Bom dia');
    const conv = await conversationOf(phone);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.senderType === 'ai'));
    await sandbox.owner.post(api(`/conversations/${conv.id}/messages`), {
      text: 'Aqui é a Carla, vendedora. Posso ajudar?',
    });
    const before = sandbox.llm.requests.length;
    await leadSays('Pode sim, Carla', phone);
    await new Promise((r) => setTimeout(r, 1500));
    expect(sandbox.llm.requests.length).toBe(before);
    expect((await sandbox.owner.get(api(`/conversations/${conv.id}`))).json().aiActive).toBe(false);
  });

  it('a lead message during a run is not lost: the stale answer is dropped and one answer covers both', async () => {
    sandbox.llm.script(
      { content: 'Resposta que ficou velha', delayMs: 1500 },
      { content: 'Temos sim, e a armação sai por R$ 350.' },
    );
    const before = sandbox.llm.requests.length;
    const phone = await leadSays('Vocês têm armação redonda?');
    await waitFor(async () => sandbox.llm.requests.length > before || undefined);
    await leadSays('e quanto custa?', phone);
    const conv = await conversationOf(phone);
    const traces = await waitFor(async () => {
      const list = await tracesOf(conv.id);
      return list.filter((t) => t.status !== 'running').length === 2 ? list : undefined;
    });
    expect(traces.map((t) => t.status).sort()).toEqual(['replied', 'superseded']);
    const ai = (await messagesOf(conv.id)).filter((m) => m.senderType === 'ai');
    expect(ai.map((m) => m.text)).toEqual(['Temos sim, e a armação sai por R$ 350.']);
    const seen = JSON.stringify(sandbox.llm.requests.at(-1)!.messages);
    expect(seen).toContain('armação redonda');
    expect(seen).toContain('e quanto custa?');
  });

  it('a seller who writes while the model thinks makes its answer stale: it is never sent', async () => {
    sandbox.llm.script({ content: 'Resposta que atropelaria a vendedora', delayMs: 1500 });
    const before = sandbox.llm.requests.length;
    const phone = await leadSays('Tem lente com filtro azul?');
    const conv = await conversationOf(phone);
    await waitFor(async () => sandbox.llm.requests.length > before || undefined);
    await sandbox.owner.post(api(`/conversations/${conv.id}/messages`), { text: 'Tem sim! Aqui é a Carla.' });
    const [trace] = await waitFor(async () => {
      const list = await tracesOf(conv.id);
      return list.length && list[0].status !== 'running' ? list : undefined;
    });
    expect(trace.status).toBe('superseded');
    const texts = (await messagesOf(conv.id)).map((m) => m.text);
    expect(texts).toEqual(['Tem lente com filtro azul?', 'Tem sim! Aqui é a Carla.']);
  });

  it('answers a message stored after its reply even when the provider stamped it earlier', async () => {
    sandbox.llm.script({ content: 'Oi! Em que posso ajudar?' }, { content: 'Custa R$ 299.' });
    const phone = await leadSays('Oi');
    const conv = await conversationOf(phone);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.senderType === 'ai'));
    // Sent by the lead a moment before the reply, delivered by the provider only after it.
    const [late] = sandboxProvider.parseWebhook({ leadPhone: phone, leadName: 'Lead', text: 'e o preço?' });
    await sandbox.platform.ingest.apply({ id: sandbox.channelId, orgId: sandbox.orgId }, [
      { ...late, timestamp: new Date(Date.now() - 5000) } as typeof late,
    ]);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.text === 'Custa R$ 299.'));
  });

  it('a reaction while the model thinks does not make the answer stale', async () => {
    sandbox.llm.script({ content: 'Temos em preto e em dourado.', delayMs: 1200 });
    const before = sandbox.llm.requests.length;
    const phone = await leadSays('Quais cores da armação?');
    const conv = await conversationOf(phone);
    await waitFor(async () => sandbox.llm.requests.length > before || undefined);
    const [question] = await messagesOf(conv.id);
    const [reaction] = sandboxProvider.parseWebhook({ leadPhone: phone, leadName: 'Lead', text: '👍' });
    await sandbox.platform.ingest.apply({ id: sandbox.channelId, orgId: sandbox.orgId }, [
      {
        ...reaction,
        kind: 'reaction',
        text: undefined,
        reaction: { targetProviderMessageId: String(question.providerMessageId ?? ''), emoji: '👍' },
      } as typeof reaction,
    ]);
    await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.text === 'Temos em preto e em dourado.'),
    );
  });

  // Two sessions racing on one conversation: needs a real PostgreSQL (PGlite serves all connections from one).
  it.skipIf(testDbKind !== 'postgres')(
    'an answer written while a lead message is still being stored waits for it, and is stale',
    async () => {
      sandbox.llm.script({ content: 'Olá!' });
      const phone = await leadSays('Oi');
      const conv = await conversationOf(phone);
      await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.senderType === 'ai'));
      const { pool } = sandbox.platform.database;
      const seen = Number(
        (
          await pool.query(
            "select max(seq) as seq from messages where conversation_id = $1 and kind <> 'reaction'",
            [conv.id],
          )
        ).rows[0].seq,
      );
      // Storing a lead message, as ingestion does: conversation locked, message inserted, not committed yet.
      const ingest = await pool.connect();
      try {
        await ingest.query('begin');
        await ingest.query('select id from conversations where id = $1 for update', [conv.id]);
        const { rows } = await ingest.query(
          `insert into messages (org_id, conversation_id, channel_id, direction, sender_type, kind, text, status)
           values ($1, $2, $3, 'inbound', 'contact', 'text', 'mais uma coisa', 'received') returning seq`,
          [sandbox.orgId, conv.id, sandbox.channelId],
        );
        const reply = sandbox.platform.outbox.queueReply(
          {
            orgId: sandbox.orgId,
            conversationId: conv.id,
            senderType: 'ai',
            kind: 'text',
            text: 'resposta velha',
          },
          { seq: seen },
        );
        await new Promise((r) => setTimeout(r, 200));
        await ingest.query('update conversations set last_seq = greatest(last_seq, $2) where id = $1', [
          conv.id,
          rows[0].seq,
        ]);
        await ingest.query('commit');
        expect(await reply).toBeNull();
      } finally {
        ingest.release();
      }
      expect((await messagesOf(conv.id)).map((m) => m.text)).not.toContain('resposta velha');
    },
  );

  it('a message left pending by a process that died is answered by the recovery sweep', async () => {
    await setAgent({ debounceSeconds: 120 });
    sandbox.llm.script({ content: 'Oi! Desculpe a demora, como posso ajudar?' });
    const phone = await leadSays('Alguém aí?');
    const conv = await conversationOf(phone);
    // As if the process died long ago, after storing the message and before its run was queued.
    const { pool } = sandbox.platform.database;
    await pool.query("delete from pgboss.job where name = 'agent.run' and data->>'conversationId' = $1", [
      conv.id,
    ]);
    await pool.query("update conversations set ai_due_at = now() - interval '1 hour' where id = $1", [
      conv.id,
    ]);
    await setAgent({ debounceSeconds: 0 });
    expect(await sandbox.platform.agentRuns.recoverStaleRuns()).toBeGreaterThanOrEqual(1);
    await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.text === 'Oi! Desculpe a demora, como posso ajudar?'),
    );
  });

  it('falls back to another model, then hands off to a human with the reason — never a silent drop', async () => {
    await setAgent({ fallbackModel: { provider: 'openai', name: 'gpt-4.1-nano' } });
    sandbox.llm.script(
      { error: { status: 400, message: 'modelo recusou' } },
      { content: 'Resposta do modelo reserva' },
    );
    const phone = await leadSays('Tem armação infantil?');
    const conv = await conversationOf(phone);
    await waitFor(async () =>
      (await messagesOf(conv.id)).find((m) => m.text === 'Resposta do modelo reserva'),
    );
    expect(sandbox.llm.requests.at(-1)!.model).toBe('gpt-4.1-nano');

    sandbox.llm.script(
      { error: { status: 400, message: 'falhou' } },
      { error: { status: 400, message: 'falhou de novo' } },
    );
    const phone2 = await leadSays('E armação de titânio?');
    const conv2 = await conversationOf(phone2);
    const after = await waitFor(async () => {
      const c = (await sandbox.owner.get(api(`/conversations/${conv2.id}`))).json();
      return c.handoffReason ? c : undefined;
    });
    expect(after).toMatchObject({ aiActive: false, handoffReason: 'model_failure' });
    const [trace] = await tracesOf(conv2.id);
    expect(trace).toMatchObject({ status: 'failed', handoffReason: 'model_failure' });
    await setAgent({ fallbackModel: null });
  });
});

describe('bounded cost', () => {
  it('folds old history into a rolling summary so the prompt stops growing', async () => {
    const phone = await leadSays('Primeira mensagem');
    sandbox.llm.script({ content: 'Oi!' });
    const conv = await conversationOf(phone);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.senderType === 'ai'));
    const { messages } = await import('../../db/schema/index.ts');
    const rows = Array.from({ length: 60 }, (_, i) => ({
      orgId: sandbox.orgId,
      conversationId: conv.id,
      channelId: sandbox.channelId,
      direction: (i % 2 ? 'outbound' : 'inbound') as 'inbound' | 'outbound',
      senderType: (i % 2 ? 'member' : 'contact') as 'member' | 'contact',
      kind: 'text',
      text: `mensagem antiga número ${i}`,
      status: i % 2 ? 'read' : 'received',
      createdAt: new Date(Date.now() - (60 - i) * 1000),
    }));
    await sandbox.platform.db.insert(messages).values(rows);
    await sandbox.owner.patch(api(`/conversations/${conv.id}`), { aiActive: true });
    // Summaries go to the company's cheap model when one is set (Configurações › IA).
    await sandbox.owner.put(api('/ai-settings'), {
      models: { classifier: { provider: 'openai', name: 'gpt-4.1-nano' } },
    });
    const before = sandbox.llm.requests.length;
    sandbox.llm.script(
      { content: 'O lead quer óculos e já conversou bastante.' },
      { content: 'Perfeito, seguimos!' },
    );
    await leadSays('E então?', phone);
    await waitFor(async () => (await messagesOf(conv.id)).find((m) => m.text === 'Perfeito, seguimos!'));
    const [summarize, turn] = sandbox.llm.requests.slice(before);
    expect(JSON.stringify(summarize.messages[0])).toMatch(/Resuma esta conversa/);
    expect(summarize.model).toBe('gpt-4.1-nano');
    expect(turn.model).toBe('gpt-4.1-mini');
    await sandbox.owner.put(api('/ai-settings'), { models: { classifier: null } });
    const turnText = JSON.stringify(turn.messages);
    expect(turnText).toContain('Resumo da conversa até aqui: O lead quer óculos e já conversou bastante.');
    expect(turnText).not.toContain('mensagem antiga número 0"');
    expect(turn.messages.filter((m) => m.role !== 'system').length).toBeLessThanOrEqual(40);
    const [trace] = await tracesOf(conv.id);
    const detail = (await sandbox.owner.get(api(`/traces/${trace.id}`))).json();
    expect(detail.costMicros).toBeGreaterThan(0);
  });
});

describe('copiloto', () => {
  it('suggests replies to the seller, who sends one edited; the edit is recorded', async () => {
    await setAgent({ mode: 'copiloto' });
    sandbox.llm.script({
      content:
        'Temos sim! Armações a partir de R$ 199.\n\nQuer ver modelos?\n---\nTemos! Qual estilo você procura?',
    });
    const phone = await leadSays('Vocês têm armação barata?');
    const conv = await conversationOf(phone);
    const pending = await waitFor(async () => {
      const s = (await sandbox.owner.get(api(`/conversations/${conv.id}/suggestions`))).json()
        .suggestions as ApiJson[];
      return s.length === 2 ? s : undefined;
    });
    // Two alternatives for the seller to choose from; the first keeps its two bubbles.
    const suggestion = pending.find((p) => p.texts.length === 2)!;
    expect(suggestion.texts).toEqual(['Temos sim! Armações a partir de R$ 199.', 'Quer ver modelos?']);
    expect(pending.map((p) => p.texts.join(' '))).toContain('Temos! Qual estilo você procura?');
    expect(JSON.stringify(sandbox.llm.lastRequest()!.messages[0])).toMatch(/Modo copiloto/);
    expect((await messagesOf(conv.id)).filter((m) => m.direction === 'outbound')).toHaveLength(0);

    const sent = await sandbox.owner.post(api(`/suggestions/${suggestion.id}/accept`), {
      text: 'Temos sim! Armações a partir de R$ 149 nesta semana.',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      senderType: 'member',
      text: 'Temos sim! Armações a partir de R$ 149 nesta semana.',
    });
    expect(
      (await sandbox.owner.get(api(`/conversations/${conv.id}/suggestions`))).json().suggestions,
    ).toEqual([]);
    const { suggestions } = await import('../../db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    const [row] = await sandbox.platform.db
      .select()
      .from(suggestions)
      .where(eq(suggestions.id, suggestion.id));
    expect(row).toMatchObject({
      status: 'edited',
      sentText: 'Temos sim! Armações a partir de R$ 149 nesta semana.',
    });
    await setAgent({ mode: 'piloto' });
  });
});

describe('configuration', () => {
  it('versions every change and says what is missing before it can answer', async () => {
    const versions = (await sandbox.owner.get(api(`/agents/${sandbox.agentId}/versions`))).json()
      .versions as ApiJson[];
    expect(versions[0].version).toBeGreaterThan(1);
    expect(versions.map((v) => v.version)).toEqual([...versions.map((v) => v.version)].sort((a, b) => b - a));
    const noKey = await sandbox.owner.post(api('/agents'), {
      name: 'Sem chave',
      model: { provider: 'anthropic', name: 'claude-sonnet-4-5' },
    });
    expect(noKey.json().notReadyReason).toMatch(/Configure a chave de Anthropic/);
    const invalid = await sandbox.owner.post(api('/agents'), { name: 'X', debounceSeconds: 999 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.fields[0].path).toBe('name');
    const settings = await sandbox.owner.request('PUT', api('/ai-settings'), {
      anthropicApiKey: 'sk-ant-123456789',
    });
    expect(settings.json().providers.find((p: ApiJson) => p.provider === 'anthropic')).toMatchObject({
      configured: true,
      preview: '••••6789',
    });
    expect((await sandbox.owner.get(api(`/agents/${noKey.json().id}`))).json().notReadyReason).toBeNull();
  });
});
