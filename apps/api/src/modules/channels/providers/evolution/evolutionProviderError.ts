import type { HttpResponse } from '../../../../platform/httpClient.ts';
import { ProviderError } from '../../../../platform/httpClient.ts';
import { errorBodySchema, numberCheckSchema } from './schemas.ts';

export const EVOLUTION_SERVICE = 'evolution';

/**
 * An Evolution error answer → ProviderError with a message a seller can read.
 * Body shape: `{"status":400,"error":"Bad Request","response":{"message":[…]}}` (README §2.1, §2.4).
 */
export function evolutionProviderError(response: HttpResponse, instanceName: string): ProviderError {
  const body = parseBody(response);
  const messages = errorMessages(body);
  const detail = messages
    .map((m) => (typeof m === 'string' ? m : JSON.stringify(m)))
    .join('; ')
    .slice(0, 300);
  const status = response.status;
  const base = { status, body };
  const connectionClosed = /connection closed/i.test(detail);

  if (status === 401 || status === 403) {
    return new ProviderError(EVOLUTION_SERVICE, 'Evolution: apikey inválida — confira a chave da instância', {
      ...base,
      code: 'unauthorized',
      retryable: false,
    });
  }
  if (status === 404) {
    return new ProviderError(
      EVOLUTION_SERVICE,
      `Evolution: a instância "${instanceName}" não existe nesse servidor (confira o nome e a URL)`,
      { ...base, code: 'instance_not_found', retryable: false },
    );
  }
  if (connectionClosed) {
    // Socket dropped between Evolution and WhatsApp (issue #1412): 500 or 400; it reconnects by itself.
    return new ProviderError(
      EVOLUTION_SERVICE,
      'Evolution: WhatsApp desconectado do servidor (Connection Closed); tentaremos de novo',
      { ...base, code: 'connection_closed', retryable: true },
    );
  }
  if (status === 400) {
    const check = messages
      .map((m) => numberCheckSchema.safeParse(m))
      .find((r) => r.success && !r.data.exists);
    if (check) {
      return new ProviderError(EVOLUTION_SERVICE, 'Evolution: esse número não tem WhatsApp', {
        ...base,
        code: 'number_not_on_whatsapp',
        retryable: false,
      });
    }
    return new ProviderError(EVOLUTION_SERVICE, `Evolution recusou o pedido: ${detail || 'Bad Request'}`, {
      ...base,
      code: 'bad_request',
      retryable: false,
    });
  }
  if (status === 408 || status === 429 || status >= 500) {
    return new ProviderError(
      EVOLUTION_SERVICE,
      `Evolution: servidor indisponível (HTTP ${status})${detail ? `: ${detail}` : ''}; tentaremos de novo`,
      { ...base, code: `http_${status}`, retryable: true },
    );
  }
  return new ProviderError(
    EVOLUTION_SERVICE,
    `Evolution: erro HTTP ${status}${detail ? `: ${detail}` : ''}`,
    {
      ...base,
      code: `http_${status}`,
      retryable: false,
    },
  );
}

function parseBody(response: HttpResponse): unknown {
  try {
    return response.json();
  } catch {
    return response.text().slice(0, 500);
  }
}

function errorMessages(body: unknown): unknown[] {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return typeof body === 'string' && body ? [body] : [];
  const message = parsed.data.response?.message;
  if (message === undefined || message === null) return parsed.data.error ? [parsed.data.error] : [];
  return Array.isArray(message) ? message : [message];
}
