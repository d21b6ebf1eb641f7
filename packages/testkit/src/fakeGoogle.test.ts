import { createHash, randomBytes } from 'node:crypto';
import { base64url, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeGoogle, startFakeGoogle } from './fakeGoogle.ts';

const REDIRECT_URI = 'http://127.0.0.1:3000/api/auth/callback/google';

let google: FakeGoogle;

beforeEach(async () => {
  google = await startFakeGoogle();
});

afterEach(async () => {
  vi.useRealTimers();
  await google.close();
});

/** Google's token, userinfo, discovery and error answers share one loose shape for assertions. */
type GoogleJson = Record<string, string | number | boolean | string[] | undefined> & {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  error?: string;
};

function readJson(response: Response): Promise<GoogleJson> {
  return response.json() as Promise<GoogleJson>;
}

function pkce() {
  const verifier = base64url.encode(randomBytes(32));
  const challenge = base64url.encode(createHash('sha256').update(verifier).digest());
  return { verifier, challenge };
}

async function authorize(overrides: Record<string, string | undefined> = {}) {
  const { verifier, challenge } = pkce();
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: google.clientId,
    state: 'state-abc',
    scope: 'openid email profile',
    redirect_uri: REDIRECT_URI,
    nonce: 'nonce-xyz',
    code_challenge_method: 'S256',
    code_challenge: challenge,
    ...overrides,
  };
  const url = new URL('/o/oauth2/v2/auth', google.issuer);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  const callback = location ? new URL(location) : undefined;
  return { response, callback, code: callback?.searchParams.get('code') ?? '', verifier };
}

function exchange(form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${google.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(form),
  });
}

function codeForm(code: string, verifier: string): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
    client_id: google.clientId,
    client_secret: google.clientSecret,
  };
}

describe('fake Google OpenID provider', () => {
  it('publishes a discovery document pointing at its own endpoints', async () => {
    const response = await fetch(`${google.issuer}/.well-known/openid-configuration`);
    const discovery = await readJson(response);

    expect(google.discoveryUrl).toBe(`${google.issuer}/.well-known/openid-configuration`);
    expect(google.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery).toMatchObject({
      issuer: google.issuer,
      authorization_endpoint: `${google.issuer}/o/oauth2/v2/auth`,
      token_endpoint: `${google.issuer}/token`,
      userinfo_endpoint: `${google.issuer}/v1/userinfo`,
      jwks_uri: `${google.issuer}/oauth2/v3/certs`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('runs the authorization code flow with PKCE and signs a verifiable id_token', async () => {
    const { response, callback, code, verifier } = await authorize();

    expect(response.status).toBe(302);
    expect(callback?.origin + callback!.pathname).toBe(REDIRECT_URI);
    expect(callback?.searchParams.get('state')).toBe('state-abc');
    expect(callback?.searchParams.has('iss')).toBe(false);
    expect(code).toMatch(/^4\/0A/);

    const tokenResponse = await exchange(codeForm(code, verifier));
    const tokens = await readJson(tokenResponse);

    expect(tokenResponse.status).toBe(200);
    expect(tokens).toMatchObject({
      expires_in: 3599,
      token_type: 'Bearer',
      scope:
        'https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile openid',
    });
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(tokens.refresh_token).toBeUndefined();

    const jwks = createRemoteJWKSet(new URL(`${google.issuer}/oauth2/v3/certs`));
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, jwks, {
      issuer: google.issuer,
      audience: google.clientId,
      algorithms: ['RS256'],
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat'],
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({
      azp: google.clientId,
      sub: '109876543210987654321',
      email: 'ana.souza@example.com',
      email_verified: true,
      nonce: 'nonce-xyz',
      name: 'Ana Souza',
      given_name: 'Ana',
      family_name: 'Souza',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    const atHash = base64url.encode(
      createHash('sha256').update(tokens.access_token).digest().subarray(0, 16),
    );
    expect(payload.at_hash).toBe(atHash);
  });

  it('leaves nonce out of the id_token when the authorization request had none', async () => {
    const { code, verifier } = await authorize({ nonce: undefined });
    const { id_token } = await readJson(await exchange(codeForm(code, verifier)));
    const [, payload] = id_token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).not.toHaveProperty('nonce');
  });

  it('accepts client_secret_basic authentication', async () => {
    const { code, verifier } = await authorize();
    const { client_id: _id, client_secret: _secret, ...form } = codeForm(code, verifier);
    const basic = Buffer.from(`${google.clientId}:${google.clientSecret}`).toString('base64');

    const response = await exchange(form, { authorization: `Basic ${basic}` });

    expect(response.status).toBe(200);
    expect(decodeProtectedHeader((await readJson(response)).id_token).alg).toBe('RS256');
  });

  it('lets a code be used only once', async () => {
    const { code, verifier } = await authorize();
    expect((await exchange(codeForm(code, verifier))).status).toBe(200);

    const replay = await exchange(codeForm(code, verifier));

    expect(replay.status).toBe(400);
    expect(await readJson(replay)).toEqual({ error: 'invalid_grant', error_description: 'Bad Request' });
  });

  it('rejects a wrong PKCE verifier and burns the code', async () => {
    const { code, verifier } = await authorize();

    const wrong = await exchange(codeForm(code, pkce().verifier));
    expect(wrong.status).toBe(400);
    expect(await readJson(wrong)).toEqual({ error: 'invalid_grant', error_description: 'Bad Request' });

    expect((await exchange(codeForm(code, verifier))).status).toBe(400);
  });

  it('rejects a missing PKCE verifier', async () => {
    const { code } = await authorize();
    const { code_verifier: _verifier, ...form } = codeForm(code, '');

    const response = await exchange(form);

    expect(response.status).toBe(400);
    expect(await readJson(response)).toEqual({
      error: 'invalid_grant',
      error_description: 'Missing code verifier.',
    });
  });

  it('rejects a wrong client secret without burning the code', async () => {
    const { code, verifier } = await authorize();

    const response = await exchange({ ...codeForm(code, verifier), client_secret: 'wrong' });
    expect(response.status).toBe(401);
    expect(await readJson(response)).toEqual({ error: 'invalid_client', error_description: 'Unauthorized' });

    const basic = Buffer.from(`${google.clientId}:wrong`).toString('base64');
    const { client_id: _id, client_secret: _secret, ...form } = codeForm(code, verifier);
    expect((await exchange(form, { authorization: `Basic ${basic}` })).status).toBe(401);

    expect((await exchange(codeForm(code, verifier))).status).toBe(200);
  });

  it('rejects an unknown client at the token endpoint', async () => {
    const { code, verifier } = await authorize();
    const response = await exchange({ ...codeForm(code, verifier), client_id: 'someone-else' });
    expect(response.status).toBe(401);
    expect((await readJson(response)).error).toBe('invalid_client');
  });

  it('rejects a redirect_uri that differs from the authorization request', async () => {
    const { code, verifier } = await authorize();
    const response = await exchange({
      ...codeForm(code, verifier),
      redirect_uri: 'http://127.0.0.1:3000/other',
    });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toBe('redirect_uri_mismatch');
  });

  it('rejects a JSON token request', async () => {
    const { code, verifier } = await authorize();
    const response = await fetch(`${google.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(codeForm(code, verifier)),
    });
    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toBe('invalid_request');
  });

  it('expires codes after ten minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { code, verifier } = await authorize();
    vi.setSystemTime(Date.now() + 10 * 60 * 1000 + 1);

    const response = await exchange(codeForm(code, verifier));

    expect(response.status).toBe(400);
    expect((await readJson(response)).error).toBe('invalid_grant');
  });

  it('serves userinfo for a bearer access token and 401 otherwise', async () => {
    google.setUser({ sub: '42', email: 'bruno@example.com', name: 'Bruno', emailVerified: false });
    const { code, verifier } = await authorize();
    const { access_token } = await readJson(await exchange(codeForm(code, verifier)));

    const response = await fetch(`${google.issuer}/v1/userinfo`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(await readJson(response)).toEqual({
      sub: '42',
      name: 'Bruno',
      given_name: 'Bruno',
      email: 'bruno@example.com',
      email_verified: false,
    });

    const anonymous = await fetch(`${google.issuer}/v1/userinfo`);
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${google.issuer}/v1/userinfo`, {
      headers: { authorization: 'Bearer ya29.nope' },
    });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('binds the code to the user who was set when it was issued', async () => {
    google.setUser({ sub: '1', email: 'first@example.com', name: 'First User' });
    const { code, verifier } = await authorize();
    google.setUser({ sub: '2', email: 'second@example.com', name: 'Second User' });

    const { id_token } = await readJson(await exchange(codeForm(code, verifier)));
    const [, payload] = id_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims).toMatchObject({ sub: '1', email: 'first@example.com', family_name: 'User' });
    expect(claims).not.toHaveProperty('picture');
  });

  it('shows an error page for an unknown client instead of redirecting', async () => {
    const { response } = await authorize({ client_id: 'unknown.apps.googleusercontent.com' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Error 401: invalid_client');
  });

  it('requires PKCE with S256, a code response type and known scopes', async () => {
    for (const overrides of [
      { code_challenge: undefined },
      { code_challenge_method: 'plain' },
      { response_type: 'token' },
      { scope: 'openid https://www.googleapis.com/auth/drive' },
      { redirect_uri: 'javascript:alert(1)' },
    ]) {
      const { response } = await authorize(overrides);
      expect(response.status, JSON.stringify(overrides)).toBe(400);
    }
  });

  it('enforces registered redirect URIs when given', async () => {
    await google.close();
    google = await startFakeGoogle({ clientId: 'mine', clientSecret: 'shh', redirectUris: [REDIRECT_URI] });

    expect((await authorize()).response.status).toBe(302);
    const { response } = await authorize({ redirect_uri: 'http://127.0.0.1:3000/elsewhere' });
    expect(await response.text()).toContain('Error 400: redirect_uri_mismatch');
  });

  it('redirects with access_denied when the user cancels', async () => {
    google.setConsent(false);
    const { callback } = await authorize();
    expect(Object.fromEntries(callback!.searchParams)).toEqual({
      state: 'state-abc',
      error: 'access_denied',
    });
  });

  it('issues a refresh token for offline access and honours it', async () => {
    const { code, verifier } = await authorize({ access_type: 'offline' });
    const { refresh_token } = await readJson(await exchange(codeForm(code, verifier)));
    expect(refresh_token).toMatch(/^1\/\/0/);

    const response = await exchange({
      grant_type: 'refresh_token',
      refresh_token: refresh_token!,
      client_id: google.clientId,
      client_secret: google.clientSecret,
    });
    const refreshed = await readJson(response);
    expect(response.status).toBe(200);
    expect(refreshed.access_token).toMatch(/^ya29\./);
    expect(refreshed.refresh_token).toBeUndefined();
  });

  it('records the requests it received', async () => {
    const { code, verifier } = await authorize();
    await exchange(codeForm(code, verifier));

    expect(google.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /o/oauth2/v2/auth',
      'POST /token',
    ]);
    expect(google.requests[1].body).toMatchObject({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
    });
  });
});
