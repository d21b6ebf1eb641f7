import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { fromNodeHeaders } from 'better-auth/node';
import { genericOAuth } from 'better-auth/plugins';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema/index.ts';
import { authMessages } from './authMessages.ts';
import type { Mailer } from './mail.ts';
import { resetPasswordMail, verifyEmailMail } from './mailTemplates.ts';

export const AUTH_BASE_PATH = '/api/auth';

export function createAuth(deps: { config: Config; db: Db; mailer: Mailer; secret: string }) {
  const { config, db, mailer, secret } = deps;
  return betterAuth({
    appName: 'PilotoDeVendas.IA',
    baseURL: config.appUrl,
    basePath: AUTH_BASE_PATH,
    secret,
    trustedOrigins: trustedOrigins(config),
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await mailer.send(resetPasswordMail(user.email, user.name, url));
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user, url }) => {
        await mailer.send(verifyEmailMail(user.email, user.name, url));
      },
    },
    account: { accountLinking: { enabled: true, trustedProviders: ['google'] } },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: config.AUTH_RATE_LIMIT_MAX },
        '/sign-up/email': { window: 60, max: config.AUTH_RATE_LIMIT_MAX },
        '/request-password-reset': { window: 60, max: 5 },
        '/send-verification-email': { window: 60, max: 5 },
        '/reset-password': { window: 60, max: config.AUTH_RATE_LIMIT_MAX },
      },
    },
    advanced: {
      cookiePrefix: 'piloto',
      useSecureCookies: config.isProduction,
      // The bridge below always sets this header from Fastify's request.ip (which honours TRUST_PROXY).
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    plugins: config.googleEnabled
      ? [
          genericOAuth({
            config: [
              {
                providerId: 'google',
                clientId: config.GOOGLE_CLIENT_ID!,
                clientSecret: config.GOOGLE_CLIENT_SECRET!,
                discoveryUrl: `${config.GOOGLE_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
                requireIdTokenVerification: true,
              },
            ],
          }),
        ]
      : [],
  });
}

/** In development localhost and 127.0.0.1 are the same machine; production trusts APP_URL only. */
function trustedOrigins(config: Config): string[] {
  const origin = new URL(config.appUrl).origin;
  if (config.isProduction) return [origin];
  return [origin, origin.replace('//localhost', '//127.0.0.1'), origin.replace('//127.0.0.1', '//localhost')];
}

export type Auth = ReturnType<typeof createAuth>;
export type SessionData = NonNullable<Awaited<ReturnType<Auth['api']['getSession']>>>;

export async function getSession(auth: Auth, request: FastifyRequest): Promise<SessionData | null> {
  return auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
}

/** Mounts better-auth's fetch handler under /api/auth/* on Fastify. */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth, config: Config): void {
  app.route({
    method: ['GET', 'POST'],
    url: `${AUTH_BASE_PATH}/*`,
    config: { access: 'public' },
    schema: { hide: true },
    async handler(request, reply) {
      const headers = fromNodeHeaders(request.headers);
      // Rate limits key on the client IP: never trust a client-sent header, use Fastify's view of it.
      headers.set('x-forwarded-for', request.ip);
      const hasBody = request.method !== 'GET' && request.body !== undefined;
      const response = await auth.handler(
        new Request(new URL(request.url, config.appUrl), {
          method: request.method,
          headers,
          body: hasBody
            ? typeof request.body === 'string'
              ? request.body
              : JSON.stringify(request.body)
            : undefined,
        }),
      );
      reply.status(response.status);
      for (const [key, value] of response.headers) {
        if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400)
        return reply.send(translateAuthError(response.status, text, response.headers));
      return reply.send(text || null);
    },
  });
}

/** better-auth answers `{ code, message }` in English; keep the code, speak pt-BR. */
function translateAuthError(status: number, text: string, headers: Headers): string {
  let body: { code?: string; message?: string } = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { message: text };
  }
  const code = status === 429 ? 'RATE_LIMITED' : (body.code ?? 'AUTH_ERROR');
  let message = authMessages[code] ?? body.message ?? 'Não foi possível concluir a autenticação.';
  if (status === 429) {
    const retryAfter = headers.get('x-retry-after');
    if (retryAfter) message = `Muitas tentativas. Aguarde ${retryAfter} segundos e tente de novo.`;
  }
  return JSON.stringify({ ...body, code, message, error: { code, message } });
}
