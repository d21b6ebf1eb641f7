import type { Job } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { MediaUnderstanding } from '../../db/schema/index.ts';
import { type HttpClient, ProviderError } from '../../platform/httpClient.ts';
import type { ChatModelFactory } from '../agents/models.ts';
import { resolveProvider } from '../agents/models.ts';
import type { AgentsService } from '../agents/service.ts';
import type { MediaService as InboundMedia } from '../conversations/media.ts';
import { extractDocument } from '../knowledge/extract/extractDocument.ts';
import { KnowledgeFileError } from '../knowledge/extract/knowledgeFileError.ts';
import { describeImage } from './describeImage.ts';
import type { ImageOcr } from './imageOcr.ts';
import { MediaError } from './mediaError.ts';
import { type TranscriptionEngine, transcribeAudio } from './transcribeAudio.ts';

export const MEDIA_UNDERSTAND_QUEUE = 'media.understand';
/** What of a lead's document goes into the agent's context. */
export const MAX_DOCUMENT_CHARS = 8000;

const DOCUMENT_PROBLEMS: Record<string, string> = {
  encrypted:
    'Desculpe, seu documento está protegido por senha e não consegui abrir. Pode enviar sem a senha ou me contar por mensagem?',
  empty:
    'Não consegui ler o texto desse documento (parece ser uma imagem digitalizada). Pode mandar uma foto nítida ou me contar por mensagem?',
  too_big:
    'Desculpe, esse documento é grande demais para eu abrir por aqui. Pode mandar só a parte importante?',
  unsupported:
    'Desculpe, não consigo abrir esse tipo de arquivo por aqui. Pode mandar em PDF, como foto ou por mensagem de texto?',
  corrupt: 'Desculpe, não consegui abrir seu documento: parece que chegou com defeito. Pode enviar de novo?',
};

/**
 * The `media.understand` job: a lead's voice note is transcribed, a photo described (vision model) or
 * read (Portuguese OCR when there is none), a document's text extracted — before the agent answers.
 * Bad media get a polite, lead-facing message; a failing provider is retried, then left to a human.
 * Either way the agent is woken up, so the conversation goes on.
 */
export function createMessageUnderstanding(deps: {
  media: InboundMedia;
  agents: AgentsService;
  modelFactory: ChatModelFactory;
  ocr: ImageOcr;
  http: HttpClient;
  config: Config;
  ffmpegPath: string;
  logger: Logger;
  retryLimit: number;
  /** The message is understood (or failed for good): the agent may run. */
  afterUnderstood: (orgId: string, conversationId: string) => Promise<void>;
}) {
  const { media, agents, logger } = deps;
  const done = (
    source: MediaUnderstanding['source'],
    text: string,
    model: string | null,
  ): MediaUnderstanding => ({
    status: 'done',
    source,
    text,
    error: null,
    code: null,
    model,
  });
  const failed = (code: string, error: string): MediaUnderstanding => ({
    status: 'failed',
    source: null,
    text: null,
    error,
    code,
    model: null,
  });

  async function understandAudio(orgId: string, data: Buffer, mimeType: string | null) {
    const { keys, models } = await agents.aiOf(orgId);
    // No transcription model chosen: OpenAI's, when the company (or the server) has an OpenAI key.
    const engine: TranscriptionEngine | null =
      models.transcription ??
      (resolveProvider('openai', keys, deps.config).apiKey ? { provider: 'openai' } : null);
    if (!engine)
      return failed(
        'not_configured',
        'Áudio não transcrito: configure um modelo de transcrição em Configurações › IA.',
      );
    const result = await transcribeAudio(deps, { audio: data, mimeType, engine, keys });
    if (result.silent || !result.text.trim()) throw new MediaError('silent', { kind: 'audio' });
    return done('transcription', result.text.trim(), `${result.provider}:${result.model}`);
  }

  async function understandImage(
    orgId: string,
    data: Buffer,
    mimeType: string | null,
    caption: string | null,
  ) {
    const { keys, models } = await agents.aiOf(orgId);
    if (models.vision) {
      const model = deps.modelFactory(models.vision, keys);
      const seen = await describeImage(model, { bytes: data, mimeType, caption });
      const text = seen.visibleText
        ? `${seen.description}\nTexto na imagem: ${seen.visibleText}`
        : seen.description;
      return done('vision', text, `${models.vision.provider}:${models.vision.name}`);
    }
    const read = await deps.ocr.read(data);
    return done(
      'ocr',
      read.text.trim() || '(imagem sem texto legível; nenhum modelo de visão configurado para descrevê-la)',
      'tesseract:por',
    );
  }

  async function understandDocument(data: Buffer, fileName: string | null, mimeType: string | null) {
    try {
      const doc = await extractDocument({
        bytes: data,
        fileName: fileName ?? 'documento',
        mimeType: mimeType ?? undefined,
      });
      const text = doc.sections
        .map((s) => (s.heading ? `${s.heading}\n${s.text}` : s.text))
        .join('\n\n')
        .trim();
      const cut = text.length > MAX_DOCUMENT_CHARS;
      return done(
        'document',
        cut ? `${text.slice(0, MAX_DOCUMENT_CHARS)}\n[… documento cortado: só o início foi lido]` : text,
        doc.format,
      );
    } catch (error) {
      if (error instanceof KnowledgeFileError)
        return failed(error.code, DOCUMENT_PROBLEMS[error.code] ?? DOCUMENT_PROBLEMS.unsupported);
      throw error;
    }
  }

  return async function understandMessage(data: { messageId: string }, job: Pick<Job, 'retryCount'>) {
    const m = await media.loadForUnderstanding(data.messageId);
    if (m?.understanding?.status !== 'pending') return;
    let result: MediaUnderstanding;
    try {
      if (!m.data) {
        result = failed(
          'download_failed',
          'Desculpe, não consegui abrir o arquivo que você enviou. Pode mandar de novo?',
        );
      } else if (m.kind === 'audio') {
        result = await understandAudio(m.orgId, m.data, m.media?.mimeType ?? null);
      } else if (m.kind === 'image') {
        result = await understandImage(m.orgId, m.data, m.media?.mimeType ?? null, m.caption);
      } else {
        result = await understandDocument(m.data, m.media?.fileName ?? null, m.media?.mimeType ?? null);
      }
    } catch (error) {
      if (error instanceof MediaError) {
        result = failed(error.code, error.message);
      } else {
        const retryable = !(error instanceof ProviderError) || error.retryable;
        if (retryable && job.retryCount < deps.retryLimit) throw error;
        logger.warn({ err: error, messageId: data.messageId }, 'media could not be understood');
        result = failed(
          'provider_failed',
          `Não foi possível ${m.kind === 'audio' ? 'transcrever o áudio' : m.kind === 'image' ? 'ler a imagem' : 'ler o documento'}: ${(error as Error).message}`,
        );
      }
    }
    await media.setUnderstanding(data.messageId, result);
    await deps.afterUnderstood(m.orgId, m.conversationId);
  };
}
