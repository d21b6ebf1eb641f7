import type { Logger } from 'pino';

/**
 * The one HTTP client for external services (WhatsApp providers, LLMs, CRMs, Stripe...):
 * a timeout on every call, a log line per call (without secrets), and errors that say whether
 * trying again could help.
 */
export class ProviderError extends Error {
  readonly service: string;
  readonly status?: number;
  /** Provider's own error code, e.g. Cloud API "131047". */
  readonly code?: string;
  readonly retryable: boolean;
  /** When the provider said how long to wait. */
  readonly retryAfterMs?: number;
  readonly body?: unknown;

  constructor(
    service: string,
    message: string,
    opts: { status?: number; code?: string; retryable: boolean; retryAfterMs?: number; body?: unknown },
  ) {
    super(message);
    this.name = 'ProviderError';
    this.service = service;
    this.status = opts.status;
    this.code = opts.code;
    this.retryable = opts.retryable;
    this.retryAfterMs = opts.retryAfterMs;
    this.body = opts.body;
  }
}

export type HttpRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Serialized as JSON unless it is a string, Buffer or FormData. */
  body?: unknown;
  timeoutMs?: number;
  /** 'manual' hands 3xx responses back (to check where a user-given URL leads before following it). */
  redirect?: 'follow' | 'manual';
};

export type HttpResponse = {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T = unknown>(): T;
  text(): string;
};

export type HttpClient = {
  /** Any HTTP status comes back as a response; network failures and timeouts throw a retryable ProviderError. */
  request(service: string, req: HttpRequest): Promise<HttpResponse>;
};

export function createHttpClient(logger: Logger, defaults: { timeoutMs?: number } = {}): HttpClient {
  return {
    async request(service, req) {
      const started = performance.now();
      const headers: Record<string, string> = { ...req.headers };
      let body: RequestInit['body'];
      if (req.body === undefined) body = undefined;
      else if (typeof req.body === 'string' || req.body instanceof FormData) body = req.body;
      else if (Buffer.isBuffer(req.body)) body = new Uint8Array(req.body);
      else {
        body = JSON.stringify(req.body);
        headers['content-type'] ??= 'application/json';
      }
      const safeUrl = redactUrlSecrets(req.url);
      try {
        const res = await fetch(req.url, {
          method: req.method ?? (body === undefined ? 'GET' : 'POST'),
          headers,
          body,
          redirect: req.redirect ?? 'follow',
          signal: AbortSignal.timeout(req.timeoutMs ?? defaults.timeoutMs ?? 15_000),
        });
        const buffer = Buffer.from(await res.arrayBuffer());
        logger.debug(
          {
            service,
            method: req.method,
            url: safeUrl,
            status: res.status,
            ms: Math.round(performance.now() - started),
          },
          'external call',
        );
        return {
          status: res.status,
          headers: res.headers,
          body: buffer,
          text: () => buffer.toString('utf8'),
          json: <T>() => JSON.parse(buffer.toString('utf8')) as T,
        };
      } catch (error) {
        logger.warn({ service, url: safeUrl, err: (error as Error).message }, 'external call failed');
        throw new ProviderError(service, describeNetworkFailure(service, error as Error), {
          retryable: true,
        });
      }
    },
  };
}

/** Z-API puts its token in the path; keep tokens out of logs. */
export function redactUrlSecrets(url: string): string {
  return url
    .replace(/(\/token\/)[^/]+/, '$1[redacted]')
    .replace(/([?&](access_token|token|apikey)=)[^&]+/gi, '$1[redacted]');
}

const serviceNames: Record<string, string> = {
  zapi: 'a Z-API',
  evolution: 'o servidor Evolution API',
  whatsapp_cloud: 'a WhatsApp Cloud API',
  media: 'o servidor da mídia',
};

/** A sentence a seller can read, in pt-BR, about why the call did not go through. */
export function describeNetworkFailure(service: string, error: Error): string {
  const who = serviceNames[service] ?? service;
  if (error.name === 'TimeoutError') return `Sem resposta de ${who} (tempo esgotado)`;
  const code = (error.cause as { code?: string } | undefined)?.code ?? '';
  const why =
    code === 'ECONNREFUSED'
      ? 'conexão recusada'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'endereço não encontrado'
        : code === 'ECONNRESET'
          ? 'conexão interrompida'
          : code.startsWith('CERT') || code.includes('TLS') || code.includes('SSL')
            ? 'certificado HTTPS inválido'
            : 'falha de rede';
  return `Não foi possível falar com ${who}: ${why}`;
}
