import type { FakeOpenAIChatRequest } from '@piloto/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiJson } from '../../testing/json.ts';
import { useSandboxAgent } from '../../testing/sandboxAgent.ts';
import { waitFor } from '../../testing/wait.ts';
import { HOLDING_MESSAGE } from '../agents/prompts.ts';

/**
 * The model behaves as the prompt tells it to: search the knowledge first; answer from what it found;
 * ask the team when nothing fits; pass the team's answer on.
 */
function diligentModel(request: FakeOpenAIChatRequest) {
  const messages = request.messages;
  const last = messages.at(-1)!;
  const text = (m: (typeof messages)[number]) =>
    typeof m.content === 'string' ? m.content : (m.content ?? []).map((p) => p.text ?? '').join('');
  const leadText = text([...messages].reverse().find((m) => m.role === 'user')!);
  if (last.role === 'user') return { toolCalls: [{ name: 'search_knowledge', args: { query: leadText } }] };
  if (last.role === 'tool') {
    const result = text(last);
    const team = result.match(/^Resposta da equipe: ([\s\S]+)/);
    if (team) return { content: team[1] };
    // Like a real model, it uses a learned answer only when it is about the same thing.
    const learned = result.match(/Pergunta: ([^\n]+)\nResposta: ([^\n]+)/);
    if (learned && sameTopic(learned[1], leadText)) return { content: learned[2] };
    return { toolCalls: [{ name: 'ask_human', args: { question: leadText } }] };
  }
  return { content: 'Posso ajudar em algo mais?' };
}

/** At least two content words (5-letter stems, accents ignored) in common. */
function sameTopic(a: string, b: string): boolean {
  const stems = (s: string) =>
    new Set(
      (
        s
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .match(/[a-z]{4,}/g) ?? []
      ).map((w) => w.slice(0, 5)),
    );
  const other = stems(b);
  return [...stems(a)].filter((w) => other.has(w)).length >= 2;
}

const sandbox = useSandboxAgent({
  company: 'Solar Sul Energia',
  agent: {
    name: 'Sol',
    replyStyle: { splitMessages: false, maxMessagesPerTurn: 1, typingDelay: false },
  },
});
const { api, messagesOf, tracesOf } = sandbox;
beforeAll(() => sandbox.llm.respond(diligentModel));

/** A new lead asks in the simulator; returns the conversation. */
const leadAsks = async (text: string): Promise<ApiJson> =>
  sandbox.conversationOf(await sandbox.leadSays(text));
const aiTexts = async (conversationId: string): Promise<string[]> =>
  (await messagesOf(conversationId)).filter((m) => m.senderType === 'ai').map((m) => m.text);
const pendingQuestions = async (): Promise<ApiJson[]> =>
  (await sandbox.owner.get(api('/questions'))).json().questions;
/** The copiloto's first suggestion in the conversation, once it is there. */
const firstSuggestionOf = (conversationId: string): Promise<ApiJson> =>
  waitFor(async () => {
    const list = (await sandbox.owner.get(api(`/conversations/${conversationId}/suggestions`))).json()
      .suggestions as ApiJson[];
    return list[0];
  });

describe('learning from the team', () => {
  it('lead A asks → a seller answers once → lead B, asking in other words, is answered without the team', async () => {
    const a = await leadAsks('Vocês instalam placa solar em telhado de fibrocimento?');
    await waitFor(async () => ((await aiTexts(a.id)).includes(HOLDING_MESSAGE) ? true : undefined));
    const [question] = await waitFor(async () => {
      const q = await pendingQuestions();
      return q.length ? q : undefined;
    });
    expect(question).toMatchObject({ conversationId: a.id, status: 'pending' });

    const answer = 'Instalamos sim! Usamos suportes próprios para fibrocimento, sem furar a telha.';
    const res = await sandbox.owner.post(api(`/questions/${question.id}/answer`), { answer });
    expect(res.statusCode, res.body).toBe(200);
    await waitFor(async () => ((await aiTexts(a.id)).includes(answer) ? true : undefined));
    // Saved for the future: a learned answer, active, indexed as knowledge.
    const learned = (await sandbox.owner.get(api('/knowledge/learned?status=active'))).json()
      .answers as ApiJson[];
    expect(learned).toEqual([
      expect.objectContaining({
        question: question.question,
        answer,
        source: 'question',
        conversationId: a.id,
      }),
    ]);
    await waitFor(async () => {
      const docs = (await sandbox.owner.get(api('/knowledge/documents'))).json().documents as ApiJson[];
      return docs.find((d) => d.sourceType === 'learned' && d.status === 'ready');
    });

    const b = await leadAsks('vcs colocam painel em telhado de fibrocimento??');
    await waitFor(async () => ((await aiTexts(b.id)).includes(answer) ? true : undefined));
    expect(await aiTexts(b.id)).not.toContain(HOLDING_MESSAGE);
    expect(await pendingQuestions()).toEqual([]);
    const [trace] = await tracesOf(b.id);
    const detail = (await sandbox.owner.get(api(`/traces/${trace.id}`))).json();
    expect(detail.status).toBe('replied');
    expect(detail.retrievedPassages[0].text).toContain(answer);
  });

  it('groups similar pending questions so one answer reaches every lead who asked', async () => {
    const c = await leadAsks('Qual o prazo de instalação em Caxias do Sul?');
    await waitFor(async () => ((await pendingQuestions()).length === 1 ? true : undefined));
    const d = await leadAsks('qual prazo pra instalação em caxias do sul');
    await waitFor(async () => ((await aiTexts(d.id)).includes(HOLDING_MESSAGE) ? true : undefined));
    const grouped = await waitFor(async () => {
      const q = await pendingQuestions();
      return q.length === 1 && q[0].similar.length === 1 ? q : undefined;
    });
    expect(grouped[0].conversationId).toBe(c.id);
    expect(grouped[0].similar[0]).toMatchObject({ question: 'qual prazo pra instalação em caxias do sul' });

    const answer = 'Em Caxias do Sul instalamos em até 15 dias após a aprovação do projeto.';
    await sandbox.owner.post(api(`/questions/${grouped[0].id}/answer`), { answer, saveForFuture: false });
    await waitFor(async () => ((await aiTexts(c.id)).includes(answer) ? true : undefined));
    await waitFor(async () => ((await aiTexts(d.id)).includes(answer) ? true : undefined));
    expect(await pendingQuestions()).toEqual([]);
    // Not saved for the future: nothing new was learned.
    const learned = (await sandbox.owner.get(api('/knowledge/learned?status=active'))).json()
      .answers as ApiJson[];
    expect(learned.some((l) => l.answer === answer)).toBe(false);
  });

  it('counts questions to the team per week, next to the answers saved as knowledge', async () => {
    const res = await sandbox.owner.get(api('/questions/stats?weeks=4'));
    expect(res.statusCode, res.body).toBe(200);
    const { weeks } = res.json();
    expect(weeks).toHaveLength(4);
    // This week: lead A's question and the two grouped ones; one answer was saved for the future.
    expect(weeks.at(-1)).toMatchObject({ questions: 3, saved: 1 });
    expect(weeks[0]).toMatchObject({ questions: 0, saved: 0 });
  });

  it('copiloto teaches too: a materially rewritten suggestion is proposed, and one click makes it knowledge', async () => {
    await sandbox.owner.patch(api(`/agents/${sandbox.agentId}`), { mode: 'copiloto' });
    sandbox.llm.script({ content: 'Temos sim! Posso te passar mais detalhes?' });
    const e = await leadAsks('Vocês trabalham com bateria para guardar energia?');
    const suggestion = await firstSuggestionOf(e.id);
    const small = await sandbox.owner.post(api(`/suggestions/${suggestion.id}/accept`), {
      text: 'Temos sim! Posso te passar mais detalhes?',
    });
    expect(small.statusCode, small.body).toBe(201);
    expect((await sandbox.owner.get(api('/knowledge/learned?status=proposed'))).json().answers).toEqual([]);

    sandbox.llm.script({ content: 'Temos sim! Posso te passar mais detalhes?' });
    const f = await leadAsks('Vocês vendem bateria de lítio para sistema solar?');
    const s2 = await firstSuggestionOf(f.id);
    const rewritten =
      'Vendemos baterias de lítio da BYD a partir de R$ 18 mil, instaladas junto com o inversor híbrido.';
    await sandbox.owner.post(api(`/suggestions/${s2.id}/accept`), { text: rewritten });
    const proposed = await waitFor(async () => {
      const r = (await sandbox.owner.get(api('/knowledge/learned?status=proposed'))).json();
      return r.answers.length ? r : undefined;
    });
    expect(proposed.proposedCount).toBe(1);
    expect(proposed.answers[0]).toMatchObject({
      question: 'Vocês vendem bateria de lítio para sistema solar?',
      answer: rewritten,
      source: 'copilot_edit',
    });
    const approved = await sandbox.owner.post(
      api(`/knowledge/learned/${proposed.answers[0].id}/approve`),
      {},
    );
    expect(approved.json()).toMatchObject({ status: 'active', approvedByName: expect.any(String) });
    const found = await waitFor(async () => {
      const r = (
        await sandbox.owner.post(api('/knowledge/search'), { query: 'bateria de litio preço' })
      ).json();
      return r.results[0]?.text.includes('BYD') ? r : undefined;
    });
    expect(found.results[0].text).toContain(rewritten);
  });
});
