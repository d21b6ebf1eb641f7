import { z } from 'zod';

/** Providers' payloads for the media module: OpenAI Audio, Gemini generateContent, ElevenLabs. */

/** `POST /audio/transcriptions` with `response_format=json`; `usage` differs by model, so it stays loose. */
export const openAITranscriptionSchema = z.object({
  text: z.string(),
  usage: z.record(z.string(), z.unknown()).optional(),
});

/** OpenAI (and most compatible servers): `{ error: { message, type, param, code } }`. */
export const openAIErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().nullish(),
    code: z.union([z.string(), z.number()]).nullish(),
  }),
});

/** `POST /v1beta/models/{model}:generateContent`. */
export const geminiResponseSchema = z.object({
  candidates: z
    .array(
      z.object({
        content: z
          .object({ parts: z.array(z.object({ text: z.string().optional() })).optional() })
          .optional(),
        finishReason: z.string().optional(),
      }),
    )
    .optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
});

/** Google APIs: `{ error: { code, message, status } }`. */
export const geminiErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
  }),
});

/** `POST /v1/voices/add`. */
export const elevenLabsAddVoiceSchema = z.object({
  voice_id: z.string().min(1),
  requires_verification: z.boolean().optional(),
});

export const elevenLabsVoiceSchema = z.object({
  voice_id: z.string(),
  name: z.string().nullish(),
  category: z.string().nullish(),
  description: z.string().nullish(),
  labels: z.record(z.string(), z.string()).nullish(),
  preview_url: z.string().nullish(),
});

/** `GET /v1/voices`. */
export const elevenLabsVoicesSchema = z.object({ voices: z.array(elevenLabsVoiceSchema) });

/** API checks: `{"detail": {"status", "message"}}`; malformed requests (422): `{"detail": [{msg, loc}]}`. */
export const elevenLabsErrorSchema = z.object({
  detail: z.union([
    z.object({ status: z.string().optional(), message: z.string().optional() }),
    z.array(
      z.object({ msg: z.string().optional(), loc: z.array(z.union([z.string(), z.number()])).optional() }),
    ),
    z.string(),
  ]),
});
