import { z } from 'zod';

export const voiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.enum(['elevenlabs', 'openai']),
  providerVoiceId: z.string(),
  /** Cloned voices: whose voice it is and the consent recorded. */
  consent: z
    .object({
      speakerName: z.string(),
      statement: z.string(),
      recordedByName: z.string().nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type Voice = z.infer<typeof voiceSchema>;

/** The consent a speaker gives before their voice is cloned; stored with the voice. */
export const VOICE_CONSENT_STATEMENT =
  'Eu autorizo a empresa a criar e usar uma cópia digital da minha voz para responder clientes no WhatsApp, e sei que posso pedir a remoção a qualquer momento.';

/** A stock voice of OpenAI TTS, picked instead of cloning. */
export const stockVoiceBodySchema = z.object({
  name: z.string().trim().min(2, 'Dê um nome à voz').max(80),
  provider: z.literal('openai'),
  providerVoiceId: z.string().trim().min(1).max(60),
});

export const voicePreviewBodySchema = z.object({
  text: z.string().trim().min(1, 'Escreva uma frase').max(500),
});

export const mediaUnderstandingSchema = z.object({
  status: z.enum(['pending', 'done', 'failed']),
  source: z.enum(['transcription', 'vision', 'ocr', 'document']).nullable(),
  text: z.string().nullable(),
  error: z.string().nullable(),
});
export type MediaUnderstandingView = z.infer<typeof mediaUnderstandingSchema>;
