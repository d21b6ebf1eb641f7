import { startFakeOpenAI } from '@piloto/testkit';
import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.ts';
import { callApi, newPage, signUpOwnerWithCompany, useAppAndBrowser } from './support/flows.ts';

const ctx = useAppAndBrowser({
  fakes: { llm: startFakeOpenAI },
  env: ({ llm }) => ({ OPENAI_API_KEY: llm.apiKey, OPENAI_BASE_URL: llm.url }),
});

describe('AI agent in the browser', () => {
  it('piloto answers the lead; copiloto suggests and the seller sends; ask_human round trip', async () => {
    const { app, browser } = ctx;
    const { llm } = ctx.fakes;
    const seller = await newPage(browser);
    const { orgId } = await signUpOwnerWithCompany(seller, app, {
      name: 'Bruno Dono',
      email: 'bruno@otica.com.br',
      company: 'Ótica Visão',
    });
    const channel = (
      await callApi(seller, 'POST', `/orgs/${orgId}/channels`, { provider: 'sandbox', name: 'Playground' })
    ).json as { id: string };

    // Create the agent in the editor.
    await seller.goto(`${app.url}/agentes/novo`);
    await seller.getByLabel('Nome', { exact: true }).fill('Bia');
    await snap(seller, '30-agente-novo');
    await seller.getByRole('button', { name: 'Criar agente' }).click();
    await seller.waitForURL(/\/agentes\/[0-9a-f-]{36}$/);
    const agentId = seller.url().split('/').pop()!;
    const configure = (patch: object) => callApi(seller, 'PATCH', `/orgs/${orgId}/agents/${agentId}`, patch);
    const ready = await configure({
      mode: 'piloto',
      debounceSeconds: 0,
      channelIds: [channel.id],
      model: { provider: 'openai', name: 'gpt-4.1-mini' },
      replyStyle: { splitMessages: true, maxMessagesPerTurn: 3, typingDelay: false },
    });
    expect(ready.status).toBe(200);

    // Piloto: the lead writes in the simulator and the AI answers by itself.
    const lead = await seller.context().newPage();
    await lead.setViewportSize({ width: 420, height: 800 });
    await lead.goto(`${app.url}/sandbox/${channel.id}`);
    llm.script({ content: 'Olá! Sou a Bia, da Ótica Visão. Como posso ajudar?' });
    await lead.getByLabel('Mensagem do lead').fill('Oi, bom dia!');
    await lead.getByRole('button', { name: 'Enviar' }).click();
    await lead.getByText('Olá! Sou a Bia, da Ótica Visão. Como posso ajudar?').waitFor({ timeout: 20_000 });
    await snap(lead, '31-piloto-respondeu');

    // Copiloto: the AI suggests, the seller sends it from the inbox.
    await configure({ mode: 'copiloto' });
    llm.script({ content: 'Temos sim! Armações a partir de R$ 199.' });
    await lead.getByLabel('Mensagem do lead').fill('Vocês têm armação barata?');
    await lead.getByRole('button', { name: 'Enviar' }).click();
    await seller.goto(`${app.url}/inbox`);
    await seller.getByRole('link', { name: /Lead/ }).first().click();
    const suggestions = seller.getByRole('region', { name: 'Sugestões da IA' });
    await suggestions.getByText('Temos sim! Armações a partir de R$ 199.').waitFor({ timeout: 20_000 });
    await snap(seller, '32-copiloto-sugestao');
    await suggestions.getByRole('button', { name: 'Enviar como está' }).click();
    await lead.getByText('Temos sim! Armações a partir de R$ 199.').waitFor({ timeout: 20_000 });

    // ask_human: the agent asks the team, the seller answers in "Perguntas", the lead gets the answer.
    await configure({ mode: 'piloto' });
    await callApi(seller, 'PATCH', `/orgs/${orgId}/conversations/${seller.url().split('/').pop()}`, {
      aiActive: true,
    });
    llm.script(
      { toolCalls: [{ name: 'ask_human', args: { question: 'Qual o prazo da lente multifocal?' } }] },
      { content: 'A lente multifocal fica pronta em 2 dias úteis!' },
    );
    await lead.getByLabel('Mensagem do lead').fill('Qual o prazo da multifocal?');
    await lead.getByRole('button', { name: 'Enviar' }).click();
    await lead.getByText('Vou confirmar essa informação com a equipe').waitFor({ timeout: 20_000 });
    await seller.goto(`${app.url}/inbox/perguntas`);
    await seller.getByText('Qual o prazo da lente multifocal?').waitFor();
    await seller.getByLabel('Sua resposta para a IA').fill('2 dias úteis');
    await snap(seller, '33-pergunta-da-ia');
    await seller.getByRole('button', { name: 'Responder' }).click();
    await lead.getByText('A lente multifocal fica pronta em 2 dias úteis!').waitFor({ timeout: 20_000 });
    await snap(lead, '34-resposta-apos-pergunta');
    expect(JSON.stringify(llm.lastRequest()!.messages)).toContain('Resposta da equipe: 2 dias úteis');

    // Every turn left a trace in "Logs de atendimento".
    await seller.goto(`${app.url}/agentes/logs`);
    await seller.locator('li, tr').filter({ hasText: 'Perguntou ao humano' }).first().waitFor();
    await snap(seller, '35-logs');
  });
});
