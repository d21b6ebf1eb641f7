import { z } from 'zod';

export const agentModeSchema = z.enum(['piloto', 'copiloto']);
export type AgentMode = z.infer<typeof agentModeSchema>;

export const qualificationFieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use letras minúsculas, números e _ (ex.: orcamento)'),
  label: z.string().trim().min(1, 'Dê um nome ao campo').max(60),
  description: z.string().trim().max(300).default(''),
  required: z.boolean().default(true),
});
export type QualificationField = z.infer<typeof qualificationFieldSchema>;

/** BANT, in the words a Brazilian SDR uses. */
export const defaultQualificationFields: QualificationField[] = [
  {
    key: 'necessidade',
    label: 'Necessidade',
    description: 'O que o lead precisa resolver e por quê agora',
    required: true,
  },
  {
    key: 'orcamento',
    label: 'Orçamento',
    description: 'Quanto pretende investir (faixa de valor)',
    required: true,
  },
  {
    key: 'decisor',
    label: 'Decisor',
    description: 'Quem decide a compra e quem mais participa',
    required: true,
  },
  { key: 'prazo', label: 'Prazo', description: 'Para quando precisa da solução', required: true },
];

export const handoffReasons = [
  'lead_requested',
  'missing_knowledge',
  'negative_sentiment',
  'value_threshold',
  'keyword',
  'tool_failure',
  'model_failure',
  'out_of_hours',
  'no_model',
] as const;
export const handoffReasonSchema = z.enum(handoffReasons);
export type HandoffReason = z.infer<typeof handoffReasonSchema>;

export const handoffRulesSchema = z.object({
  onLeadRequest: z.boolean().default(true),
  onNegativeSentiment: z.boolean().default(true),
  /** Hand off when the deal is worth at least this much (cents, BRL); null = never. */
  valueThresholdCents: z.number().int().min(0).nullable().default(null),
  keywords: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
});

export const replyStyleSchema = z.object({
  /** Split long answers into several WhatsApp bubbles. */
  splitMessages: z.boolean().default(true),
  maxMessagesPerTurn: z.number().int().min(1).max(6).default(3),
  /** Show "typing…" and wait in proportion to each bubble's length. */
  typingDelay: z.boolean().default(true),
});

export const modelProviderSchema = z.enum(['openai', 'anthropic', 'gemini', 'openai_compatible']);
export type ModelProvider = z.infer<typeof modelProviderSchema>;

export const modelChoiceSchema = z.object({
  provider: modelProviderSchema,
  name: z.string().trim().min(1, 'Informe o modelo (ex.: gpt-4.1-mini)'),
});
export type ModelChoice = z.infer<typeof modelChoiceSchema>;

export const agentConfigSchema = z.object({
  name: z.string().trim().min(2, 'Dê um nome ao agente').max(80),
  persona: z.string().trim().max(2000).default(''),
  tone: z
    .string()
    .trim()
    .max(200)
    .default('Cordial, direto e próximo, como um bom vendedor brasileiro no WhatsApp'),
  objective: z.enum(['qualify', 'sales_support']).default('qualify'),
  instructions: z.string().trim().max(20_000).default(''),
  qualificationFields: z.array(qualificationFieldSchema).max(20).default(defaultQualificationFields),
  /** How to score a lead 0–100, in plain words (the model applies it). */
  scoreRule: z.string().trim().max(2000).default('Some 25 pontos para cada critério BANT confirmado.'),
  mode: agentModeSchema.default('copiloto'),
  handoff: handoffRulesSchema.default(handoffRulesSchema.parse({})),
  /** 'always', or only inside the company's business hours (outside them it hands off with out_of_hours). */
  workingHours: z.enum(['always', 'business_hours']).default('always'),
  replyStyle: replyStyleSchema.default(replyStyleSchema.parse({})),
  debounceSeconds: z.number().int().min(0).max(120).default(5),
  /** After a human writes, the AI stays quiet this long (null = until a seller hands it back). */
  humanQuietMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .nullable()
    .default(null),
  channelIds: z.array(z.uuid()).default([]),
  /** Knowledge collections the agent searches; empty = all of the company's collections. */
  knowledgeCollectionIds: z.array(z.uuid()).default([]),
  /** Answer with a voice note: never, when the lead sent audio, or always. */
  voiceReply: z.enum(['never', 'when_lead_audio', 'always']).default('never'),
  /** The voice to speak with (a row of Vozes); null = the speech provider's default voice. */
  voiceId: z.uuid().nullable().default(null),
  model: modelChoiceSchema.nullable().default(null),
  fallbackModel: modelChoiceSchema.nullable().default(null),
});
export type AgentConfig = z.infer<typeof agentConfigSchema>;
export type AgentConfigInput = z.input<typeof agentConfigSchema>;

export const agentSchema = agentConfigSchema.extend({
  id: z.string(),
  version: z.number(),
  active: z.boolean(),
  /** Why it cannot answer yet (e.g. no model or key configured), in pt-BR; null when ready. */
  notReadyReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agent = z.infer<typeof agentSchema>;

export const agentVersionSchema = z.object({
  version: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});

/** A model per task besides conversation; null = not configured (the feature degrades, see each). */
export const aiTaskModelsSchema = z.object({
  /** Embeddings for knowledge search; without it, full-text search alone. */
  embeddings: z
    .object({ provider: z.enum(['openai', 'gemini', 'openai_compatible']), name: z.string().trim().min(1) })
    .nullable()
    .default(null),
  /** A cheap model for summaries and classification; null = the agent's own model. */
  classifier: modelChoiceSchema.nullable().default(null),
  /** Speech to text for voice notes; without it, audio goes to a human with a note. */
  transcription: z
    .object({ provider: z.enum(['openai', 'openai_compatible']), name: z.string().trim().min(1) })
    .nullable()
    .default(null),
  /** Image understanding; without it, OCR in Portuguese reads the text in images. */
  vision: modelChoiceSchema.nullable().default(null),
  /** Text to speech for voice replies. */
  speech: z
    .object({ provider: z.enum(['openai', 'elevenlabs']), name: z.string().trim().min(1) })
    .nullable()
    .default(null),
});
export type AiTaskModels = z.infer<typeof aiTaskModelsSchema>;

/** Company AI keys (encrypted at rest). Reads return only whether each is set and a masked preview. */
export const aiSettingsBodySchema = z.object({
  models: aiTaskModelsSchema.partial().optional(),
  elevenlabsApiKey: z.string().trim().nullable().optional(),
  openaiApiKey: z.string().trim().nullable().optional(),
  anthropicApiKey: z.string().trim().nullable().optional(),
  geminiApiKey: z.string().trim().nullable().optional(),
  compatibleBaseUrl: z.url('URL inválida').nullable().optional(),
  compatibleApiKey: z.string().trim().nullable().optional(),
});
export const aiSettingsSchema = z.object({
  models: aiTaskModelsSchema,
  /** ElevenLabs key (voice cloning and speech): set for the company / from the environment. */
  elevenlabs: z.object({
    configured: z.boolean(),
    fromEnvironment: z.boolean(),
    preview: z.string().nullable(),
  }),
  providers: z.array(
    z.object({
      provider: modelProviderSchema,
      /** Key set for this company. */
      configured: z.boolean(),
      /** Key available from the server's environment (used when the company has none). */
      fromEnvironment: z.boolean(),
      preview: z.string().nullable(),
      baseUrl: z.string().nullable(),
    }),
  ),
});

export const traceStatusSchema = z.enum([
  'replied',
  'suggested',
  'handoff',
  'asked_human',
  'failed',
  'superseded',
  'skipped',
]);
export const traceSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  contactName: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  agentVersion: z.number(),
  mode: agentModeSchema,
  model: z.string().nullable(),
  status: traceStatusSchema,
  handoffReason: handoffReasonSchema.nullable(),
  /** What the model saw: the lead's messages of this turn and the history window. */
  input: z.array(z.object({ role: z.enum(['lead', 'business', 'summary', 'system']), text: z.string() })),
  retrievedPassages: z.array(z.object({ source: z.string(), text: z.string() })),
  toolCalls: z.array(z.object({ name: z.string(), args: z.unknown(), result: z.unknown() })),
  output: z.array(z.string()),
  tokens: z.object({ input: z.number(), output: z.number() }),
  costMicros: z.number().nullable(),
  latencyMs: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
});
export type Trace = z.infer<typeof traceSchema>;
export const traceListItemSchema = traceSchema
  .pick({
    id: true,
    conversationId: true,
    contactName: true,
    agentName: true,
    agentVersion: true,
    mode: true,
    status: true,
    handoffReason: true,
    latencyMs: true,
    createdAt: true,
  })
  .extend({ preview: z.string().nullable(), totalTokens: z.number() });

export const suggestionSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  texts: z.array(z.string()),
  status: z.enum(['pending', 'accepted', 'edited', 'dismissed', 'superseded']),
  createdAt: z.string(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const questionSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  contactName: z.string(),
  question: z.string(),
  /** Similar pending questions from other conversations, answered together with this one. */
  similar: z.array(z.object({ id: z.string(), contactName: z.string(), question: z.string() })).default([]),
  status: z.enum(['pending', 'answered', 'cancelled']),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Question = z.infer<typeof questionSchema>;

/** Lead qualification as the agent keeps it (update_lead). */
export const leadProfileSchema = z.object({
  fields: z.record(z.string(), z.string()),
  score: z.number().min(0).max(100).nullable(),
  stage: z.string().nullable(),
});
