import type { Config } from '../../config.ts';
import { type HttpClient, ProviderError } from '../../platform/httpClient.ts';
import { toVoiceNote } from '../../platform/voiceNote.ts';
import { type AiKeys, providerLabels, resolveProvider } from '../agents/models.ts';
import { type CheckedAudio, checkMedia } from './checkMedia.ts';
import { MediaError } from './mediaError.ts';
import { parseMediaProviderResponse } from './parseMediaProviderResponse.ts';
import { geminiResponseSchema, openAITranscriptionSchema } from './schemas.ts';

/**
 * Who transcribes: OpenAI or any server speaking its Audio API (Groq, LocalAI, vLLM…), or Gemini. Same
 * shape as the company's `models.transcription` (AiTaskModels), which can be passed as is.
 */
export type TranscriptionEngine = {
  provider: 'openai' | 'openai_compatible' | 'gemini';
  /** The model; default per provider: DEFAULT_TRANSCRIPTION_MODELS. */
  name?: string;
};

export const DEFAULT_TRANSCRIPTION_MODELS: Record<TranscriptionEngine['provider'], string> = {
  openai: 'gpt-4o-transcribe',
  openai_compatible: 'whisper-1',
  gemini: 'gemini-2.5-flash',
};

export type TranscribeAudioInput = {
  audio: Buffer;
  /** As the WhatsApp provider declared it (the bytes' signature wins). */
  mimeType?: string | null;
  engine: TranscriptionEngine;
  /** The company's keys; each falls back to the server's (resolveProvider). */
  keys: AiKeys;
  /** ISO-639-1; default "pt". */
  language?: string;
  /** Words the model should expect (product and brand names). */
  prompt?: string;
  /** Longer audio fails with MediaError `too_long`; default 10 minutes. */
  maxSeconds?: number;
  maxBytes?: number;
  timeoutMs?: number;
};

export type Transcription = {
  /** Empty when nothing was said. */
  text: string;
  /** Nothing audible, or the model heard no speech: there is nothing to answer. */
  silent: boolean;
  seconds: number;
  provider: TranscriptionEngine['provider'];
  model: string;
};

export type TranscribeAudioDeps = { http: HttpClient; config: Config; ffmpegPath: string };

/** What OpenAI's endpoint takes, judged by the file name's extension. */
const OPENAI_EXTENSIONS = new Set(['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']);
/** What Gemini takes inline. */
const GEMINI_MIME_TYPES: Record<string, string> = {
  'audio/ogg': 'audio/ogg',
  'audio/mpeg': 'audio/mp3',
  'audio/wav': 'audio/wav',
  'audio/aac': 'audio/aac',
  'audio/flac': 'audio/flac',
};
/** Gemini's inline request limit is 20 MB after base64 (×4/3); larger audio is re-encoded first. */
const GEMINI_INLINE_MAX_BYTES = 14 * 1024 * 1024;

/**
 * A lead's voice note or audio file → text. Checked first (type, size, length, silence: silent audio
 * returns `{ text: '', silent: true }` without a paid call), converted to OGG/Opus when the provider
 * does not take the format (AMR, ADTS AAC…). Provider failures → ProviderError; bad audio → MediaError.
 */
export async function transcribeAudio(
  deps: TranscribeAudioDeps,
  input: TranscribeAudioInput,
): Promise<Transcription> {
  const { http, config, ffmpegPath } = deps;
  const { provider } = input.engine;
  const model = input.engine.name ?? DEFAULT_TRANSCRIPTION_MODELS[provider];
  const checked = await checkMedia(
    { bytes: input.audio, mimeType: input.mimeType },
    { ffmpegPath, maxAudioBytes: input.maxBytes, maxAudioSeconds: input.maxSeconds, allowSilent: true },
  );
  if (checked.kind !== 'audio') throw new MediaError('unsupported', { kind: 'audio' });
  const result = (text: string): Transcription => ({
    text,
    silent: text === '',
    seconds: checked.seconds,
    provider,
    model,
  });
  if (checked.silent) return result('');

  const { apiKey, baseUrl } = resolveProvider(provider, input.keys, config);
  if (!apiKey || (provider === 'openai_compatible' && !baseUrl)) {
    throw new ProviderError(
      provider,
      `Configure a chave de ${providerLabels[provider]} em Configurações › IA para transcrever áudios`,
      { code: 'not_configured', retryable: false },
    );
  }
  const request = {
    http,
    apiKey,
    baseUrl,
    model,
    language: input.language ?? 'pt',
    prompt: input.prompt,
    timeoutMs: input.timeoutMs ?? Math.max(config.AI_TIMEOUT_MS, 120_000), // long audio outlasts a chat turn
  };
  const text =
    provider === 'gemini'
      ? await transcribeWithGemini(request, await geminiAudio(checked, input.audio, ffmpegPath))
      : await transcribeWithOpenAI(request, provider, await openAIAudio(checked, input.audio, ffmpegPath));
  return result(cleanTranscript(text));
}

type ProviderRequest = {
  http: HttpClient;
  apiKey: string;
  baseUrl: string | null;
  model: string;
  language: string;
  prompt?: string;
  timeoutMs: number;
};

type Upload = { bytes: Buffer; mimeType: string; extension: string };

async function openAIAudio(checked: CheckedAudio, bytes: Buffer, ffmpegPath: string): Promise<Upload> {
  if (OPENAI_EXTENSIONS.has(checked.extension)) {
    return { bytes, mimeType: checked.mimeType, extension: checked.extension };
  }
  return asVoiceNote(bytes, ffmpegPath);
}

async function geminiAudio(checked: CheckedAudio, bytes: Buffer, ffmpegPath: string): Promise<Upload> {
  const mimeType = GEMINI_MIME_TYPES[checked.mimeType];
  if (mimeType && bytes.length <= GEMINI_INLINE_MAX_BYTES) {
    return { bytes, mimeType, extension: checked.extension };
  }
  return asVoiceNote(bytes, ffmpegPath);
}

async function asVoiceNote(bytes: Buffer, ffmpegPath: string): Promise<Upload> {
  const converted = await toVoiceNote(bytes, ffmpegPath);
  return { bytes: converted.data, mimeType: 'audio/ogg', extension: 'ogg' };
}

const UNEXPECTED_ANSWER = 'Resposta inesperada do serviço de transcrição';

async function transcribeWithOpenAI(
  request: ProviderRequest,
  service: 'openai' | 'openai_compatible',
  upload: Upload,
): Promise<string> {
  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array(upload.bytes)], { type: upload.mimeType }),
    `audio.${upload.extension}`,
  );
  form.append('model', request.model);
  form.append('language', request.language);
  form.append('response_format', 'json');
  if (request.prompt) form.append('prompt', request.prompt);
  const response = await request.http.request(service, {
    method: 'POST',
    url: `${(request.baseUrl ?? '').replace(/\/$/, '')}/audio/transcriptions`,
    headers: { authorization: `Bearer ${request.apiKey}` },
    body: form,
    timeoutMs: request.timeoutMs,
  });
  return parseMediaProviderResponse(service, response, openAITranscriptionSchema, UNEXPECTED_ANSWER).text;
}

async function transcribeWithGemini(request: ProviderRequest, upload: Upload): Promise<string> {
  const base = (request.baseUrl ?? 'https://generativelanguage.googleapis.com').replace(/\/$/, '');
  const response = await request.http.request('gemini', {
    method: 'POST',
    url: `${base}/v1beta/models/${encodeURIComponent(request.model)}:generateContent`,
    headers: { 'x-goog-api-key': request.apiKey },
    body: {
      contents: [
        {
          role: 'user',
          parts: [
            { text: geminiInstructions(request.language, request.prompt) },
            { inlineData: { mimeType: upload.mimeType, data: upload.bytes.toString('base64') } },
          ],
        },
      ],
      generationConfig: { temperature: 0 },
    },
    timeoutMs: request.timeoutMs,
  });
  const { candidates, promptFeedback } = parseMediaProviderResponse(
    'gemini',
    response,
    geminiResponseSchema,
    UNEXPECTED_ANSWER,
  );
  if (!candidates?.length && promptFeedback?.blockReason) {
    throw new ProviderError('gemini', `Google Gemini recusou o áudio (${promptFeedback.blockReason})`, {
      code: promptFeedback.blockReason,
      retryable: false,
    });
  }
  return (candidates?.[0]?.content?.parts ?? []).map((part) => part.text ?? '').join('');
}

function geminiInstructions(language: string, prompt: string | undefined): string {
  return [
    `Transcreva exatamente o que é falado neste áudio (idioma: ${language}).`,
    'Responda somente com a transcrição, sem comentários, rótulos nem marcações de tempo.',
    'Se não houver fala, responda com um texto vazio.',
    prompt ? `Palavras que podem aparecer: ${prompt}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Models asked to transcribe silence or noise answer with markers or, Whisper notably, with subtitle
 * credits it learned from films; none of it is the lead speaking.
 */
function cleanTranscript(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (
    /^[[(]?\s*(sil[eê]ncio|m[uú]sica|inaud[ií]vel|sem fala|no speech|silence)\s*[\])]?[.!]?$/i.test(trimmed)
  ) {
    return '';
  }
  if (/legendas? (pela|por) comunidade amara\.org|^amara\.org$/i.test(trimmed)) return '';
  if (/^[.…\s-]*$/.test(trimmed)) return '';
  return trimmed;
}
