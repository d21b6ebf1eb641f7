import { randomBytes } from 'node:crypto';

/**
 * ElevenLabs' wire format as the fake answers it. Errors are FastAPI-style: `{"detail": {"status",
 * "message"}}` for the API's own checks (bad key, unknown voice, quota — quota is a 401 there), and
 * `{"detail": [{type, loc, msg, input}]}` (422) for a malformed request.
 */

export type ElevenLabsVoiceWire = {
  voice_id: string;
  name: string;
  category: 'premade' | 'cloned' | 'generated' | 'professional';
  description: string | null;
  labels: Record<string, string>;
  preview_url: string | null;
  samples: { sample_id: string; file_name: string; mime_type: string; size_bytes: number }[] | null;
  settings: null;
  available_for_tiers: string[];
  high_quality_base_model_ids: string[];
  is_owner: boolean;
  created_at_unix: number | null;
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 20 alphanumeric characters, like ElevenLabs ids ("JBFqnCBsd6RMkjVDRZzb"). */
export function newElevenLabsId(): string {
  return Array.from(randomBytes(20), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

export function elevenLabsDetailError(
  status: string,
  message: string,
): { detail: { status: string; message: string } } {
  return { detail: { status, message } };
}

export function elevenLabsValidationError(
  field: string,
  message = 'Field required',
): { detail: { type: string; loc: string[]; msg: string; input: null }[] } {
  return { detail: [{ type: 'missing', loc: ['body', field], msg: message, input: null }] };
}

/** Premade voices every account has (ids as ElevenLabs publishes them). */
export function premadeVoices(): ElevenLabsVoiceWire[] {
  return [
    premadeVoice('JBFqnCBsd6RMkjVDRZzb', 'George', { accent: 'british', gender: 'male' }),
    premadeVoice('EXAVITQu4vr4xnSDxMaL', 'Sarah', { accent: 'american', gender: 'female' }),
  ];
}

function premadeVoice(voiceId: string, name: string, labels: Record<string, string>): ElevenLabsVoiceWire {
  return {
    voice_id: voiceId,
    name,
    category: 'premade',
    description: null,
    labels,
    preview_url: `https://storage.googleapis.com/eleven-public-prod/premade/voices/${voiceId}/preview.mp3`,
    samples: null,
    settings: null,
    available_for_tiers: [],
    high_quality_base_model_ids: ['eleven_multilingual_v2', 'eleven_turbo_v2_5', 'eleven_flash_v2_5'],
    is_owner: false,
    created_at_unix: null,
  };
}
