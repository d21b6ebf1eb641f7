import { makePdf, renderAudioFixture, startFakeElevenLabs, startFakeOpenAI } from '@piloto/testkit';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, snap } from './support/browser.ts';
import { callApi, newPage, signUpOwnerWithCompany, useAppAndBrowser } from './support/flows.ts';

const ctx = useAppAndBrowser({
  fakes: { llm: startFakeOpenAI, elevenLabs: startFakeElevenLabs },
  env: ({ llm, elevenLabs }) => ({
    OPENAI_API_KEY: llm.apiKey,
    OPENAI_BASE_URL: llm.url,
    ELEVENLABS_API_KEY: elevenLabs.apiKey,
    ELEVENLABS_BASE_URL: elevenLabs.url,
  }),
});

/** Every audio player on the page has loaded its metadata (so a screenshot shows its controls). */
const audioReady = (page: Page) =>
  page
    .locator('audio')
    .evaluateAll((players) => players.every((a) => (a as unknown as { readyState: number }).readyState >= 1));

const TRANSCRIPT = 'Oi, tudo bem? Queria saber quanto custa a instalação do kit solar em Campinas.';
const SPOKEN = 'Oi, Marina! A instalação em Campinas sai por R$ 1.200 e leva dois dias.';

describe('Media and voice in the browser', () => {
  it('clone a voice with consent, the lead sends a voice note, the transcript shows, the AI answers by voice', async () => {
    const { app, browser } = ctx;
    const { llm, elevenLabs } = ctx.fakes;
    const owner = await newPage(browser);
    const { orgId } = await signUpOwnerWithCompany(owner, app, {
      name: 'Ana Souza',
      email: 'ana@solarsul.com.br',
      company: 'Solar Sul',
    });

    // Vozes: empty, then a clone of Ana's voice with her consent, and a ready-made OpenAI voice.
    await owner.goto(`${app.url}/vozes`);
    await owner.getByRole('heading', { name: 'Nenhuma voz ainda' }).waitFor();
    await snap(owner, '60-vozes-vazio');
    await owner.getByRole('button', { name: 'Clonar voz' }).click();
    const cloneDialog = owner.getByRole('dialog', { name: 'Clonar voz' });
    await cloneDialog.getByRole('button', { name: 'Clonar voz' }).click();
    await cloneDialog.getByText('Sem a autorização da pessoa, a voz não pode ser clonada').waitFor();
    await cloneDialog.getByLabel('Nome da voz').fill('Voz da Ana');
    await cloneDialog.getByLabel('De quem é a voz').fill('Ana Souza');
    const sample = await renderAudioFixture({ format: 'mp3', seconds: 2 });
    await cloneDialog.getByLabel('Arquivos de gravação da voz').setInputFiles([
      { name: 'ana-apresentacao.mp3', mimeType: 'audio/mpeg', buffer: sample },
      { name: 'ana-atendimento.mp3', mimeType: 'audio/mpeg', buffer: sample },
    ]);
    await cloneDialog.getByRole('checkbox', { name: /A pessoa dona da voz \(Ana Souza\) autorizou/ }).check();
    await snap(owner, '61-vozes-clonar');
    await cloneDialog.getByRole('button', { name: 'Clonar voz' }).click();
    await cloneDialog.waitFor({ state: 'detached' });
    await owner.getByRole('heading', { name: 'Voz da Ana' }).waitFor();
    expect(elevenLabs.addVoiceRequests).toHaveLength(1);
    expect(elevenLabs.addVoiceRequests[0].files.map((f) => f.fileName)).toEqual([
      'ana-apresentacao.mp3',
      'ana-atendimento.mp3',
    ]);

    await owner.getByRole('button', { name: 'Usar voz pronta' }).click();
    const stockDialog = owner.getByRole('dialog', { name: 'Usar voz pronta' });
    await stockDialog.getByLabel('Voz', { exact: true }).selectOption('coral');
    await stockDialog.getByLabel('Nome da voz').fill('Coral (OpenAI)');
    await stockDialog.getByRole('button', { name: 'Adicionar voz' }).click();
    await owner.getByRole('heading', { name: 'Coral (OpenAI)' }).waitFor();

    // Hear the clone: the preview plays what ElevenLabs spoke.
    await owner.getByRole('button', { name: 'Ouvir Voz da Ana' }).click();
    await owner.getByLabel('Prévia de Voz da Ana').waitFor();
    expect(elevenLabs.ttsRequests.at(-1)?.text).toContain('Solar Sul');
    await owner.getByText('Ver o termo aceito').click();
    await snap(owner, '62-vozes-lista');

    // The piloto answers voice notes with Ana's voice.
    const channel = (
      await callApi(owner, 'POST', `/orgs/${orgId}/channels`, { provider: 'sandbox', name: 'Simulador' })
    ).json as { id: string };
    await owner.goto(`${app.url}/agentes/novo`);
    await owner.getByLabel('Nome', { exact: true }).fill('Sol');
    await owner.getByLabel('Responder em áudio').selectOption({ label: 'Quando o lead mandar áudio' });
    await owner.getByLabel('Voz', { exact: true }).selectOption({ label: 'Voz da Ana · clonada' });
    await owner.getByRole('region', { name: 'Respostas em áudio' }).scrollIntoViewIfNeeded();
    await snap(owner, '63-agente-respostas-em-audio');
    await owner.getByRole('button', { name: 'Criar agente' }).click();
    await owner.waitForURL(/\/agentes\/[0-9a-f-]{36}$/);
    const agentId = owner.url().split('/').pop()!;
    const configured = await callApi(owner, 'PATCH', `/orgs/${orgId}/agents/${agentId}`, {
      mode: 'piloto',
      debounceSeconds: 0,
      channelIds: [channel.id],
      model: { provider: 'openai', name: 'gpt-4.1-mini' },
      replyStyle: { splitMessages: false, maxMessagesPerTurn: 1, typingDelay: false },
    });
    expect(configured.status).toBe(200);
    expect(configured.json).toMatchObject({ voiceReply: 'when_lead_audio', voiceId: expect.any(String) });

    // The lead sends a voice note from the simulator (an OGG/Opus file, as WhatsApp records).
    const lead = await owner.context().newPage();
    await lead.setViewportSize({ width: 420, height: 820 });
    await lead.goto(`${app.url}/sandbox/${channel.id}`);
    await lead.getByLabel('Nome do lead').fill('Marina Costa');
    await lead.getByRole('button', { name: 'Usar este lead' }).click();
    llm.audio.scriptTranscriptions({ text: TRANSCRIPT });
    llm.script({ content: SPOKEN });
    await lead.getByLabel('Arquivo do lead').setInputFiles({
      name: 'audio-marina.ogg',
      mimeType: 'audio/ogg',
      buffer: await renderAudioFixture({ format: 'ogg', seconds: 2 }),
    });
    await lead.getByRole('button', { name: 'Enviar' }).click();

    // The AI's voice note plays on the lead's phone: two audio bubbles, the lead's and the AI's.
    await expect.poll(() => lead.locator('audio').count(), { timeout: 60_000 }).toBe(2);
    await expect.poll(() => audioReady(lead), { timeout: 10_000 }).toBe(true);
    await snap(lead, '64-simulador-resposta-em-audio');
    expect(llm.audio.transcriptionRequests).toHaveLength(1);
    expect(elevenLabs.ttsRequests.at(-1)?.text).toBe(SPOKEN);

    // The seller reads the transcript under the lead's audio and what the AI said under its own.
    await owner.goto(`${app.url}/inbox`);
    await owner.getByRole('link', { name: /Marina Costa/ }).click();
    const chat = owner.getByRole('region', { name: 'Mensagens' });
    await chat.getByText('Transcrição', { exact: true }).waitFor();
    await chat.getByText(TRANSCRIPT).waitFor();
    await chat.getByText('Texto do áudio', { exact: true }).waitFor();
    await chat.getByText(SPOKEN).waitFor();
    await expect.poll(() => audioReady(owner), { timeout: 10_000 }).toBe(true);
    await snap(owner, '65-inbox-transcricao');

    // A document: its text is extracted, collapsed under the file until the seller opens it.
    const price = await makePdf({
      title: 'Orçamento Marina',
      pages: [{ heading: 'Orçamento', paragraphs: ['Kit solar 5 kWp com instalação: R$ 18.900,00.'] }],
    });
    await lead.getByLabel('Arquivo do lead').setInputFiles({
      name: 'orcamento.pdf',
      mimeType: 'application/pdf',
      buffer: price,
    });
    await lead.getByRole('button', { name: 'Enviar' }).click();
    const extracted = chat.getByRole('button', { name: 'Texto extraído' });
    await extracted.waitFor({ timeout: 20_000 });
    await extracted.click();
    await chat.getByText(/Kit solar 5 kWp com instalação/).waitFor();

    // A voice note with no sound: the seller gets a clear note of what went wrong.
    await lead.getByLabel('Arquivo do lead').setInputFiles({
      name: 'audio-mudo.ogg',
      mimeType: 'audio/ogg',
      buffer: await renderAudioFixture({ format: 'ogg', seconds: 2, silent: true }),
    });
    await lead.getByRole('button', { name: 'Enviar' }).click();
    await chat.getByText('Não foi possível transcrever o áudio').waitFor({ timeout: 20_000 });
    // The AI tells the lead, with the same words the seller reads in the note.
    await expect.poll(() => chat.getByText(/Seu áudio chegou sem som/).count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => audioReady(owner), { timeout: 10_000 }).toBe(true);
    await snap(owner, '66-inbox-documento-e-falha');

    // A new lead records a voice note with the microphone (Chromium's fake device plays a beep).
    const micBrowser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ]);
    try {
      const micContext = await micBrowser.newContext({
        storageState: await owner.context().storageState(),
        permissions: ['microphone'],
        viewport: { width: 420, height: 820 },
        locale: 'pt-BR',
      });
      const recorder = await micContext.newPage();
      recorder.setDefaultTimeout(15_000);
      await recorder.goto(`${app.url}/sandbox/${channel.id}`);
      await recorder.getByRole('button', { name: 'Novo lead' }).click();
      llm.audio.scriptTranscriptions({ text: 'Vocês parcelam em dez vezes?' });
      llm.script({ content: 'Parcelamos sim, em até dez vezes sem juros no cartão.' });
      await recorder.getByRole('button', { name: 'Gravar áudio como o lead' }).click();
      await recorder.getByText('Gravando… 0:02').waitFor();
      await snap(recorder, '67-simulador-gravando');
      await recorder.getByRole('button', { name: 'Enviar mensagem de voz' }).click();
      await expect.poll(() => recorder.locator('audio').count(), { timeout: 60_000 }).toBe(2);
      const recorded = llm.audio.transcriptionRequests.at(-1);
      expect(recorded?.fileName).toMatch(/\.(webm|ogg)$/);
      expect(elevenLabs.ttsRequests.at(-1)?.text).toBe(
        'Parcelamos sim, em até dez vezes sem juros no cartão.',
      );
    } finally {
      await micBrowser.close();
    }
  }, 180_000);
});
