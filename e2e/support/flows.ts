import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type RunningApp, startApp } from './server.ts';

export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Opens the dev mailbox page, picks the newest e-mail with that subject and clicks its button. */
export async function clickMailButton(page: Page, app: RunningApp, subject: RegExp, button: string) {
  await page.goto(`${app.url}/dev/emails`);
  await page
    .getByRole('navigation', { name: 'E-mails' })
    .getByRole('button', { name: subject })
    .first()
    .click();
  const frame = page.frameLocator('iframe[title^="Conteúdo do e-mail"]');
  await frame.getByRole('link', { name: button }).click();
}

/** Signs up through the UI, confirms the e-mail from the dev mailbox and creates the company. */
export async function signUpOwnerWithCompany(
  page: Page,
  app: RunningApp,
  who: { name: string; email: string; company: string },
) {
  await page.goto(`${app.url}/cadastro`);
  await page.getByLabel('Seu nome').fill(who.name);
  await page.getByLabel('E-mail de trabalho').fill(who.email);
  await page.getByLabel('Senha', { exact: true }).fill('senha-segura-123');
  await page.getByRole('button', { name: 'Criar conta' }).click();
  await page.getByRole('heading', { name: 'Confira seu e-mail' }).waitFor();
  await clickMailButton(page, app, /Confirme seu e-mail/, 'Confirmar e-mail');
  await page.waitForURL(/\/onboarding/);
  await page.getByLabel('Nome da empresa').fill(who.company);
  await page.getByRole('button', { name: 'Criar empresa' }).click();
  await page.waitForURL(/\/inbox/);
}

/**
 * The started app and browser every spec needs, opened before its tests and closed after
 * (sign-in limits raised: specs sign in many times from one address).
 */
export function useAppAndBrowser(env: Record<string, string> | (() => Record<string, string>) = {}) {
  const ctx = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    ctx.app = await startApp({ AUTH_RATE_LIMIT_MAX: '100', ...(typeof env === 'function' ? env() : env) });
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
  });
  return ctx;
}
