import type { Config } from '../../../config.ts';
import { badRequest } from '../../../platform/errors.ts';
import type { HttpClient } from '../../../platform/httpClient.ts';
import type { AiKeys } from '../../agents/models.ts';
import { parseMediaProviderResponse } from '../parseMediaProviderResponse.ts';
import { elevenLabsAddVoiceSchema } from '../schemas.ts';
import { sniffMediaType } from '../sniffMediaType.ts';
import { resolveElevenLabs } from './resolveElevenLabs.ts';

export type VoiceSample = { bytes: Buffer; fileName?: string; mimeType?: string };

export type CloneVoiceInput = {
  /** Shown in the ElevenLabs voice list. */
  name: string;
  /** Clean recordings of one person, ideally 1–2 minutes in total. */
  samples: VoiceSample[];
  description?: string;
  /** ElevenLabs' keys: language, accent, gender, age. */
  labels?: Record<string, string>;
  removeBackgroundNoise?: boolean;
  /** The company's keys: `elevenlabsApiKey`, else ELEVENLABS_API_KEY. */
  keys: AiKeys;
  timeoutMs?: number;
};

export type ClonedVoice = { voiceId: string; requiresVerification: boolean };

/** ElevenLabs caps instant cloning at 25 samples. */
const MAX_SAMPLES = 25;

/**
 * ElevenLabs instant voice cloning: `POST /v1/voices/add` (multipart: `name`, repeated `files`,
 * `description`, `labels` as a JSON string, `remove_background_noise`) → the new voice's id.
 */
export async function cloneVoice(
  deps: { http: HttpClient; config: Config },
  input: CloneVoiceInput,
): Promise<ClonedVoice> {
  const name = input.name.trim();
  if (!name) throw badRequest('VOICE_NAME_REQUIRED', 'Dê um nome para a voz');
  if (input.samples.length === 0)
    throw badRequest('VOICE_SAMPLES_REQUIRED', 'Envie ao menos uma gravação da voz');
  if (input.samples.length > MAX_SAMPLES) {
    throw badRequest('VOICE_SAMPLES_TOO_MANY', `Envie no máximo ${MAX_SAMPLES} gravações`);
  }
  const { apiKey, baseUrl } = resolveElevenLabs(input.keys, deps.config);

  const form = new FormData();
  form.append('name', name);
  input.samples.forEach((sample, index) => {
    const sniffed = sniffMediaType(sample.bytes);
    const mimeType = sample.mimeType ?? sniffed?.mimeType ?? 'application/octet-stream';
    const fileName = sample.fileName ?? `amostra-${index + 1}.${sniffed?.extension ?? 'bin'}`;
    form.append('files', new Blob([new Uint8Array(sample.bytes)], { type: mimeType }), fileName);
  });
  if (input.description) form.append('description', input.description);
  if (input.labels) form.append('labels', JSON.stringify(input.labels));
  if (input.removeBackgroundNoise !== undefined) {
    form.append('remove_background_noise', String(input.removeBackgroundNoise));
  }

  const response = await deps.http.request('elevenlabs', {
    method: 'POST',
    url: `${baseUrl}/v1/voices/add`,
    headers: { 'xi-api-key': apiKey },
    body: form,
    timeoutMs: input.timeoutMs ?? 120_000, // uploads of several samples
  });
  const added = parseMediaProviderResponse(
    'elevenlabs',
    response,
    elevenLabsAddVoiceSchema,
    'ElevenLabs: resposta inesperada ao criar a voz',
  );
  return { voiceId: added.voice_id, requiresVerification: added.requires_verification ?? false };
}
