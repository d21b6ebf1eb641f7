import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function waitFor<T>(read: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('job runner (pg-boss on the app database)', () => {
  it('runs a queued job once', async () => {
    const { jobs } = t.platform;
    const seen: string[] = [];
    await jobs.defineQueue({ name: 'test.echo' });
    await jobs.work<{ word: string }>('test.echo', async (data) => {
      seen.push(data.word);
    });
    await jobs.send('test.echo', { word: 'olá' });
    await waitFor(() => (seen.length ? seen : undefined));
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen).toEqual(['olá']);
  });

  it('retries a failing job until it succeeds', async () => {
    const { jobs } = t.platform;
    let attempts = 0;
    let done = false;
    await jobs.defineQueue({ name: 'test.flaky', retryLimit: 3, retryDelay: 1, retryBackoff: false });
    await jobs.work('test.flaky', async () => {
      attempts++;
      if (attempts < 3) throw new Error(`falha ${attempts}`);
      done = true;
    });
    await jobs.send('test.flaky', {});
    await waitFor(() => (done ? true : undefined));
    expect(attempts).toBe(3);
  });

  it('delivers queued e-mails and marks them sent', async () => {
    const id = await t.platform.mailer.send({
      to: 'fila@teste.com',
      subject: 'Teste',
      text: 'corpo',
      html: '<p>corpo</p>',
    });
    const { mailLog } = await import('../db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    let status = '';
    const until = Date.now() + 20_000;
    while (status !== 'sent' && Date.now() < until) {
      [{ status }] = await t.platform.db
        .select({ status: mailLog.status })
        .from(mailLog)
        .where(eq(mailLog.id, id));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('sent');
  });
});
