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

/** Same-origin API call from the signed-in page (cookie + Origin, as the SPA does). */
export async function callApi(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: res.status === 204 ? null : await res.json() };
    },
    { method, path, body },
  );
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

/**
 * Signs up through the UI, confirms the e-mail from the dev mailbox, creates the company and returns
 * its id.
 */
export async function signUpOwnerWithCompany(
  page: Page,
  app: RunningApp,
  who: { name: string; email: string; company: string },
): Promise<{ orgId: string }> {
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
  const me = (await callApi(page, 'GET', '/me')).json as { memberships: Array<{ orgId: string }> };
  return { orgId: me.memberships[0].orgId };
}

type Fake = { close: () => unknown };

/**
 * The started app and browser every spec needs, opened before its tests and closed after
 * (sign-in limits raised: specs sign in many times from one address). The spec's `fakes` (external
 * services) start first, in order, and stop last; `env` points the app at them.
 */
export function useAppAndBrowser<Fakes extends Record<string, Fake> = Record<never, Fake>>(
  options: {
    fakes?: { [Name in keyof Fakes]: () => Promise<Fakes[Name]> };
    env?: (fakes: Fakes) => Record<string, string>;
  } = {},
) {
  const ctx = { fakes: {} } as { app: RunningApp; browser: Browser; fakes: Fakes };
  const starters = Object.entries(options.fakes ?? {}) as Array<
    [keyof Fakes, () => Promise<Fakes[keyof Fakes]>]
  >;
  beforeAll(async () => {
    for (const [name, start] of starters) ctx.fakes[name] = await start();
    ctx.app = await startApp({ AUTH_RATE_LIMIT_MAX: '100', ...options.env?.(ctx.fakes) });
    ctx.browser = await launchBrowser();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.app?.stop();
    for (const fake of Object.values<Fake>(ctx.fakes)) await fake.close();
  });
  return ctx;
}
