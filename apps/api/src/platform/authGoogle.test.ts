import { type FakeGoogle, startFakeGoogle } from '@piloto/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness.ts';
import { TestClient } from '../testing/session.ts';

let google: FakeGoogle;
let t: TestApp;
beforeAll(async () => {
  google = await startFakeGoogle();
  t = await startTestApp({
    GOOGLE_CLIENT_ID: google.clientId,
    GOOGLE_CLIENT_SECRET: google.clientSecret,
    GOOGLE_ISSUER: google.issuer,
  });
});
afterAll(async () => {
  await t?.close();
  await google?.close();
});

/** Browser round trip: our app → the fake Google's consent → back to our callback. */
async function signInWithGoogle(client: TestClient) {
  const start = await client.post('/api/auth/sign-in/social', { provider: 'google', callbackURL: '/inbox' });
  expect(start.statusCode).toBe(200);
  const { url } = start.json() as { url: string };
  expect(url.startsWith(`${google.issuer}/`)).toBe(true);
  const consent = await fetch(url, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get('location')!);
  expect(back.pathname).toBe('/api/auth/callback/google');
  return client.get(back.pathname + back.search);
}

describe('Google sign-in (OpenID Connect against a local fake Google)', () => {
  it('reports Google as enabled to the web app', async () => {
    expect((await new TestClient(t.app).get('/api/v1/config')).json()).toMatchObject({ googleEnabled: true });
  });

  it('creates a verified account, signs in, and lands on the callback URL', async () => {
    google.setUser({ sub: 'g-100', email: 'fernanda@gmail.com', name: 'Fernanda Lima' });
    const client = new TestClient(t.app);
    const callback = await signInWithGoogle(client);
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/inbox');
    const me = await client.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      email: 'fernanda@gmail.com',
      name: 'Fernanda Lima',
      emailVerified: true,
    });
  });

  it('links Google to an existing e-mail account instead of duplicating it', async () => {
    const client = new TestClient(t.app);
    google.setUser({ sub: 'g-200', email: 'gui@gmail.com', name: 'Gui' });
    await signInWithGoogle(client);
    const again = new TestClient(t.app);
    await signInWithGoogle(again);
    const a = (await client.get('/api/v1/me')).json();
    const b = (await again.get('/api/v1/me')).json();
    expect(a.user.id).toBe(b.user.id);
  });

  it('sends the person back to sign-in with an error when they deny consent', async () => {
    google.setConsent(false);
    try {
      const client = new TestClient(t.app);
      const callback = await signInWithGoogle(client);
      expect(callback.statusCode).toBe(302);
      expect(String(callback.headers.location)).toMatch(/error=access_denied/);
      expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      google.setConsent(true);
    }
  });
});
