import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { lastMailTo, linkIn, signUpVerified, TestClient } from '../testing/session.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ AUTH_RATE_LIMIT_MAX: '5' });
});
afterAll(() => t?.close());

describe('e-mail and password auth', () => {
  it('requires a verified e-mail, then signs in with an HttpOnly SameSite=Lax cookie', async () => {
    const client = new TestClient(t.app);
    const signUp = await client.post('/api/auth/sign-up/email', {
      email: 'ana@loja.com.br',
      password: 'senha-segura-123',
      name: 'Ana',
    });
    expect(signUp.statusCode).toBe(200);
    expect(client.cookies.size).toBe(0);

    const early = await client.post('/api/auth/sign-in/email', {
      email: 'ana@loja.com.br',
      password: 'senha-segura-123',
    });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', error: { code: 'EMAIL_NOT_VERIFIED' } });
    expect(early.json().message).toMatch(/Confirme seu e-mail/);

    const mail = await lastMailTo(t.platform, 'ana@loja.com.br');
    expect(mail.subject).toMatch(/Confirme seu e-mail/);
    const link = new URL(linkIn(mail.text));
    expect(link.origin).toBe('http://localhost:3000');
    const verify = await client.get(link.pathname + link.search);
    expect(verify.statusCode).toBe(302);
    const setCookie = [verify.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/piloto\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);

    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { email: 'ana@loja.com.br', emailVerified: true },
      memberships: [],
    });
  });

  it('answers a wrong password with 401 in pt-BR', async () => {
    await signUpVerified(t.app, t.platform, { email: 'bia@loja.com.br' });
    const res = await new TestClient(t.app).post('/api/auth/sign-in/email', {
      email: 'bia@loja.com.br',
      password: 'errada-123',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({
      code: 'INVALID_EMAIL_OR_PASSWORD',
      message: 'E-mail ou senha incorretos.',
    });
  });

  it('rate-limits brute force on sign-in with a clear 429', async () => {
    const client = new TestClient(t.app, '203.0.113.9');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await client.post(
        '/api/auth/sign-in/email',
        { email: 'alvo@loja.com.br', password: `tentativa-${i}` },
        // A spoofed header must not reset the count: the limit keys on the connection's address.
        { 'x-forwarded-for': `198.51.100.${i}` },
      );
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(res.json().error.message).toMatch(/Muitas tentativas/);
      }
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('resets a forgotten password through the e-mailed link and ends old sessions', async () => {
    const old = await signUpVerified(t.app, t.platform, {
      email: 'caio@loja.com.br',
      password: 'senha-antiga-1',
    });
    const anon = new TestClient(t.app);
    const req = await anon.post('/api/auth/request-password-reset', {
      email: 'caio@loja.com.br',
      redirectTo: '/redefinir-senha',
    });
    expect(req.statusCode).toBe(200);
    const mail = await lastMailTo(t.platform, 'caio@loja.com.br');
    expect(mail.subject).toMatch(/Redefinição de senha/);
    const link = new URL(linkIn(mail.text));
    const landing = await anon.get(link.pathname + link.search);
    expect(landing.statusCode).toBe(302);
    const target = new URL(landing.headers.location as string, 'http://localhost:3000');
    expect(target.pathname).toBe('/redefinir-senha');
    const token = target.searchParams.get('token')!;
    const reset = await anon.post('/api/auth/reset-password', { newPassword: 'senha-nova-123', token });
    expect(reset.statusCode).toBe(200);

    expect((await old.get('/api/v1/me')).statusCode).toBe(401);
    const signIn = await new TestClient(t.app).post('/api/auth/sign-in/email', {
      email: 'caio@loja.com.br',
      password: 'senha-nova-123',
    });
    expect(signIn.statusCode).toBe(200);
    const reuse = await anon.post('/api/auth/reset-password', { newPassword: 'outra-senha-123', token });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('INVALID_TOKEN');
  });

  it('lists sessions, revokes one, and signs out', async () => {
    const first = await signUpVerified(t.app, t.platform, {
      email: 'dani@loja.com.br',
      password: 'senha-dani-123',
    });
    const second = new TestClient(t.app);
    await second.post('/api/auth/sign-in/email', { email: 'dani@loja.com.br', password: 'senha-dani-123' });
    const list = await first.get('/api/auth/list-sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json() as Array<{ token: string }>;
    expect(sessions).toHaveLength(2);
    const secondToken = second.cookies.get('piloto.session_token')!.split('.')[0];
    const revoke = await first.post('/api/auth/revoke-session', { token: decodeURIComponent(secondToken) });
    expect(revoke.statusCode).toBe(200);
    expect((await second.get('/api/v1/me')).statusCode).toBe(401);
    expect((await first.get('/api/v1/me')).statusCode).toBe(200);

    const out = await first.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(200);
    expect((await first.get('/api/v1/me')).statusCode).toBe(401);
  });
});

describe('cookies in production', () => {
  it('marks the session cookie Secure', async () => {
    const prod = await startTestApp({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      APP_URL: 'http://localhost:3000',
      SMTP_URL: 'smtp://127.0.0.1:1',
    });
    try {
      const client = new TestClient(prod.app);
      await client.post('/api/auth/sign-up/email', {
        email: 'eva@loja.com.br',
        password: 'senha-segura-123',
        name: 'Eva',
      });
      const mail = await lastMailTo(prod.platform, 'eva@loja.com.br');
      const link = new URL(linkIn(mail.text));
      const verify = await client.get(link.pathname + link.search);
      expect([verify.headers['set-cookie']].flat().join('\n')).toMatch(
        /__Secure-piloto\.session_token=.*Secure/i,
      );
    } finally {
      await prod.close();
    }
  });
});
