import { createHash, randomBytes } from 'node:crypto';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { authenticateGoogleClient } from './authenticateGoogleClient.ts';
import {
  escapeHtml,
  type FakeHttpRequest,
  type FakeHttpResponse,
  htmlResponse,
  jsonResponse,
  redirectResponse,
  startFakeHttpServer,
} from './fakeHttpServer.ts';
import {
  type FakeGoogleUser,
  googleEmailClaims,
  googleProfileClaims,
  grantedGoogleScopes,
  unknownGoogleScopes,
} from './googleUserClaims.ts';

export type { FakeGoogleUser } from './googleUserClaims.ts';

/**
 * A local stand-in for accounts.google.com as an OpenID Connect provider. It speaks Google's wire
 * format (discovery, authorization redirect, token JSON, RS256 id_token, userinfo, JWKS) and acts as
 * a user who always consents, so sign-in can run end to end in a browser or over HTTP.
 *
 * Deliberately stricter than Google where our app must not rely on leniency: PKCE with S256 is
 * required, and the token endpoint only takes application/x-www-form-urlencoded bodies.
 */

export type FakeGoogleOptions = {
  clientId?: string;
  clientSecret?: string;
  /** Exact redirect URIs registered for the client, as in the Google console. Default: any http(s) URL. */
  redirectUris?: string[];
};

export type FakeGoogle = {
  /** `http://127.0.0.1:<port>`; the id_token `iss` and discovery `issuer`. */
  issuer: string;
  /** `<issuer>/.well-known/openid-configuration`, what better-auth's genericOAuth takes. */
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** The user who signs in on the next authorization request. */
  setUser(user: FakeGoogleUser): void;
  /** `false` makes the user press "Cancel": the redirect carries `error=access_denied`. */
  setConsent(granted: boolean): void;
  requests: FakeHttpRequest[];
  close(): Promise<void>;
};

export const FAKE_GOOGLE_DEFAULT_USER: FakeGoogleUser = {
  sub: '109876543210987654321',
  email: 'ana.souza@example.com',
  name: 'Ana Souza',
  picture: 'https://lh3.googleusercontent.com/a/fake-ana-souza=s96-c',
  emailVerified: true,
};

const CODE_TTL_MS = 10 * 60 * 1000;
const ACCESS_TOKEN_TTL_S = 3599;
const ID_TOKEN_TTL_S = 3600;

type Grant = { user: FakeGoogleUser; clientId: string; scopes: string[] };
type PendingCode = Grant & {
  nonce?: string;
  codeChallenge: string;
  redirectUri: string;
  offline: boolean;
  expiresAt: number;
};
type AccessToken = Grant & { expiresAt: number };

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const clientId = options.clientId ?? '123456789012-fakegoogle.apps.googleusercontent.com';
  const clientSecret = options.clientSecret ?? 'GOCSPX-fake-google-client-secret';
  const keyId = randomBytes(20).toString('hex');
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: keyId, alg: 'RS256', use: 'sig' }] };

  let currentUser = FAKE_GOOGLE_DEFAULT_USER;
  let consentGranted = true;
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, AccessToken>();
  const refreshTokens = new Map<string, Grant>();
  let issuer = '';

  function discovery() {
    return {
      issuer,
      authorization_endpoint: `${issuer}/o/oauth2/v2/auth`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/v1/userinfo`,
      jwks_uri: `${issuer}/oauth2/v3/certs`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: [
        'aud',
        'email',
        'email_verified',
        'exp',
        'family_name',
        'given_name',
        'iat',
        'iss',
        'name',
        'picture',
        'sub',
      ],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    };
  }

  function authorize(query: Record<string, string>): FakeHttpResponse {
    if (!query.client_id)
      return authorizationErrorPage(400, 'invalid_request', 'Missing required parameter: client_id');
    if (query.client_id !== clientId)
      return authorizationErrorPage(401, 'invalid_client', 'The OAuth client was not found.');
    const redirectUri = query.redirect_uri;
    if (!redirectUri)
      return authorizationErrorPage(400, 'invalid_request', 'Missing required parameter: redirect_uri');
    if (!isRegisteredRedirectUri(redirectUri, options.redirectUris)) {
      return authorizationErrorPage(400, 'redirect_uri_mismatch', `redirect_uri=${redirectUri}`);
    }
    if (!query.response_type)
      return authorizationErrorPage(400, 'invalid_request', 'Required parameter is missing: response_type');
    if (query.response_type !== 'code') {
      return authorizationErrorPage(
        400,
        'unsupported_response_type',
        `Invalid response_type: ${query.response_type}`,
      );
    }
    if (!query.scope)
      return authorizationErrorPage(400, 'invalid_request', 'Missing required parameter: scope');
    const requested = query.scope.split(' ').filter(Boolean);
    const unknown = unknownGoogleScopes(requested);
    if (unknown.length > 0)
      return authorizationErrorPage(
        400,
        'invalid_scope',
        `Some requested scopes were invalid: ${unknown.join(' ')}`,
      );
    if (!query.code_challenge)
      return authorizationErrorPage(400, 'invalid_request', 'Missing required parameter: code_challenge');
    if (query.code_challenge_method !== 'S256') {
      return authorizationErrorPage(
        400,
        'invalid_request',
        'Invalid code_challenge_method; this fake requires S256.',
      );
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(query.code_challenge)) {
      return authorizationErrorPage(400, 'invalid_request', 'Invalid code_challenge.');
    }

    const location = new URL(redirectUri);
    if (query.state !== undefined) location.searchParams.set('state', query.state);
    if (!consentGranted) {
      location.searchParams.set('error', 'access_denied');
      return redirectResponse(location.href);
    }

    const scopes = grantedGoogleScopes(requested);
    const code = `4/0A${base64url.encode(randomBytes(48))}`;
    codes.set(code, {
      user: { ...currentUser },
      clientId,
      scopes,
      nonce: query.nonce,
      codeChallenge: query.code_challenge,
      redirectUri,
      offline: query.access_type === 'offline',
      expiresAt: Date.now() + CODE_TTL_MS,
    });
    // Google also sends scope, authuser and prompt; a client must tolerate extra parameters.
    location.searchParams.set('code', code);
    location.searchParams.set('scope', scopes.join(' '));
    location.searchParams.set('authuser', '0');
    location.searchParams.set('prompt', 'consent');
    return redirectResponse(location.href);
  }

  async function token(request: FakeHttpRequest): Promise<FakeHttpResponse> {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (
      contentType !== 'application/x-www-form-urlencoded' ||
      typeof request.body !== 'object' ||
      !request.body
    ) {
      return tokenError(400, 'invalid_request', 'Invalid content type; expected a form.');
    }
    const form = request.body as Record<string, string>;
    if (!form.grant_type) {
      return tokenError(400, 'invalid_request', 'Missing required parameter: grant_type');
    }
    if (form.grant_type !== 'authorization_code' && form.grant_type !== 'refresh_token') {
      return tokenError(400, 'unsupported_grant_type', `Invalid grant_type: ${form.grant_type}`);
    }
    const authError = authenticateGoogleClient(request.headers.authorization, form, {
      clientId,
      clientSecret,
    });
    if (authError) return tokenError(authError.status, authError.error, authError.description);
    return form.grant_type === 'authorization_code' ? exchangeCode(form) : refresh(form);
  }

  async function exchangeCode(form: Record<string, string>): Promise<FakeHttpResponse> {
    if (!form.code) return tokenError(400, 'invalid_request', 'Missing required parameter: code');
    if (!form.redirect_uri) {
      return tokenError(400, 'invalid_request', 'Missing parameter: redirect_uri');
    }
    const pending = codes.get(form.code);
    // Any attempt burns the code, so a replay or a guessed verifier never gets a second try.
    codes.delete(form.code);
    if (!pending || pending.expiresAt < Date.now()) return tokenError(400, 'invalid_grant', 'Bad Request');
    if (form.redirect_uri !== pending.redirectUri) {
      return tokenError(400, 'redirect_uri_mismatch', 'Bad Request');
    }
    if (!form.code_verifier) return tokenError(400, 'invalid_grant', 'Missing code verifier.');
    if (s256(form.code_verifier) !== pending.codeChallenge)
      return tokenError(400, 'invalid_grant', 'Bad Request');

    const tokens = await issueTokens(pending, pending.nonce);
    if (!pending.offline) return jsonResponse(200, tokens);
    const refreshToken = `1//0${base64url.encode(randomBytes(48))}`;
    refreshTokens.set(refreshToken, {
      user: pending.user,
      clientId: pending.clientId,
      scopes: pending.scopes,
    });
    return jsonResponse(200, { ...tokens, refresh_token: refreshToken });
  }

  async function refresh(form: Record<string, string>): Promise<FakeHttpResponse> {
    if (!form.refresh_token) {
      return tokenError(400, 'invalid_request', 'Missing required parameter: refresh_token');
    }
    const grant = refreshTokens.get(form.refresh_token);
    if (!grant) return tokenError(400, 'invalid_grant', 'Token has been expired or revoked.');
    return jsonResponse(200, await issueTokens(grant, undefined));
  }

  async function issueTokens(grant: Grant, nonce: string | undefined) {
    const accessToken = `ya29.${base64url.encode(randomBytes(96))}`;
    accessTokens.set(accessToken, { ...grant, expiresAt: Date.now() + ACCESS_TOKEN_TTL_S * 1000 });
    const body: Record<string, string | number> = {
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_TTL_S,
      scope: grant.scopes.join(' '),
      token_type: 'Bearer',
    };
    if (grant.scopes.includes('openid')) body.id_token = await signIdToken(grant, accessToken, nonce);
    return body;
  }

  function signIdToken(grant: Grant, accessToken: string, nonce: string | undefined): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const { user } = grant;
    // Claim order as Google sends it.
    const claims = {
      iss: issuer,
      azp: grant.clientId,
      aud: grant.clientId,
      sub: user.sub,
      ...googleEmailClaims(user, grant.scopes),
      at_hash: base64url.encode(createHash('sha256').update(accessToken).digest().subarray(0, 16)),
      ...(nonce === undefined ? {} : { nonce }),
      ...googleProfileClaims(user, grant.scopes),
      iat: now,
      exp: now + ID_TOKEN_TTL_S,
    };
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' }).sign(privateKey);
  }

  function userinfo(request: FakeHttpRequest): FakeHttpResponse {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const grant = match ? accessTokens.get(match[1]) : undefined;
    if (!grant || grant.expiresAt < Date.now()) {
      return jsonResponse(
        401,
        { error: 'invalid_request', error_description: 'Invalid Credentials' },
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      );
    }
    return jsonResponse(200, {
      sub: grant.user.sub,
      ...googleProfileClaims(grant.user, grant.scopes),
      ...googleEmailClaims(grant.user, grant.scopes),
    });
  }

  const server = await startFakeHttpServer((request) => {
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case 'GET /.well-known/openid-configuration':
        return jsonResponse(200, discovery(), { 'cache-control': 'public, max-age=3600' });
      case 'GET /oauth2/v3/certs':
        return jsonResponse(200, jwks, { 'cache-control': 'public, max-age=3600' });
      case 'GET /o/oauth2/v2/auth':
        return authorize(request.query);
      case 'POST /token':
        return token(request);
      case 'GET /v1/userinfo':
        return userinfo(request);
      default:
        return jsonResponse(404, { error: 'not_found', error_description: `No route for ${route}` });
    }
  });
  issuer = server.url;

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    setUser(user) {
      currentUser = { ...user };
    },
    setConsent(granted) {
      consentGranted = granted;
    },
    requests: server.requests,
    close: server.close,
  };
}

function tokenError(status: number, error: string, description: string): FakeHttpResponse {
  return jsonResponse(status, { error, error_description: description });
}

function s256(verifier: string): string {
  return base64url.encode(createHash('sha256').update(verifier).digest());
}

function isRegisteredRedirectUri(redirectUri: string, registered: string[] | undefined): boolean {
  if (registered) return registered.includes(redirectUri);
  try {
    const { protocol } = new URL(redirectUri);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Google's consent screen shows errors as a page, never redirecting to an unverified redirect_uri. */
function authorizationErrorPage(code: number, error: string, description: string): FakeHttpResponse {
  return htmlResponse(
    400,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error ${code} (OAuth2 Error)</title></head>` +
      `<body><h1>Access blocked: Authorization Error</h1><p>Error ${code}: ${escapeHtml(error)}</p>` +
      `<p>${escapeHtml(description)}</p></body></html>`,
  );
}
