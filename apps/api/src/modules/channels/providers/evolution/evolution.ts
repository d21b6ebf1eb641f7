import { z } from 'zod';
import { type HttpResponse, ProviderError } from '../../../../platform/httpClient.ts';
import type {
  ConnectionState,
  InboundMediaRef,
  OutgoingMessage,
  ProviderContext,
  WhatsAppProvider,
} from '../../provider.ts';
import { verifySharedSecret } from '../../webhookSecret.ts';
import { toEvolutionNumber } from './evolutionPeer.ts';
import { EVOLUTION_SERVICE, evolutionProviderError } from './evolutionProviderError.ts';
import { parseEvolutionWebhook } from './parseEvolutionWebhook.ts';
import { connectionStateResponseSchema, mediaBase64ResponseSchema, sendResponseSchema } from './schemas.ts';

const evolutionCredentialsSchema = z.object({
  baseUrl: z.url({
    protocol: /^https?$/,
    error: 'Informe a URL do seu servidor Evolution (ex.: https://evo.suaempresa.com.br)',
  }),
  instanceName: z
    .string({ error: 'Informe o nome da instância' })
    .trim()
    .min(1, 'Informe o nome da instância')
    .max(100, 'Nome da instância longo demais'),
  apiKey: z
    .string({ error: 'Informe a apikey da instância (ou a chave global)' })
    .trim()
    .min(1, 'Informe a apikey da instância (ou a chave global)'),
});

export type EvolutionCredentials = z.infer<typeof evolutionCredentialsSchema>;

type Ctx = ProviderContext<EvolutionCredentials>;

/** Sends block while Evolution transcodes audio (ffmpeg) and re-encodes images (sharp). */
const MEDIA_TIMEOUT_MS = 60_000;
/** The HTTP client's default, to which a typing delay is added. */
const TEXT_TIMEOUT_MS = 15_000;
/** Longer presences are split into 20 s rounds by Evolution; a reply bubble never needs that much. */
const MAX_TYPING_MS = 15_000;

export const evolutionProvider: WhatsAppProvider<EvolutionCredentials> = {
  kind: 'evolution',
  credentialsSchema: evolutionCredentialsSchema,

  authenticateWebhook(request, ctx) {
    // Evolution signs nothing: the channel secret comes as ?token= in the webhook URL or in the
    // X-Webhook-Secret header set in the webhook's `headers`.
    verifySharedSecret(request, ctx.webhookSecret);
  },

  parseWebhook: parseEvolutionWebhook,

  // sendText's `delay`: Evolution sets presence "composing", waits, then sends.
  typing: { via: 'send' },

  async send(ctx, message) {
    const { route, body } = buildSendRequest(message);
    // Evolution answers only once the typing delay has passed.
    const typingMs = typeof body.delay === 'number' ? body.delay : 0;
    const timeoutMs = message.media ? MEDIA_TIMEOUT_MS : typingMs ? TEXT_TIMEOUT_MS + typingMs : undefined;
    const response = await call(ctx, 'POST', `/message/${route}`, body, timeoutMs);
    const parsed = sendResponseSchema.safeParse(json(response));
    if (!parsed.success) {
      // The message may well have gone out: retrying could send it twice.
      throw new ProviderError(EVOLUTION_SERVICE, 'Evolution: resposta de envio sem key.id', {
        status: response.status,
        code: 'unexpected_response',
        retryable: false,
      });
    }
    return { providerMessageId: parsed.data.key.id };
  },

  async downloadMedia(ctx, ref) {
    return downloadEvolutionMedia(ctx, ref);
  },

  async checkConnection(ctx) {
    const response = await call(ctx, 'GET', '/instance/connectionState', undefined);
    const parsed = connectionStateResponseSchema.safeParse(json(response));
    if (!parsed.success) {
      throw new ProviderError(EVOLUTION_SERVICE, 'Evolution: resposta inesperada ao consultar a conexão', {
        status: response.status,
        code: 'unexpected_response',
        retryable: true,
      });
    }
    const result: Record<string, { state: ConnectionState; detail?: string }> = {
      open: { state: 'connected' },
      close: { state: 'disconnected', detail: 'Instância desconectada do WhatsApp' },
      // Polled, `connecting` is what an instance waiting for its QR code to be read reports
      // (Evolution stores connectionStatus "connecting" when it emits a QR); a socket reconnect
      // lasts a few seconds, so a poll rarely lands on one.
      connecting: { state: 'qr_needed', detail: 'Aguardando a leitura do QR code' },
      refused: { state: 'disconnected', detail: 'Limite de QR codes atingido: peça um novo QR code' },
    };
    return result[parsed.data.instance.state];
  },
};

function buildSendRequest(message: OutgoingMessage): { route: string; body: Record<string, unknown> } {
  const number = toEvolutionNumber(message.to);
  // Evolution looks the quoted message up in its own database by key.id.
  const quoted = message.replyToProviderMessageId
    ? { quoted: { key: { id: message.replyToProviderMessageId } } }
    : {};

  if (message.kind === 'text') {
    if (!message.text) throw invalidMessage('mensagem de texto vazia');
    const typing = message.typingMs
      ? { delay: Math.min(MAX_TYPING_MS, Math.max(0, Math.round(message.typingMs))) }
      : {};
    return { route: 'sendText', body: { number, text: message.text, ...typing, ...quoted } };
  }
  const media = message.media;
  if (!media) throw invalidMessage(`mensagem de ${message.kind} sem arquivo`);
  // Raw base64: Evolution does Buffer.from(media, 'base64'); a data: prefix would corrupt the file.
  const base64 = media.data.toString('base64');

  if (message.kind === 'audio' && media.voice !== false) {
    // Always delivered as a PTT voice note; encoding:true lets Evolution transcode to OGG/Opus.
    return { route: 'sendWhatsAppAudio', body: { number, audio: base64, encoding: true, ...quoted } };
  }
  const caption = media.caption ?? message.text;
  return {
    route: 'sendMedia',
    body: {
      number,
      mediatype: message.kind,
      mimetype: media.mimeType,
      fileName: media.fileName,
      ...(caption ? { caption } : {}),
      media: base64,
      ...quoted,
    },
  };
}

async function downloadEvolutionMedia(
  ctx: Ctx,
  ref: InboundMediaRef,
): Promise<{ data: Buffer; mimeType?: string }> {
  switch (ref.source) {
    case 'base64':
      return { data: Buffer.from(ref.base64, 'base64') };
    case 'url': {
      // An S3/MinIO object URL (often presigned): no apikey, it is not Evolution's host.
      const response = await ctx.http.request(EVOLUTION_SERVICE, {
        method: 'GET',
        url: ref.url,
        timeoutMs: MEDIA_TIMEOUT_MS,
      });
      if (response.status < 200 || response.status >= 300) {
        throw new ProviderError(
          EVOLUTION_SERVICE,
          `Evolution: não foi possível baixar a mídia (HTTP ${response.status})`,
          {
            status: response.status,
            code: `http_${response.status}`,
            retryable: response.status === 429 || response.status >= 500,
          },
        );
      }
      const contentType = response.headers.get('content-type')?.split(';')[0].trim();
      return { data: response.body, ...(contentType ? { mimeType: contentType } : {}) };
    }
    case 'evolution_message': {
      const response = await call(
        ctx,
        'POST',
        '/chat/getBase64FromMediaMessage',
        { message: { key: { id: ref.messageKeyId } }, convertToMp4: false },
        MEDIA_TIMEOUT_MS,
      );
      const parsed = mediaBase64ResponseSchema.safeParse(json(response));
      if (!parsed.success) {
        throw new ProviderError(EVOLUTION_SERVICE, 'Evolution: resposta sem o arquivo da mídia', {
          status: response.status,
          code: 'unexpected_response',
          retryable: false,
        });
      }
      return {
        data: Buffer.from(parsed.data.base64, 'base64'),
        ...(parsed.data.mimetype ? { mimeType: parsed.data.mimetype } : {}),
      };
    }
    default:
      throw new ProviderError(EVOLUTION_SERVICE, `Evolution: mídia do tipo ${ref.source} não se aplica`, {
        code: 'unsupported_media_ref',
        retryable: false,
      });
  }
}

/** Every Evolution route is `/{group}/{action}/{instanceName}` with the `apikey` header. */
async function call(
  ctx: Ctx,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  timeoutMs?: number,
): Promise<HttpResponse> {
  const { baseUrl, instanceName, apiKey } = ctx.credentials;
  const url = `${baseUrl.replace(/\/+$/, '')}${path}/${encodeURIComponent(instanceName)}`;
  const response = await ctx.http.request(EVOLUTION_SERVICE, {
    method,
    url,
    headers: { apikey: apiKey },
    body,
    timeoutMs,
  });
  if (response.status < 200 || response.status >= 300) throw evolutionProviderError(response, instanceName);
  return response;
}

function json(response: HttpResponse): unknown {
  try {
    return response.json();
  } catch {
    return undefined;
  }
}

function invalidMessage(reason: string): ProviderError {
  return new ProviderError(EVOLUTION_SERVICE, `Evolution: ${reason}`, {
    code: 'invalid_message',
    retryable: false,
  });
}
