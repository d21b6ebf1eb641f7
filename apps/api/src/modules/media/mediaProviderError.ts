import { type HttpResponse, ProviderError } from '../../platform/httpClient.ts';
import { elevenLabsErrorSchema, geminiErrorSchema, openAIErrorSchema } from './schemas.ts';

export type MediaService = 'openai' | 'openai_compatible' | 'gemini' | 'elevenlabs';

export const mediaServiceLabels: Record<MediaService, string> = {
  openai: 'OpenAI',
  openai_compatible: 'Endpoint compatível com OpenAI',
  gemini: 'Google Gemini',
  elevenlabs: 'ElevenLabs',
};

/**
 * A non-2xx answer from an audio/voice provider → ProviderError worded for the seller (pt-BR), with the
 * provider's own code. Rate limits and server errors may pass; bad keys, exhausted credits and
 * rejected input will fail the same way again.
 */
export function mediaProviderError(service: MediaService, response: HttpResponse): ProviderError {
  const label = mediaServiceLabels[service];
  const { status } = response;
  const body = parseBody(response);
  const described = describeBody(service, body);
  const code = described.code;
  const detail = described.detail?.slice(0, 300);
  const base = { status, body, ...(code ? { code } : {}) };

  if (code === 'quota_exceeded' || code === 'insufficient_quota') {
    return new ProviderError(service, `${label}: créditos esgotados na conta — confira o plano e o saldo`, {
      ...base,
      retryable: false,
    });
  }
  // Gemini answers a bad key with 400 INVALID_ARGUMENT.
  if (status === 401 || status === 403 || (service === 'gemini' && /API key not valid/i.test(detail ?? ''))) {
    return new ProviderError(
      service,
      `${label}: chave de API inválida ou sem permissão — confira em Configurações › IA`,
      { ...base, retryable: false },
    );
  }
  if (code === 'voice_not_found' || code === 'voice_does_not_exist') {
    return new ProviderError(service, `${label}: a voz escolhida não existe mais na conta`, {
      ...base,
      retryable: false,
    });
  }
  if (status === 408 || status === 409 || status === 429 || status >= 500) {
    const retryAfterMs = retryAfter(response);
    return new ProviderError(
      service,
      `${label} indisponível (HTTP ${status})${detail ? `: ${detail}` : ''}; tentaremos de novo`,
      { ...base, retryable: true, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    );
  }
  return new ProviderError(
    service,
    `${label} recusou o pedido (HTTP ${status})${detail ? `: ${detail}` : ''}`,
    {
      ...base,
      retryable: false,
    },
  );
}

function describeBody(service: MediaService, body: unknown): { code?: string; detail?: string } {
  if (service === 'gemini') {
    const gemini = geminiErrorSchema.safeParse(body);
    if (gemini.success) return { code: gemini.data.error.status, detail: gemini.data.error.message };
  } else if (service === 'elevenlabs') {
    const eleven = elevenLabsErrorSchema.safeParse(body);
    if (eleven.success) {
      const { detail } = eleven.data;
      if (typeof detail === 'string') return { detail };
      if (Array.isArray(detail)) {
        return {
          code: 'validation_error',
          detail: detail.map((d) => `${(d.loc ?? []).join('.')}: ${d.msg ?? ''}`).join('; '),
        };
      }
      return { code: detail.status, detail: detail.message };
    }
  } else {
    const openai = openAIErrorSchema.safeParse(body);
    if (openai.success) {
      const { code, type, message } = openai.data.error;
      return {
        code: code === null || code === undefined ? (type ?? undefined) : String(code),
        detail: message,
      };
    }
  }
  return { detail: typeof body === 'string' && body ? body : undefined };
}

function parseBody(response: HttpResponse): unknown {
  try {
    return response.json();
  } catch {
    return response.text().slice(0, 300);
  }
}

function retryAfter(response: HttpResponse): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
