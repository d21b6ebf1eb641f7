import {
  htmlResponse,
  makeEncryptedPdf,
  makePdf,
  startFakeHttpServer,
  startFakeOpenAI,
} from '@piloto/testkit';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.ts';
import { callApi, newPage, signUpOwnerWithCompany, useAppAndBrowser } from './support/flows.ts';

const ctx = useAppAndBrowser({
  fakes: {
    llm: startFakeOpenAI,
    // The company's public FAQ page, to import by URL.
    site: () =>
      startFakeHttpServer(() =>
        htmlResponse(
          200,
          '<html><head><title>Perguntas frequentes</title></head><body><h1>Perguntas frequentes</h1><h2>Financiamento</h2><p>Financiamos o sistema solar em até 72 parcelas pelo banco parceiro.</p></body></html>',
        ),
      ),
  },
  env: ({ llm }) => ({ OPENAI_API_KEY: llm.apiKey, OPENAI_BASE_URL: llm.url }),
});

const COLLECTION = 'Catálogo e preços';

/** Searches in "Testar busca" until the passage shows (the index may still be catching up). */
async function searchUntil(page: Page, query: string, expected: RegExp | string, badge?: string) {
  await page.getByRole('tab', { name: 'Testar busca' }).click();
  await page.getByLabel('Pergunta').fill(query);
  const results = page.getByRole('region', { name: /encontrado/ });
  for (let attempt = 0; ; attempt++) {
    await page.getByRole('button', { name: 'Buscar' }).click();
    await results.waitFor();
    const found =
      (await results.getByText(expected).count()) > 0 &&
      (!badge || (await results.getByText(badge, { exact: true }).count()) > 0);
    if (found) return results;
    if (attempt >= 15) throw new Error(`"Testar busca" did not find ${expected} for "${query}"`);
    await page.waitForTimeout(1000);
  }
}

describe('Knowledge base in the browser', () => {
  it('collections, uploads with live status, text documents, chunks, test search, task models', async () => {
    const { app, browser } = ctx;
    const { site } = ctx.fakes;
    const page = await newPage(browser);
    await signUpOwnerWithCompany(page, app, {
      name: 'Carla Dona',
      email: 'carla@solarsul.com.br',
      company: 'Solar Sul',
    });

    // An empty knowledge base explains itself and offers the first collection.
    await page.goto(`${app.url}/conhecimento`);
    await page.getByRole('heading', { name: 'Nenhum documento ainda' }).waitFor();
    await snap(page, '40-conhecimento-vazio');
    await page.getByRole('button', { name: 'Criar coleção' }).click();
    const collectionDialog = page.getByRole('dialog', { name: 'Nova coleção' });
    await collectionDialog.getByLabel('Nome').fill(COLLECTION);
    await collectionDialog.getByLabel('Descrição (opcional)').fill('Tabela de preços, prazos e garantia');
    await collectionDialog.getByRole('button', { name: 'Criar coleção' }).click();
    await page.getByRole('heading', { name: COLLECTION }).waitFor();

    // Two PDFs picked at once go up one by one: a real one and a password-protected one.
    const catalog = await makePdf({
      title: 'Catálogo Solar Sul',
      pages: [
        {
          heading: 'Prazos de entrega',
          paragraphs: [
            'Entregamos os kits solares em Campinas em até 3 dias úteis após a confirmação do pagamento.',
            'Para o interior de São Paulo o prazo é de 5 a 7 dias úteis.',
          ],
        },
        {
          heading: 'Garantia',
          paragraphs: [
            'Os painéis têm garantia de 12 anos contra defeitos de fabricação e 25 anos de eficiência.',
          ],
        },
      ],
    });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Enviar arquivos' }).click();
    await (await chooser).setFiles([
      { name: 'catalogo-solar.pdf', mimeType: 'application/pdf', buffer: catalog },
      { name: 'precos-confidenciais.pdf', mimeType: 'application/pdf', buffer: makeEncryptedPdf() },
    ]);
    await snap(page, '41-conhecimento-enviando');

    // A document typed in the page.
    await page.getByRole('button', { name: 'Escrever texto' }).click();
    const textDialog = page.getByRole('dialog', { name: 'Escrever um texto' });
    await textDialog.getByLabel('Título').fill('Política de trocas');
    await textDialog
      .getByLabel('Conteúdo')
      .fill(
        '# Trocas\nAceitamos trocas em até 30 dias com a nota fiscal.\n\n# Frete\nFrete grátis para pedidos acima de R$ 3.000.',
      );
    await snap(page, '42-escrever-texto');
    await textDialog.getByRole('button', { name: 'Salvar texto' }).click();

    // Live status: both readable documents end "Pronto"; the protected PDF says why it failed.
    const table = page.getByRole('table', { name: `Documentos de ${COLLECTION}` });
    const row = (title: string) => table.getByRole('row').filter({ hasText: title });
    await row('catalogo-solar').getByText('Pronto').waitFor({ timeout: 30_000 });
    await row('Política de trocas').getByText('Pronto').waitFor({ timeout: 30_000 });
    await row('precos-confidenciais').getByText('Falhou').waitFor({ timeout: 30_000 });
    await row('precos-confidenciais')
      .getByText(/protegido por senha/)
      .waitFor();
    await page.getByRole('list', { name: 'Envios' }).waitFor({ state: 'detached' });
    await snap(page, '43-conhecimento-documentos');

    // Opening a document shows its chunks, with headings and pages.
    await page.getByRole('button', { name: 'catalogo-solar', exact: true }).click();
    const sheet = page.getByRole('dialog', { name: 'catalogo-solar' });
    await sheet.getByText(/Entregamos os kits solares em Campinas/).waitFor();
    await sheet.getByText('Página 2').first().waitFor();
    await page.waitForTimeout(300); // the sheet's slide-in
    await snap(page, '44-documento-trechos');
    await sheet.getByRole('button', { name: 'Fechar' }).click();

    // The protected PDF, opened, says why in full and offers to try again.
    await page.getByRole('button', { name: 'precos-confidenciais', exact: true }).click();
    const failedSheet = page.getByRole('dialog', { name: 'precos-confidenciais' });
    await failedSheet.getByText('Não foi possível indexar').waitFor();
    await failedSheet.getByRole('button', { name: 'Reindexar' }).waitFor();
    await page.waitForTimeout(300);
    await snap(page, '44b-documento-com-erro');
    await failedSheet.getByRole('button', { name: 'Fechar' }).click();

    // A public page imported by its address.
    await page.getByRole('button', { name: 'Importar página' }).click();
    const urlDialog = page.getByRole('dialog', { name: 'Importar uma página' });
    await urlDialog.getByLabel('Endereço').fill(`${site.url}/perguntas-frequentes`);
    await urlDialog.getByLabel('Título (opcional)').fill('Perguntas frequentes do site');
    await urlDialog.getByRole('button', { name: 'Importar' }).click();
    await row('Perguntas frequentes do site').getByText('Pronto').waitFor({ timeout: 30_000 });

    // Editing a typed-in document re-indexes it; deleting asks first.
    await page.getByRole('button', { name: 'Ações de Política de trocas' }).click();
    await page.getByRole('menuitem', { name: 'Editar' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Editar Política de trocas' });
    const content = editDialog.getByLabel('Conteúdo');
    await content.fill(`${await content.inputValue()}\n\n# Devolução\nDevolvemos o valor em até 7 dias.`);
    await editDialog.getByRole('button', { name: 'Salvar' }).click();
    await row('Política de trocas').getByText('3', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Ações de precos-confidenciais' }).click();
    await page.getByRole('menuitem', { name: 'Excluir' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Excluir documento' }).click();
    await row('precos-confidenciais').waitFor({ state: 'detached' });
    await snap(page, '44c-conhecimento-editado');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, '44d-conhecimento-celular');
    await page.setViewportSize({ width: 1280, height: 800 });

    // "Testar busca": full-text only (no embedding model yet), with the notice that says so.
    let results = await searchUntil(
      page,
      'Qual o prazo de entrega em Campinas?',
      /em Campinas em até 3 dias úteis/,
    );
    await results
      .getByText(/catalogo-solar/)
      .first()
      .waitFor();
    await results.getByText(/configure um modelo de embeddings/).waitFor();
    await snap(page, '45-testar-busca-palavras');

    // Configurações › IA: an embedding model for search by meaning.
    await page.goto(`${app.url}/configuracoes/ia`);
    const embeddings = page.getByRole('group', { name: 'Busca por significado (embeddings)' });
    await embeddings.getByLabel('Provedor').selectOption('openai');
    expect(await embeddings.getByLabel('Modelo').inputValue()).toBe('text-embedding-3-small');
    await page.getByRole('button', { name: 'Salvar modelos' }).click();
    await page.getByText('Modelos por tarefa salvos.').waitFor();
    await snap(page, '46-modelos-por-tarefa');

    // Re-indexed with embeddings, the text document is also found by meaning.
    await page.goto(`${app.url}/conhecimento`);
    await page.getByRole('button', { name: 'Ações de Política de trocas' }).click();
    await page.getByRole('menuitem', { name: 'Reindexar' }).click();
    await page.getByText('Política de trocas: reindexando.').waitFor();
    results = await searchUntil(
      page,
      'Posso trocar o produto?',
      /Aceitamos trocas em até 30 dias/,
      'Significado',
    );
    expect(await results.getByText(/configure um modelo de embeddings/).count()).toBe(0);
    await snap(page, '47-testar-busca-hibrida');

    // "Aprendizado": the team teaches an answer by hand; it is active at once.
    await page.getByRole('tab', { name: 'Aprendizado' }).click();
    await page.getByRole('button', { name: 'Ensinar uma resposta' }).click();
    const learnedDialog = page.getByRole('dialog', { name: 'Ensinar uma resposta' });
    await learnedDialog.getByLabel('Pergunta').fill('Vocês instalam em telhado de fibrocimento?');
    await learnedDialog
      .getByLabel('Resposta')
      .fill('Sim, usamos suportes próprios para fibrocimento, sem custo extra.');
    await learnedDialog.getByRole('button', { name: 'Salvar resposta' }).click();
    await page.getByRole('tab', { name: 'Ativas' }).click();
    await page.getByText('Vocês instalam em telhado de fibrocimento?').waitFor();
    await snap(page, '48-aprendizado');

    // The agent editor picks collections; none checked = all, learned answers always apply.
    await page.goto(`${app.url}/agentes/novo`);
    const knowledge = page.getByRole('region', { name: 'Base de conhecimento' });
    await knowledge.getByText(COLLECTION).waitFor();
    await knowledge.getByText('Todas as coleções').waitFor();
    await knowledge.getByText(COLLECTION).click();
    await knowledge.getByText('Só a coleção marcada.').waitFor();
    await knowledge.scrollIntoViewIfNeeded();
    await snap(page, '49-agente-base-de-conhecimento');
  }, 240_000);

  it('Perguntas: similar questions answered together, the answer saved for the next leads', async () => {
    const { app, browser } = ctx;
    const { llm } = ctx.fakes;
    const page = await newPage(browser);
    const { orgId } = await signUpOwnerWithCompany(page, app, {
      name: 'Davi Dono',
      email: 'davi@telhados.com.br',
      company: 'Telhados Davi',
    });
    const channel = (
      await callApi(page, 'POST', `/orgs/${orgId}/channels`, { provider: 'sandbox', name: 'Simulador' })
    ).json as { id: string };
    const agent = await callApi(page, 'POST', `/orgs/${orgId}/agents`, {
      name: 'Bia',
      mode: 'piloto',
      debounceSeconds: 0,
      channelIds: [channel.id],
      model: { provider: 'openai', name: 'gpt-4.1-mini' },
      replyStyle: { splitMessages: true, maxMessagesPerTurn: 3, typingDelay: false },
    });
    expect(agent.status).toBe(201);

    // Two leads ask the same thing; the agent asks the team each time, and the questions group.
    const ask = async (leadPhone: string, leadName: string, question: string) => {
      llm.script({ toolCalls: [{ name: 'ask_human', args: { question } }] });
      const sent = await callApi(page, 'POST', `/orgs/${orgId}/channels/${channel.id}/sandbox/messages`, {
        leadPhone,
        leadName,
        text: 'Oi! Vocês instalam em telhado de fibrocimento?',
      });
      expect(sent.status).toBeLessThan(300);
    };
    await ask('5511988887777', 'Ana Lima', 'Vocês instalam em telhado de fibrocimento?');
    await page.goto(`${app.url}/inbox/perguntas`);
    await page.getByText('Vocês instalam em telhado de fibrocimento?').first().waitFor({ timeout: 20_000 });
    await ask('5511977776666', 'Bruno Reis', 'Vocês instalam painéis em telhado de fibrocimento?');
    await page.getByText('Também perguntaram:').waitFor({ timeout: 20_000 });
    await page.getByText('Bruno Reis:').waitFor();

    llm.script(
      { content: 'Instalamos sim, com suporte próprio!' },
      { content: 'Instalamos sim, com suporte próprio!' },
    );
    await page
      .getByLabel('Sua resposta para a IA')
      .fill('Sim, com suportes próprios para fibrocimento, sem custo extra.');
    expect(await page.getByLabel('Salvar para as próximas conversas').isChecked()).toBe(true);
    await page
      .getByLabel('Pergunta como ficará salva (opcional)')
      .fill('Instalam em telhado de fibrocimento?');
    await snap(page, '50-perguntas-agrupadas');
    await page.getByRole('button', { name: 'Responder às 2 perguntas' }).click();
    await page.getByText('Nenhuma pergunta esperando resposta.').waitFor({ timeout: 20_000 });

    // The answer is now an active learned answer, as rephrased.
    await page.goto(`${app.url}/conhecimento?aba=aprendizado`);
    await page.getByText('Instalam em telhado de fibrocimento?').waitFor();
    await page.getByText('Pergunta da IA').waitFor();
    await snap(page, '51-aprendizado-da-pergunta');

    // Both conversations resumed with the team's answer (still in piloto).
    const leadSees = async (leadPhone: string, text: string) => {
      for (let i = 0; i < 40; i++) {
        const path = `/orgs/${orgId}/channels/${channel.id}/sandbox?leadPhone=${leadPhone}`;
        const { messages } = (await callApi(page, 'GET', path)).json as {
          messages: Array<{ text: string | null }>;
        };
        if (messages.some((m) => m.text?.includes(text))) return;
        await page.waitForTimeout(500);
      }
      throw new Error(`${leadPhone} never got "${text}"`);
    };
    await leadSees('5511988887777', 'Instalamos sim');
    await leadSees('5511977776666', 'Instalamos sim');

    // Copiloto: a seller rewrites a suggestion; the rewrite waits in "Para aprovar" for one click.
    const answered = (await callApi(page, 'GET', `/orgs/${orgId}/questions?status=answered`)).json as {
      questions: Array<{ conversationId: string; contactName: string }>;
    };
    const conversationId = answered.questions.find((q) => q.contactName === 'Ana Lima')!.conversationId;
    await callApi(page, 'PATCH', `/orgs/${orgId}/agents/${(agent.json as { id: string }).id}`, {
      mode: 'copiloto',
    });
    llm.script({ content: 'Temos garantia, sim.' });
    await callApi(page, 'POST', `/orgs/${orgId}/channels/${channel.id}/sandbox/messages`, {
      leadPhone: '5511988887777',
      leadName: 'Ana Lima',
      text: 'Qual a garantia dos painéis?',
    });
    let suggestionId: string | undefined;
    for (let i = 0; i < 40 && !suggestionId; i++) {
      const list = (await callApi(page, 'GET', `/orgs/${orgId}/conversations/${conversationId}/suggestions`))
        .json as {
        suggestions: Array<{ id: string; texts: string[] }>;
      };
      suggestionId = list.suggestions.find((x) => x.texts.join(' ').includes('Temos garantia'))?.id;
      if (!suggestionId) await page.waitForTimeout(500);
    }
    expect(suggestionId).toBeDefined();
    const accepted = await callApi(page, 'POST', `/orgs/${orgId}/suggestions/${suggestionId}/accept`, {
      text: 'Os painéis têm 12 anos de garantia contra defeitos de fabricação e 25 anos de eficiência.',
    });
    expect(accepted.status).toBeLessThan(300);
    await page.getByRole('tab', { name: /Aprendizado.*1 para aprovar/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Para aprovar (1)' }).click();
    await page.getByText(/12 anos de garantia/).waitFor();
    await snap(page, '52-aprendizado-para-aprovar');
    await page.getByRole('button', { name: 'Aprovar', exact: true }).click();
    await page.getByText('Resposta aprovada: a IA já pode usá-la.').waitFor();
    await page.getByRole('tab', { name: 'Ativas' }).click();
    await page.getByText(/12 anos de garantia/).waitFor();
  }, 120_000);
});
