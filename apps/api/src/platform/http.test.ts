import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_APP_URL, type TestApp } from '../testing/harness.ts';
import { signUpVerified, type TestClient } from '../testing/session.ts';

let t: TestApp;
let client: TestClient;
beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
  client = await signUpVerified(t.app, t.platform, { email: 'http@teste.com' });
});
afterAll(() => t?.close());

describe('API conventions', () => {
  it('answers unknown API routes with a JSON 404', async () => {
    const res = await client.get('/api/v1/nada-aqui');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'Rota não encontrada: GET /api/v1/nada-aqui' },
    });
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await client.post('/api/v1/orgs', { name: 'x'.repeat(5000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with a 400 in our error shape', async () => {
    const res = await client.request('POST', '/api/v1/orgs', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it('refuses cookie-carrying writes from another origin (CSRF), allows our own', async () => {
    const evil = await client.post(
      '/api/v1/orgs',
      { name: 'Empresa Evil' },
      { origin: 'https://evil.example' },
    );
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('CSRF_ORIGIN_MISMATCH');
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { name: 'Sem Origem' },
      headers: { cookie: client.cookieHeader },
    });
    expect(noOrigin.statusCode).toBe(403);
    const ok = await client.post('/api/v1/orgs', { name: 'Empresa Boa' });
    expect(ok.statusCode).toBe(201);
  });

  it('gives every response a request id, and keeps a valid incoming one', async () => {
    const res = await client.get('/healthz');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await client.get('/healthz', { 'x-request-id': 'trace-abc-12345' });
    expect(traced.headers['x-request-id']).toBe('trace-abc-12345');
  });

  it('reports health and readiness', async () => {
    expect((await client.get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await client.get('/readyz')).json()).toEqual({ status: 'ready' });
    t.app.markShuttingDown();
    expect((await client.get('/readyz')).statusCode).toBe(503);
  });

  it('publishes OpenAPI with the v1 routes and serves the docs UI', async () => {
    const spec = (await client.get('/api/docs/json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/orgs', '/api/v1/orgs/{orgId}/members']),
    );
    const ui = await client.get('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('client address behind a proxy', () => {
  it('rate-limits by the address the proxy appended, not one the client wrote', async () => {
    const behind = await startTestApp({ TRUST_PROXY: '1', AUTH_RATE_LIMIT_MAX: '2' });
    try {
      const attempt = (clientWrote: string, proxySaw: string) =>
        behind.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          payload: { email: 'ninguem@x.com', password: 'senha-errada-1' },
          remoteAddress: '10.0.0.1',
          headers: { origin: TEST_APP_URL, 'x-forwarded-for': `${clientWrote}, ${proxySaw}` },
        });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await attempt(`6.6.6.${i}`, '203.0.113.7')).statusCode);
      expect(statuses).toEqual([401, 401, 429]);
      expect((await attempt('6.6.6.9', '198.51.100.20')).statusCode).toBe(401);
    } finally {
      await behind.close();
    }
  });
});
