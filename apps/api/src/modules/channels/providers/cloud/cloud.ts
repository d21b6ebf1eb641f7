import { z } from 'zod';
import { AppError } from '../../../../platform/errors.ts';
import { ProviderError } from '../../../../platform/httpClient.ts';
import type {
  InboundMediaRef,
  OutgoingMessage,
  ProviderContext,
  WebhookRequest,
  WhatsAppProvider,
} from '../../provider.ts';
import { safeEqual } from '../../webhookSecret.ts';
import { CLOUD_SERVICE, cloudProviderError } from './cloudProviderError.ts';
import { parseCloudWebhook } from './parseCloudWebhook.ts';
import {
  cloudMediaInfoSchema,
  cloudMediaUploadResponseSchema,
  cloudPhoneNumberSchema,
  cloudSendResponseSchema,
} from './schemas.ts';
import { verifyCloudSignature } from './verifyCloudSignature.ts';

/** Current Graph API version (v26.0, introduced 2026-07-29 per Meta's changelog). */
export const CLOUD_DEFAULT_API_VERSION = 'v26.0';
export const CLOUD_SIGNATURE_HEADER = 'x-hub-signature-256';

/** `what` carries its article: "o ID do número", "a chave secreta do app". */
const graphId = (what: string) =>
  z
    .string({ error: `Informe ${what}` })
    .trim()
    .regex(/^\d+$/, `Informe ${what} (apenas dígitos)`);
const secret = (what: string) =>
  z
    .string({ error: `Informe ${what}` })
    .trim()
    .min(1, `Informe ${what}`);

export const cloudCredentialsSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'Informe uma URL válida, como https://graph.facebook.com' })
    .default('https://graph.facebook.com'),
  apiVersion: z
    .string()
    .trim()
    .regex(/^v\d+\.\d+$/, 'Versão da API inválida; use o formato v26.0')
    .default(CLOUD_DEFAULT_API_VERSION),
  phoneNumberId: graphId('o ID do número de telefone'),
  wabaId: graphId('o ID da conta do WhatsApp Business (WABA)'),
  accessToken: secret('o token de acesso'),
  appSecret: secret('a chave secreta do app (App Secret)'),
  verifyToken: secret('o token de verificação do webhook'),
});

export type CloudCredentials = z.output<typeof cloudCredentialsSchema>;

type Ctx = ProviderContext<CloudCredentials>;

/** Meta WhatsApp Cloud API (official). README §3. */
export const cloudProvider: WhatsAppProvider<CloudCredentials> = {
  kind: 'cloud',
  credentialsSchema: cloudCredentialsSchema,

  verifySubscription(query, credentials) {
    const challenge = query['hub.challenge'];
    const token = query['hub.verify_token'];
    if (
      query['hub.mode'] === 'subscribe' &&
      token !== undefined &&
      challenge !== undefined &&
      safeEqual(token, credentials.verifyToken)
    ) {
      return { status: 200, body: challenge };
    }
    return { status: 403, body: 'Token de verificação do webhook inválido' };
  },

  authenticateWebhook(request, { credentials }) {
    const signature = headerValue(request, CLOUD_SIGNATURE_HEADER);
    if (!verifyCloudSignature({ appSecret: credentials.appSecret, rawBody: request.rawBody, signature })) {
      throw new AppError(401, 'WEBHOOK_UNAUTHENTICATED', 'Assinatura do webhook da Meta inválida');
    }
  },

  parseWebhook: parseCloudWebhook,

  async send(ctx, message) {
    const content = await messageContent(ctx, message);
    const res = await ctx.http.request(CLOUD_SERVICE, {
      method: 'POST',
      url: graphUrl(ctx.credentials, `${ctx.credentials.phoneNumberId}/messages`),
      headers: authHeader(ctx.credentials),
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        ...recipientOf(message.to),
        ...content,
        ...(message.replyToProviderMessageId
          ? { context: { message_id: message.replyToProviderMessageId } }
          : {}),
      },
    });
    if (res.status !== 200) throw cloudProviderError(res.status, res.body);
    const parsed = cloudSendResponseSchema.safeParse(safeJson(res.body));
    if (!parsed.success) {
      // It may have been sent: never retry into a duplicate.
      throw new ProviderError(CLOUD_SERVICE, 'Cloud API aceitou o envio mas não devolveu o ID da mensagem', {
        status: res.status,
        retryable: false,
        body: res.text().slice(0, 500),
      });
    }
    return { providerMessageId: parsed.data.messages[0].id };
  },

  typing: {
    via: 'call',
    /**
     * Marks the lead's latest message read and shows "typing…" until we send or for 25 s
     * (README §3.1, Meta "Typing indicators"). It hangs on an inbound wamid: without one, nothing to do.
     */
    async show(ctx, hint) {
      if (!hint.lastInboundProviderMessageId) return;
      const res = await ctx.http.request(CLOUD_SERVICE, {
        method: 'POST',
        url: graphUrl(ctx.credentials, `${ctx.credentials.phoneNumberId}/messages`),
        headers: authHeader(ctx.credentials),
        body: {
          messaging_product: 'whatsapp',
          status: 'read',
          message_id: hint.lastInboundProviderMessageId,
          typing_indicator: { type: 'text' },
        },
        // A hint: never worth holding the send for long.
        timeoutMs: 5_000,
      });
      if (res.status !== 200) throw cloudProviderError(res.status, res.body);
    },
  },

  async downloadMedia(ctx, ref) {
    const mediaId = cloudMediaId(ref);
    const info = await ctx.http.request(CLOUD_SERVICE, {
      method: 'GET',
      url: graphUrl(ctx.credentials, encodeURIComponent(mediaId)),
      headers: authHeader(ctx.credentials),
    });
    if (info.status !== 200) throw mediaError(info.status, info.body);
    const parsed = cloudMediaInfoSchema.safeParse(safeJson(info.body));
    if (!parsed.success) {
      throw new ProviderError(CLOUD_SERVICE, 'Cloud API não informou o endereço da mídia', {
        status: info.status,
        retryable: false,
      });
    }
    // The lookaside URL needs the same Bearer token and lives 5 minutes.
    const file = await ctx.http.request(CLOUD_SERVICE, {
      method: 'GET',
      url: parsed.data.url,
      headers: authHeader(ctx.credentials),
      timeoutMs: 60_000,
    });
    if (file.status !== 200) throw mediaError(file.status, file.body);
    const mimeType = parsed.data.mime_type ?? file.headers.get('content-type') ?? undefined;
    return { data: file.body, ...(mimeType ? { mimeType } : {}) };
  },

  async checkConnection(ctx) {
    const url = new URL(graphUrl(ctx.credentials, ctx.credentials.phoneNumberId));
    url.searchParams.set('fields', 'display_phone_number,verified_name,quality_rating,status');
    const res = await ctx.http.request(CLOUD_SERVICE, {
      method: 'GET',
      url: url.toString(),
      headers: authHeader(ctx.credentials),
    });
    if (res.status === 200) {
      const phone = cloudPhoneNumberSchema.safeParse(safeJson(res.body));
      const detail = phone.success ? phoneNumberWarning(phone.data) : undefined;
      return { state: 'connected', ...(detail ? { detail } : {}) };
    }
    const error = cloudProviderError(res.status, res.body);
    if (error.retryable) throw error;
    return { state: 'disconnected', detail: connectionDetail(res.status, error) };
  },
};

/** Phone numbers go in `to`; a BSUID ("BR.1502576394655843") in `recipient` (whatsapp-api-js, kapso docs; Meta's page not seen). */
function recipientOf(to: string): { to: string } | { recipient: string } {
  return /^[A-Z]{2}\.[A-Za-z0-9]+$/.test(to) ? { recipient: to } : { to };
}

async function messageContent(ctx: Ctx, message: OutgoingMessage): Promise<Record<string, unknown>> {
  if (message.kind === 'text') {
    if (!message.text) throw invalidMessage('mensagem de texto vazia');
    return { type: 'text', text: { body: message.text, preview_url: false } };
  }
  const media = message.media;
  if (!media) throw invalidMessage(`mensagem do tipo ${message.kind} sem arquivo`);
  const id = await uploadMedia(ctx, media);
  switch (message.kind) {
    case 'image':
      return { type: 'image', image: { id, ...(media.caption ? { caption: media.caption } : {}) } };
    case 'document':
      return {
        type: 'document',
        document: { id, filename: media.fileName, ...(media.caption ? { caption: media.caption } : {}) },
      };
    case 'audio':
      // Audio takes no caption. `voice: true` (OGG/Opus) marks a voice note: shown in whatsapp-api-js
      // and kapso docs, not in the Meta excerpt we have — unconfirmed.
      return { type: 'audio', audio: { id, ...(media.voice ? { voice: true } : {}) } };
  }
}

/** POST /{phone-number-id}/media (multipart: file, type, messaging_product) → media id. */
async function uploadMedia(ctx: Ctx, media: NonNullable<OutgoingMessage['media']>): Promise<string> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', media.mimeType);
  form.set('file', new Blob([new Uint8Array(media.data)], { type: media.mimeType }), media.fileName);
  const res = await ctx.http.request(CLOUD_SERVICE, {
    method: 'POST',
    url: graphUrl(ctx.credentials, `${ctx.credentials.phoneNumberId}/media`),
    headers: authHeader(ctx.credentials),
    body: form,
    timeoutMs: 60_000,
  });
  if (res.status !== 200) throw cloudProviderError(res.status, res.body);
  const parsed = cloudMediaUploadResponseSchema.safeParse(safeJson(res.body));
  if (!parsed.success) {
    throw new ProviderError(CLOUD_SERVICE, 'Cloud API não devolveu o ID da mídia enviada', {
      status: res.status,
      retryable: true,
    });
  }
  return parsed.data.id;
}

function cloudMediaId(ref: InboundMediaRef): string {
  if (ref.source !== 'cloud_media_id') {
    throw new ProviderError(CLOUD_SERVICE, `Mídia de origem ${ref.source} não vem da Cloud API`, {
      retryable: false,
    });
  }
  return ref.mediaId;
}

/** Media ids expire after 7 days and URLs after 5 minutes; Meta answers 400 (code 100) or 404. */
function mediaError(status: number, body: Buffer): ProviderError {
  const error = cloudProviderError(status, body);
  if (error.retryable || error.code === '190') return error;
  return new ProviderError(CLOUD_SERVICE, 'Mídia expirada ou não encontrada na Cloud API', {
    status,
    code: error.code,
    retryable: false,
    body: error.body,
  });
}

function phoneNumberWarning(phone: z.output<typeof cloudPhoneNumberSchema>): string | undefined {
  const warnings: string[] = [];
  if (phone.status && phone.status !== 'CONNECTED') warnings.push(`status do número: ${phone.status}`);
  if (phone.quality_rating === 'RED' || phone.quality_rating === 'YELLOW') {
    warnings.push(`qualidade ${phone.quality_rating === 'RED' ? 'baixa' : 'média'} na Meta`);
  }
  return warnings.length ? warnings.join('; ') : undefined;
}

function connectionDetail(status: number, error: ProviderError): string {
  if (error.code === '190')
    return 'Token de acesso expirado ou inválido: gere um novo token e atualize o canal';
  if (error.code === '100' || status === 404) {
    return 'ID do número de telefone não encontrado ou sem permissão para este token';
  }
  // 10 / 200: permission errors (Graph API convention; not in the README table).
  if (error.code === '10' || error.code === '200') {
    return 'O token não tem permissão para este número (whatsapp_business_messaging)';
  }
  return error.message;
}

function invalidMessage(reason: string): ProviderError {
  return new ProviderError(CLOUD_SERVICE, `Mensagem inválida para a Cloud API: ${reason}`, {
    retryable: false,
  });
}

function graphUrl(credentials: CloudCredentials, path: string): string {
  return `${credentials.baseUrl.replace(/\/+$/, '')}/${credentials.apiVersion}/${path}`;
}

function authHeader(credentials: CloudCredentials): Record<string, string> {
  return { authorization: `Bearer ${credentials.accessToken}` };
}

function headerValue(request: WebhookRequest, name: string): string | undefined {
  for (const [key, value] of Object.entries(request.headers)) {
    if (key.toLowerCase() === name) return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
