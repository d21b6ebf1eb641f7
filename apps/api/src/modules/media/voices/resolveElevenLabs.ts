import type { Config } from '../../../config.ts';
import { ProviderError } from '../../../platform/httpClient.ts';
import type { AiKeys } from '../../agents/models.ts';

export type ElevenLabsAccess = { apiKey: string; baseUrl: string };

/**
 * The company's ElevenLabs key (`keys.elevenlabsApiKey`, decrypted), else the server's ELEVENLABS_API_KEY;
 * the base URL is the API root without `/v1` (tests point it at the fake). No key → a final ProviderError.
 */
export function resolveElevenLabs(keys: AiKeys, config: Config): ElevenLabsAccess {
  const key = keys.elevenlabsApiKey || config.ELEVENLABS_API_KEY;
  if (!key) {
    throw new ProviderError(
      'elevenlabs',
      'Configure a chave da ElevenLabs em Configurações › IA para usar vozes',
      {
        code: 'not_configured',
        retryable: false,
      },
    );
  }
  return { apiKey: key, baseUrl: config.ELEVENLABS_BASE_URL.replace(/\/$/, '') };
}
