import { z } from 'zod';
import { type HttpResponse, ProviderError } from '../../../../platform/httpClient.ts';
import type {
  ConnectionState,
  InboundMediaRef,
  OutgoingMessage,
  SendResult,
  WhatsAppProvider,
} from '../../provider.ts';
import { verifySharedSecret } from '../../webhookSecret.ts';
import { parseZapiWebhook } from './parseZapiWebhook.ts';
import { zapiErrorResponseSchema, zapiSendResponseSchema, zapiStatusResponseSchema } from './schemas.ts';

const SERVICE = 'zapi';

const requiredText = (message: string) => z.string({ error: message }).trim().min(1, message);

export const zapiCredentialsSchema = z.object({
  baseUrl: z.url({ error: 'Informe uma URL válida para a API da Z-API' }).default('https://api.z-api.io'),
  instanceId: requiredText('Informe o ID da instância da Z-API'),
  token: requiredText('Informe o token da instância da Z-API'),
  /** The account's security token, sent as the Client-Token header. */
  clientToken: requiredText('Informe o token de segurança da conta Z-API (Client-Token)'),
});
export type ZapiCredentials = z.infer<typeof zapiCredentialsSchema>;

export const zapiProvider: WhatsAppProvider<ZapiCredentials> = {
  kind: 'zapi',
  credentialsSchema: zapiCredentialsSchema,

  // Z-API neither signs webhooks nor sends custom headers: the channel secret travels in the URL.
  authenticateWebhook(request, ctx) {
    verifySharedSecret(request, ctx.webhookSecret);
  },

  parseWebhook: parseZapiWebhook,

  // send-text's `delayTyping`: Z-API shows "typing…" for that many seconds, then sends.
  typing: { via: 'send' },

  async send(ctx, message) {
    const { path, body } = sendRequest(message);
    const res = await ctx.http.request(SERVICE, {
      method: 'POST',
      url: instanceUrl(ctx.credentials, path),
      headers: { 'Client-Token': ctx.credentials.clientToken },
      body,
    });
    if (res.status < 200 || res.status >= 300) throw failure(res, 'recusou o envio');
    const parsed = zapiSendResponseSchema.safeParse(safeJson(res));
    if (!parsed.success) {
      // A 2xx without messageId: the message may be queued, so retrying could send it twice.
      const error = zapiErrorResponseSchema.safeParse(safeJson(res));
      const detail = error.success ? (error.data.error ?? error.data.message) : undefined;
      throw new ProviderError(SERVICE, `Z-API recusou o envio: ${detail ?? 'resposta sem messageId'}`, {
        status: res.status,
        retryable: false,
        body: safeJson(res),
      });
    }
    return { providerMessageId: parsed.data.messageId } satisfies SendResult;
  },

  async downloadMedia(ctx, ref) {
    const url = mediaUrlOf(ref);
    // Public URL taken from the webhook payload: never attach our tokens to it.
    const res = await ctx.http.request(SERVICE, { method: 'GET', url, timeoutMs: 60_000 });
    if (res.status === 404 || res.status === 410) {
      throw new ProviderError(
        SERVICE,
        'Z-API: mídia expirada ou removida (arquivos ficam disponíveis por 30 dias)',
        { status: res.status, retryable: false },
      );
    }
    if (res.status < 200 || res.status >= 300) throw failure(res, 'não entregou a mídia');
    const mimeType = res.headers.get('content-type') ?? undefined;
    return { data: res.body, ...(mimeType ? { mimeType } : {}) };
  },

  async checkConnection(ctx) {
    const res = await ctx.http.request(SERVICE, {
      method: 'GET',
      url: instanceUrl(ctx.credentials, 'status'),
      headers: { 'Client-Token': ctx.credentials.clientToken },
    });
    if (res.status < 200 || res.status >= 300) throw failure(res, 'recusou a consulta de status');
    const parsed = zapiStatusResponseSchema.safeParse(safeJson(res));
    if (!parsed.success) {
      throw new ProviderError(SERVICE, 'Z-API: resposta inesperada de GET /status', {
        status: res.status,
        retryable: true,
        body: safeJson(res),
      });
    }
    return connectionOf(parsed.data);
  },
};

function instanceUrl(credentials: ZapiCredentials, path: string): string {
  const base = credentials.baseUrl.replace(/\/+$/, '');
  return `${base}/instances/${encodeURIComponent(credentials.instanceId)}/token/${encodeURIComponent(credentials.token)}/${path}`;
}

/** Path and JSON body per README §1.2; media go inline as data-URI base64. */
function sendRequest(message: OutgoingMessage): { path: string; body: Record<string, unknown> } {
  const quote = message.replyToProviderMessageId ? { messageId: message.replyToProviderMessageId } : {};
  if (message.kind === 'text') {
    if (!message.text) throw invalidMessage('mensagem de texto vazia');
    const typing = message.typingMs ? { delayTyping: delayTypingSeconds(message.typingMs) } : {};
    return { path: 'send-text', body: { phone: message.to, message: message.text, ...typing, ...quote } };
  }
  const media = message.media;
  if (!media) throw invalidMessage(`mensagem do tipo ${message.kind} sem mídia`);
  // Bare type in the data URI, as in Z-API's examples ("data:audio/ogg;base64,…"); parameters such as
  // "; codecs=opus" would break the `;base64,` marker for naive parsers.
  const data = `data:${media.mimeType.split(';')[0].trim()};base64,${media.data.toString('base64')}`;
  const caption = media.caption ? { caption: media.caption } : {};
  switch (message.kind) {
    case 'image':
      return { path: 'send-image', body: { phone: message.to, image: data, ...caption, ...quote } };
    case 'audio':
      // waveform:true makes WhatsApp show it as a recorded voice note.
      return {
        path: 'send-audio',
        body: { phone: message.to, audio: data, ...(media.voice ? { waveform: true } : {}), ...quote },
      };
    case 'document': {
      const { name, extension } = splitFileName(media.fileName, media.mimeType);
      // The extension is mandatory in the path; fileName is the name shown without it. `caption` is
      // only documented on the pt-BR page.
      return {
        path: `send-document/${extension}`,
        body: { phone: message.to, document: data, fileName: name, ...caption, ...quote },
      };
    }
    default:
      throw invalidMessage(`tipo de mensagem não suportado: ${message.kind}`);
  }
}

/** `delayTyping` takes whole seconds from 1 to 15 (README §1.2). */
export function delayTypingSeconds(typingMs: number): number {
  return Math.min(15, Math.max(1, Math.round(typingMs / 1000)));
}

const EXTENSION_BY_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/zip': 'zip',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

export function splitFileName(fileName: string, mimeType: string): { name: string; extension: string } {
  const match = /^(.*)\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  if (match?.[1]) return { name: match[1], extension: match[2].toLowerCase() };
  const extension = EXTENSION_BY_MIME[mimeType.split(';')[0].trim().toLowerCase()];
  if (!extension) throw invalidMessage(`não foi possível saber a extensão do documento "${fileName}"`);
  return { name: fileName.trim() || 'documento', extension };
}

function mediaUrlOf(ref: InboundMediaRef): string {
  if (ref.source !== 'url') {
    throw new ProviderError(SERVICE, `Z-API: referência de mídia não suportada (${ref.source})`, {
      retryable: false,
    });
  }
  return ref.url;
}

function connectionOf(status: z.output<typeof zapiStatusResponseSchema>): {
  state: ConnectionState;
  detail?: string;
} {
  if (status.connected) {
    return status.smartphoneConnected === false
      ? { state: 'connected', detail: 'Celular sem internet' }
      : { state: 'connected' };
  }
  const error = status.error ?? undefined;
  // "You need to restore the session.": the pairing is gone, a new QR code must be read.
  const state: ConnectionState = error && /restore|qr/i.test(error) ? 'qr_needed' : 'disconnected';
  return error ? { state, detail: error } : { state };
}

function invalidMessage(detail: string): ProviderError {
  return new ProviderError(SERVICE, `Z-API: ${detail}`, { retryable: false });
}

/**
 * Non-2xx → ProviderError. 429 and 5xx may pass; everything else (bad Client-Token, unknown
 * instance, 400s) will fail the same way again, so it is final and worded for the seller.
 */
function failure(res: HttpResponse, action: string): ProviderError {
  const body = safeJson(res);
  const retryable = res.status === 429 || res.status >= 500;
  const retryAfterMs = retryAfter(res);
  const message = retryable
    ? `Z-API indisponível (HTTP ${res.status}), tentaremos de novo`
    : `Z-API ${action}: ${explain(res.status, body)}`;
  return new ProviderError(SERVICE, message, {
    status: res.status,
    retryable,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    body,
  });
}

function explain(status: number, body: unknown): string {
  const parsed = zapiErrorResponseSchema.safeParse(body);
  const raw = parsed.success ? (parsed.data.error ?? parsed.data.message) : undefined;
  const text = raw ?? (typeof body === 'string' && body ? body.slice(0, 200) : undefined);
  // Client-Token errors may echo the token we sent; keep it out of messages and logs.
  if (text && /client-token|null not allowed/i.test(text)) {
    return 'token de segurança da conta (Client-Token) ausente ou inválido';
  }
  if (text && /not allowed/i.test(text)) return `chamada bloqueada pela Z-API (${text})`;
  if (status === 404 || (text && /instance not found/i.test(text))) {
    return `instância não encontrada, confira o ID e o token da instância${text ? ` (${text})` : ''}`;
  }
  return text ? `${text} (HTTP ${status})` : `HTTP ${status}`;
}

function retryAfter(res: HttpResponse): number | undefined {
  const value = res.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function safeJson(res: HttpResponse): unknown {
  if (res.body.length === 0) return undefined;
  try {
    return res.json();
  } catch {
    return res.text().slice(0, 500);
  }
}
