import type { Config } from '../../../config.ts';
import type { HttpClient } from '../../../platform/httpClient.ts';
import type { AiKeys } from '../../agents/models.ts';
import { parseMediaProviderResponse } from '../parseMediaProviderResponse.ts';
import { elevenLabsVoicesSchema } from '../schemas.ts';
import { resolveElevenLabs } from './resolveElevenLabs.ts';

export type VoiceSummary = {
  voiceId: string;
  name: string;
  /** premade, cloned, generated, professional. */
  category: string | null;
  description: string | null;
  labels: Record<string, string>;
  /** A short MP3 to listen to before choosing. */
  previewUrl: string | null;
};

/** The voices of the ElevenLabs account (`GET /v1/voices`): premade ones and the company's clones. */
export async function listVoices(
  deps: { http: HttpClient; config: Config },
  input: { keys: AiKeys },
): Promise<VoiceSummary[]> {
  const { apiKey, baseUrl } = resolveElevenLabs(input.keys, deps.config);
  const response = await deps.http.request('elevenlabs', {
    method: 'GET',
    url: `${baseUrl}/v1/voices`,
    headers: { 'xi-api-key': apiKey },
  });
  const { voices } = parseMediaProviderResponse(
    'elevenlabs',
    response,
    elevenLabsVoicesSchema,
    'ElevenLabs: resposta inesperada ao listar as vozes',
  );
  return voices.map((voice) => ({
    voiceId: voice.voice_id,
    name: voice.name ?? voice.voice_id,
    category: voice.category ?? null,
    description: voice.description ?? null,
    labels: voice.labels ?? {},
    previewUrl: voice.preview_url ?? null,
  }));
}
