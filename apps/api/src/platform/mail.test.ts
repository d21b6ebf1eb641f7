import { type FakeSmtp, startFakeSmtp } from '@piloto/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailLog } from '../db/schema/index.ts';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { TestClient } from '../testing/session.ts';

let smtp: FakeSmtp;
let t: TestApp;
beforeAll(async () => {
  smtp = await startFakeSmtp();
  t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Piloto <nao-responda@piloto.test>' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function until<T>(read: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('e-mail through SMTP', () => {
  it('delivers the verification e-mail over SMTP and hides the dev mailbox', async () => {
    const client = new TestClient(t.app);
    await client.post('/api/auth/sign-up/email', {
      email: 'smtp@loja.com.br',
      password: 'senha-segura-123',
      name: 'Sérgio',
    });
    const mail = await until(async () => smtp.received.find((m) => m.to.includes('smtp@loja.com.br')));
    expect(mail.from).toBe('nao-responda@piloto.test');
    expect(mail.subject).toBe('Confirme seu e-mail no PilotoDeVendas.IA');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/api\/auth\/verify-email\?token=/);
    expect(mail.html).toContain('Confirmar e-mail');
    expect((await client.get('/api/v1/dev/mails')).statusCode).toBe(404);
    expect((await client.get('/api/v1/config')).json().devMailbox).toBe(false);
  });

  it('records a failed delivery with its reason and leaves it to the job retries', async () => {
    smtp.setDown(true);
    try {
      const id = await t.platform.mailer.send({
        to: 'x@loja.com.br',
        subject: 'Teste',
        text: 'oi',
        html: '<p>oi</p>',
      });
      const row = await until(async () => {
        const [r] = await t.platform.db.select().from(mailLog).where(eq(mailLog.id, id));
        return r.status === 'failed' ? r : undefined;
      });
      expect(row.error).toMatch(/421|not available/i);
      // The handler records the failure, then throws so pg-boss schedules a retry.
      const state = await until(async () => {
        const jobs = await t.platform.database.pool.query(
          "select state from pgboss.job where name = 'mail.send' and data->>'mailId' = $1",
          [id],
        );
        return jobs.rows[0]?.state === 'active' ? undefined : jobs.rows[0]?.state;
      });
      expect(state).toBe('retry');
    } finally {
      smtp.setDown(false);
    }
  });
});
