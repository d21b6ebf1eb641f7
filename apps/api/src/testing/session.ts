import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { mailLog } from '../db/schema/index.ts';
import type { Platform } from '../platform/platform.ts';
import { TEST_APP_URL } from './harness.ts';

/** A browser-like client for app.inject: keeps cookies and sends our Origin on writes. */
let clientCount = 0;

export class TestClient {
  cookies = new Map<string, string>();
  private readonly app: FastifyInstance;
  /** Each client is its own device on its own address, as rate limits see it. */
  readonly ip: string;
  constructor(app: FastifyInstance, ip?: string) {
    this.app = app;
    clientCount++;
    this.ip = ip ?? `10.${(clientCount >> 16) & 255}.${(clientCount >> 8) & 255}.${clientCount & 255}`;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      payload: body as InjectOptions['payload'],
      headers: {
        origin: TEST_APP_URL,
        ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
        ...headers,
      },
    });
    this.storeCookies(response.headers['set-cookie']);
    return response;
  }

  storeCookies(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

/** The newest e-mail sent to an address, as the dev mailbox records it. */
export async function lastMailTo(platform: Platform, to: string) {
  const [mail] = await platform.db
    .select()
    .from(mailLog)
    .where(eq(mailLog.to, to))
    .orderBy(desc(mailLog.createdAt))
    .limit(1);
  return mail;
}

export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[0];
}

/** Signs up, clicks the verification link and returns a signed-in client. */
export async function signUpVerified(
  app: FastifyInstance,
  platform: Platform,
  person: { email: string; name?: string; password?: string },
): Promise<TestClient> {
  const client = new TestClient(app);
  const password = person.password ?? 'senha-segura-123';
  const res = await client.post('/api/auth/sign-up/email', {
    email: person.email,
    password,
    name: person.name ?? person.email.split('@')[0],
    callbackURL: '/onboarding',
  });
  if (res.statusCode !== 200) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const mail = await lastMailTo(platform, person.email);
  const link = new URL(linkIn(mail.text));
  const verify = await client.get(link.pathname + link.search);
  if (verify.statusCode !== 302) throw new Error(`verify failed: ${verify.statusCode} ${verify.body}`);
  return client;
}
