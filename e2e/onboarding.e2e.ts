import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { snap } from './support/browser.ts';
import { clickMailButton as clickMail, newPage as newPageIn, useAppAndBrowser } from './support/flows.ts';

const ctx = useAppAndBrowser();
const newPage = (viewport?: { width: number; height: number }) => newPageIn(ctx.browser, viewport);
const clickMailButton = (page: Page, subject: RegExp, button: string) =>
  clickMail(page, ctx.app, subject, button);

const navLinks = async (page: Page) =>
  (await page.getByRole('navigation', { name: 'Principal' }).getByRole('link').allInnerTexts()).map((t) =>
    t.trim(),
  );

describe('owner signs up, creates a company and invites a seller', () => {
  it('works end to end in the browser, and the seller stays out of admin areas', async () => {
    // Owner signs up and confirms the e-mail from the dev mailbox.
    const owner = await newPage();
    await owner.goto(`${ctx.app.url}/cadastro`);
    await owner.getByLabel('Seu nome').fill('Marina Souza');
    await owner.getByLabel('E-mail de trabalho').fill('marina@lojadamarina.com.br');
    await owner.getByLabel('Senha', { exact: true }).fill('senha-da-marina-1');
    await snap(owner, '01-cadastro');
    await owner.getByRole('button', { name: 'Criar conta' }).click();
    await owner.getByRole('heading', { name: 'Confira seu e-mail' }).waitFor();
    await snap(owner, '02-confira-email');
    await clickMailButton(owner, /Confirme seu e-mail/, 'Confirmar e-mail');
    await owner.waitForURL(/\/onboarding/);

    // Creates the company.
    await owner.getByLabel('Nome da empresa').fill('Loja da Marina');
    await snap(owner, '03-onboarding');
    await owner.getByRole('button', { name: 'Criar empresa' }).click();
    await owner.waitForURL(/\/inbox/);
    await snap(owner, '04-inbox-owner');
    expect(await navLinks(owner)).toEqual(
      expect.arrayContaining(['Inbox', 'Agentes', 'Equipe', 'Configurações', 'Assinatura']),
    );

    // Invites a seller.
    await owner.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Equipe' }).click();
    await owner.waitForURL(/\/equipe/);
    await owner.getByRole('button', { name: 'Convidar pessoa' }).click();
    await owner.getByLabel('E-mail').fill('joao@lojadamarina.com.br');
    await snap(owner, '05-convite-dialogo');
    await owner.getByRole('button', { name: 'Enviar convite' }).click();
    await owner.getByRole('cell', { name: 'joao@lojadamarina.com.br' }).first().waitFor();
    await snap(owner, '06-equipe');

    // The seller opens the invitation e-mail, creates an account and lands in the inbox.
    const seller = await newPage({ width: 390, height: 844 });
    await clickMailButton(seller, /convidou você para Loja da Marina/, 'Aceitar convite');
    await seller.waitForURL(/\/convite\//);
    await seller.getByText('Loja da Marina').first().waitFor();
    await seller.getByLabel('Seu nome').fill('João Pereira');
    await seller.getByLabel('Crie uma senha').fill('senha-do-joao-1');
    await snap(seller, '07-convite-aceitar');
    await seller.getByRole('button', { name: 'Criar conta e aceitar convite' }).click();
    await seller.waitForURL(/\/inbox/);
    await snap(seller, '08-inbox-vendedor-celular');

    // The seller's navigation has the seller modules only.
    await seller.setViewportSize({ width: 1280, height: 800 });
    const sellerNav = await navLinks(seller);
    expect(sellerNav).toEqual(expect.arrayContaining(['Inbox', 'Follow-ups', 'CRM', 'Dashboards']));
    for (const admin of ['Agentes', 'Conhecimento', 'Auditoria', 'Assinatura', 'Equipe', 'Configurações']) {
      expect(sellerNav).not.toContain(admin);
    }

    // An admin page typed by hand shows "Acesso restrito", and the admin API answers 403.
    await seller.goto(`${ctx.app.url}/equipe`);
    await seller.getByRole('heading', { name: 'Acesso restrito' }).waitFor();
    await snap(seller, '09-acesso-restrito');
    const orgId = await seller.evaluate(async () => {
      const me = (await (await fetch('/api/v1/me')).json()) as { memberships: Array<{ orgId: string }> };
      return me.memberships[0].orgId;
    });
    const status = await seller.evaluate(
      async (id) => (await fetch(`/api/v1/orgs/${id}/members`)).status,
      orgId,
    );
    expect(status).toBe(403);

    // The owner sees the seller as an active member.
    await owner.reload();
    await owner
      .getByRole('cell', { name: /João Pereira/ })
      .first()
      .waitFor();
    await snap(owner, '10-equipe-com-vendedor');
  });
});
