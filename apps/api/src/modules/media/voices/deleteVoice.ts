import type { Config } from '../../../config.ts';
import type { HttpClient, HttpResponse } from '../../../platform/httpClient.ts';
import type { AiKeys } from '../../agents/models.ts';
import { mediaProviderError } from '../mediaProviderError.ts';
import { elevenLabsErrorSchema } from '../schemas.ts';
import { resolveElevenLabs } from './resolveElevenLabs.ts';

/**
 * Removes a cloned voice from the ElevenLabs account (`DELETE /v1/voices/{voice_id}`). A voice that is
 * already gone counts as deleted, so running it twice is harmless.
 */
export async function deleteVoice(
  deps: { http: HttpClient; config: Config },
  input: { voiceId: string; keys: AiKeys },
): Promise<void> {
  const { apiKey, baseUrl } = resolveElevenLabs(input.keys, deps.config);
  const response = await deps.http.request('elevenlabs', {
    method: 'DELETE',
    url: `${baseUrl}/v1/voices/${encodeURIComponent(input.voiceId)}`,
    headers: { 'xi-api-key': apiKey },
  });
  if (response.status === 404 && isVoiceNotFound(response)) return;
  if (response.status < 200 || response.status >= 300) throw mediaProviderError('elevenlabs', response);
}

/** ElevenLabs' own 404 (`voice_not_found`), not a wrong base URL's. */
function isVoiceNotFound(response: HttpResponse): boolean {
  try {
    const parsed = elevenLabsErrorSchema.safeParse(response.json());
    const detail = parsed.success ? parsed.data.detail : undefined;
    return typeof detail === 'object' && !Array.isArray(detail) && detail.status === 'voice_not_found';
  } catch {
    return false;
  }
}
