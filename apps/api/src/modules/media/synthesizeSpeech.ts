import type { Config } from '../../config.ts';
import { badRequest } from '../../platform/errors.ts';
import { type HttpClient, type HttpResponse, ProviderError } from '../../platform/httpClient.ts';
import { toVoiceNote } from '../../platform/voiceNote.ts';
import { type AiKeys, providerLabels, resolveProvider } from '../agents/models.ts';
import { type MediaService, mediaProviderError, mediaServiceLabels } from './mediaProviderError.ts';
import { resolveElevenLabs } from './resolveElevenLabs.ts';

export type ElevenLabsVoice = {
  provider: 'elevenlabs';
  voiceId: string;
  /** Default eleven_multilingual_v2 (Portuguese included). */
  model?: string;
  /** The company's key; falls back to ELEVENLABS_API_KEY. */
  apiKey?: string | null;
  /** Only the turbo/flash v2.5 models take it. */
  languageCode?: string;
  settings?: { stability?: number; similarityBoost?: number; style?: number; speed?: number };
};

export type OpenAIVoice = {
  provider: 'openai' | 'openai_compatible';
  /** Default "coral". */
  voice?: string;
  /** Default gpt-4o-mini-tts. */
  model?: string;
  /** How to speak (gpt-4o-mini-tts only), e.g. "Tom cordial, sotaque paulista". */
  instructions?: string;
  keys: AiKeys;
};

export type SpeechVoice = ElevenLabsVoice | OpenAIVoice;

export type SynthesizeSpeechInput = { text: string; voice: SpeechVoice; timeoutMs?: number };

export type SynthesizedSpeech = {
  /** OGG/Opus mono 48 kHz: what WhatsApp plays as a recorded voice note (PTT). */
  bytes: Buffer;
  mimeType: 'audio/ogg; codecs=opus';
  seconds: number;
};

export type SynthesizeSpeechDeps = { http: HttpClient; config: Config; ffmpegPath: string };

/** OpenAI's limit for one request; a voice note longer than this would be minutes of speech anyway. */
export const MAX_SPEECH_CHARACTERS = 4096;

/**
 * Text → a WhatsApp voice note: ElevenLabs (`POST /v1/text-to-speech/{voice_id}`) or OpenAI-style
 * `POST /audio/speech` answer MP3, which the platform's voice-note conversion turns into OGG/Opus mono
 * so every WhatsApp provider can send it as PTT.
 */
export async function synthesizeSpeech(
  deps: SynthesizeSpeechDeps,
  input: SynthesizeSpeechInput,
): Promise<SynthesizedSpeech> {
  const text = input.text.trim();
  if (!text) throw badRequest('SPEECH_TEXT_EMPTY', 'Não há texto para transformar em áudio');
  if (text.length > MAX_SPEECH_CHARACTERS) {
    throw badRequest(
      'SPEECH_TEXT_TOO_LONG',
      `Texto longo demais para um áudio (máx. ${MAX_SPEECH_CHARACTERS} caracteres)`,
    );
  }
  const timeoutMs = input.timeoutMs ?? deps.config.AI_TIMEOUT_MS;
  const { voice } = input;
  const [service, response] =
    voice.provider === 'elevenlabs'
      ? (['elevenlabs', await speakWithElevenLabs(deps, voice, text, timeoutMs)] as const)
      : ([voice.provider, await speakWithOpenAI(deps, voice, text, timeoutMs)] as const);
  if (response.status < 200 || response.status >= 300) throw mediaProviderError(service, response);
  assertAudio(service, response);
  const converted = await toVoiceNote(response.body, deps.ffmpegPath);
  return { bytes: converted.data, mimeType: 'audio/ogg; codecs=opus', seconds: converted.seconds ?? 0 };
}

async function speakWithElevenLabs(
  deps: SynthesizeSpeechDeps,
  voice: ElevenLabsVoice,
  text: string,
  timeoutMs: number,
): Promise<HttpResponse> {
  const { apiKey, baseUrl } = resolveElevenLabs(voice.apiKey, deps.config);
  const settings = voice.settings;
  return deps.http.request('elevenlabs', {
    method: 'POST',
    url: `${baseUrl}/v1/text-to-speech/${encodeURIComponent(voice.voiceId)}?output_format=mp3_44100_128`,
    headers: { 'xi-api-key': apiKey, accept: 'audio/mpeg' },
    body: {
      text,
      model_id: voice.model ?? 'eleven_multilingual_v2',
      ...(voice.languageCode ? { language_code: voice.languageCode } : {}),
      ...(settings
        ? {
            voice_settings: {
              ...(settings.stability !== undefined ? { stability: settings.stability } : {}),
              ...(settings.similarityBoost !== undefined
                ? { similarity_boost: settings.similarityBoost }
                : {}),
              ...(settings.style !== undefined ? { style: settings.style } : {}),
              ...(settings.speed !== undefined ? { speed: settings.speed } : {}),
            },
          }
        : {}),
    },
    timeoutMs,
  });
}

async function speakWithOpenAI(
  deps: SynthesizeSpeechDeps,
  voice: OpenAIVoice,
  text: string,
  timeoutMs: number,
): Promise<HttpResponse> {
  const { apiKey, baseUrl } = resolveProvider(voice.provider, voice.keys, deps.config);
  if (!apiKey || !baseUrl) {
    throw new ProviderError(
      voice.provider,
      `Configure a chave de ${providerLabels[voice.provider]} em Configurações › IA para responder com áudio`,
      { code: 'not_configured', retryable: false },
    );
  }
  return deps.http.request(voice.provider, {
    method: 'POST',
    url: `${baseUrl.replace(/\/$/, '')}/audio/speech`,
    headers: { authorization: `Bearer ${apiKey}` },
    body: {
      model: voice.model ?? 'gpt-4o-mini-tts',
      input: text,
      voice: voice.voice ?? 'coral',
      response_format: 'mp3',
      ...(voice.instructions ? { instructions: voice.instructions } : {}),
    },
    timeoutMs,
  });
}

/** A 200 with JSON or text (some compatible servers) is an error in disguise, not audio to convert. */
function assertAudio(service: MediaService, response: HttpResponse): void {
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (response.body.length > 0 && !type.startsWith('application/json') && !type.startsWith('text/')) return;
  throw new ProviderError(service, `${mediaServiceLabels[service]} não devolveu áudio`, {
    status: response.status,
    code: 'not_audio',
    retryable: false,
    body: response.text().slice(0, 300),
  });
}
