import type { Config } from '../../../config.ts';
import { badRequest } from '../../../platform/errors.ts';
import { type HttpClient, type HttpResponse, ProviderError } from '../../../platform/httpClient.ts';
import { toVoiceNote } from '../../../platform/voiceNote.ts';
import { type AiKeys, providerLabels, resolveProvider } from '../../agents/models.ts';
import { type MediaService, mediaProviderError, mediaServiceLabels } from '../mediaProviderError.ts';
import { resolveElevenLabs } from './resolveElevenLabs.ts';

/**
 * Who speaks: the same shape as the company's `models.speech` (AiTaskModels), plus servers speaking
 * OpenAI's Audio API. `name` is the model; default per provider: DEFAULT_SPEECH_MODELS.
 */
export type SpeechEngine = { provider: 'elevenlabs' | 'openai' | 'openai_compatible'; name?: string };

export type SynthesizeSpeechInput = {
  text: string;
  engine: SpeechEngine;
  /**
   * The voice: a Vozes row's `providerVoiceId` (an ElevenLabs voice_id, or an OpenAI voice name such as
   * "coral"); null = DEFAULT_SPEECH_VOICES.
   */
  voiceId?: string | null;
  /** The company's keys (`elevenlabsApiKey`, `openaiApiKey`…), each falling back to the server's. */
  keys: AiKeys;
  /** How to speak, for OpenAI's gpt-4o-mini-tts ("Tom cordial, sotaque paulista"). */
  instructions?: string;
  /** ElevenLabs voice settings, 0–1 (speed 0.7–1.2). */
  settings?: { stability?: number; similarityBoost?: number; style?: number; speed?: number };
  /** ElevenLabs turbo/flash v2.5 only, e.g. "pt". */
  languageCode?: string;
  timeoutMs?: number;
};

export const DEFAULT_SPEECH_MODELS: Record<SpeechEngine['provider'], string> = {
  elevenlabs: 'eleven_multilingual_v2',
  openai: 'gpt-4o-mini-tts',
  openai_compatible: 'tts-1',
};

/** Premade ElevenLabs voice every account has ("Sarah", multilingual); OpenAI's "coral". */
export const DEFAULT_SPEECH_VOICES: Record<SpeechEngine['provider'], string> = {
  elevenlabs: 'EXAVITQu4vr4xnSDxMaL',
  openai: 'coral',
  openai_compatible: 'alloy',
};

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
  const service = input.engine.provider;
  const response =
    service === 'elevenlabs'
      ? await speakWithElevenLabs(deps, input, text, timeoutMs)
      : await speakWithOpenAI(
          deps,
          { ...input, engine: { ...input.engine, provider: service } },
          text,
          timeoutMs,
        );
  if (response.status < 200 || response.status >= 300) throw mediaProviderError(service, response);
  assertAudio(service, response);
  const converted = await toVoiceNote(response.body, deps.ffmpegPath);
  return { bytes: converted.data, mimeType: 'audio/ogg; codecs=opus', seconds: converted.seconds ?? 0 };
}

async function speakWithElevenLabs(
  deps: SynthesizeSpeechDeps,
  input: SynthesizeSpeechInput,
  text: string,
  timeoutMs: number,
): Promise<HttpResponse> {
  const { apiKey, baseUrl } = resolveElevenLabs(input.keys, deps.config);
  const voiceId = input.voiceId || DEFAULT_SPEECH_VOICES.elevenlabs;
  const settings = input.settings;
  return deps.http.request('elevenlabs', {
    method: 'POST',
    url: `${baseUrl}/v1/text-to-speech/${encodeURIComponent(voiceId)}?output_format=mp3_44100_128`,
    headers: { 'xi-api-key': apiKey, accept: 'audio/mpeg' },
    body: {
      text,
      model_id: input.engine.name ?? DEFAULT_SPEECH_MODELS.elevenlabs,
      ...(input.languageCode ? { language_code: input.languageCode } : {}),
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
  input: SynthesizeSpeechInput & { engine: { provider: 'openai' | 'openai_compatible' } },
  text: string,
  timeoutMs: number,
): Promise<HttpResponse> {
  const { provider } = input.engine;
  const { apiKey, baseUrl } = resolveProvider(provider, input.keys, deps.config);
  if (!apiKey || !baseUrl) {
    throw new ProviderError(
      provider,
      `Configure a chave de ${providerLabels[provider]} em Configurações › IA para responder com áudio`,
      { code: 'not_configured', retryable: false },
    );
  }
  return deps.http.request(provider, {
    method: 'POST',
    url: `${baseUrl.replace(/\/$/, '')}/audio/speech`,
    headers: { authorization: `Bearer ${apiKey}` },
    body: {
      model: input.engine.name ?? DEFAULT_SPEECH_MODELS[provider],
      input: text,
      voice: input.voiceId || DEFAULT_SPEECH_VOICES[provider],
      response_format: 'mp3',
      ...(input.instructions ? { instructions: input.instructions } : {}),
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
