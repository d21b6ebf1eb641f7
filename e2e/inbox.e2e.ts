import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.ts';
import { newPage, signUpOwnerWithCompany, useAppAndBrowser } from './support/flows.ts';

const ctx = useAppAndBrowser();

describe('sandbox lead ↔ seller inbox, live', () => {
  it('a lead writes in the sandbox → the seller sees it live → replies with text and a PDF → the lead sees them with status', async () => {
    const { app, browser } = ctx;
    const seller = await newPage(browser);
    await signUpOwnerWithCompany(seller, app, {
      name: 'Carla Vendas',
      email: 'carla@imobiliaria.com.br',
      company: 'Imobiliária Sol',
    });

    // Connect the built-in simulator as a WhatsApp number.
    await seller.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Canais' }).click();
    await seller.getByRole('button', { name: 'Conectar número' }).first().click();
    await seller.getByRole('button', { name: /Sandbox/ }).click();
    await seller.getByRole('button', { name: 'Conectar', exact: true }).click();
    const simulatorLink = seller.getByRole('link', { name: 'Abrir simulador' });
    const sandboxPath = await simulatorLink.getAttribute('href');
    expect(sandboxPath).toMatch(/^\/sandbox\/[0-9a-f-]{36}$/);
    await snap(seller, '20-canal-sandbox');
    await seller.getByRole('button', { name: 'Concluir' }).click();

    // The seller keeps the inbox open; a teammate plays the lead in another tab.
    await seller.goto(`${app.url}/inbox`);
    const lead = await seller.context().newPage();
    await lead.setViewportSize({ width: 420, height: 800 });
    await lead.goto(`${app.url}${sandboxPath}`);
    await lead.getByLabel('Nome do lead').fill('Roberto Lima');
    await lead.getByRole('button', { name: 'Usar este lead' }).click();
    await lead
      .getByLabel('Mensagem do lead')
      .fill('Oi! O apartamento da Rua das Flores ainda está disponível?');
    await lead.getByRole('button', { name: 'Enviar' }).click();
    await snap(lead, '21-simulador-lead');

    // Live: no reload on the seller's side.
    const row = seller.getByRole('link', { name: /Roberto Lima/ });
    await row.waitFor();
    await snap(seller, '22-inbox-nova-conversa');
    await row.click();
    await seller.getByText('O apartamento da Rua das Flores ainda está disponível?').waitFor();

    // Reply with text, then with an attached PDF.
    await seller.getByLabel('Mensagem', { exact: true }).fill('Está sim, Roberto! Quer agendar uma visita?');
    await seller.getByRole('button', { name: 'Enviar' }).click();
    await seller.locator('input[type="file"]').setInputFiles({
      name: 'ficha-do-imovel.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await seller.getByLabel('Mensagem', { exact: true }).fill('Segue a ficha do imóvel');
    await seller.getByRole('button', { name: 'Enviar' }).click();

    // The lead sees both, live.
    await lead.getByText('Está sim, Roberto! Quer agendar uma visita?').waitFor();
    await lead.getByText('ficha-do-imovel.pdf').first().waitFor();
    await snap(lead, '23-simulador-recebeu');

    // The simulator reads them: the seller's ticks turn to "Lida" without a reload.
    await seller.getByRole('img', { name: 'Lida' }).nth(1).waitFor({ timeout: 20_000 });
    await snap(seller, '24-inbox-respondido-lido');

    // The PDF the seller sent is downloadable by members.
    const href = await seller
      .getByRole('link', { name: /Baixar ficha-do-imovel\.pdf/ })
      .first()
      .getAttribute('href');
    const pdf = await seller.evaluate(async (url) => (await fetch(url!)).headers.get('content-type'), href);
    expect(pdf).toBe('application/pdf');
  });
});
