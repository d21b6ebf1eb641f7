import { z } from 'zod';

export const providerKinds = ['zapi', 'evolution', 'cloud', 'sandbox'] as const;
export const providerKindSchema = z.enum(providerKinds);
export type ProviderKindName = z.infer<typeof providerKindSchema>;

export const channelStatusSchema = z.enum(['connected', 'disconnected', 'qr_needed', 'unknown']);
export type ChannelStatus = z.infer<typeof channelStatusSchema>;

const required = (label: string) => z.string().trim().min(1, `Informe ${label}`);

/** What an admin types to connect each provider (validated again, in full, by the provider adapter). */
export const zapiCredentialsInput = z.object({
  baseUrl: z.url('URL inválida').optional(),
  instanceId: required('o ID da instância'),
  token: required('o token da instância'),
  clientToken: required('o Client-Token da conta'),
});
export const evolutionCredentialsInput = z.object({
  baseUrl: z.url('Informe a URL do seu servidor Evolution'),
  instanceName: required('o nome da instância'),
  apiKey: required('a apikey'),
});
export const cloudCredentialsInput = z.object({
  baseUrl: z.url('URL inválida').optional(),
  apiVersion: z.string().optional(),
  phoneNumberId: required('o Phone number ID'),
  wabaId: required('o WhatsApp Business Account ID'),
  accessToken: required('o token de acesso'),
  appSecret: required('o App Secret'),
  verifyToken: required('o token de verificação do webhook'),
});

const channelName = z.string().trim().min(2, 'Dê um nome ao número (ex.: Comercial)').max(80);
const pacing = {
  /** Z-API/Evolution only: most messages a day the automation may send from this number. */
  dailySendLimit: z.number().int().min(1).max(100_000).nullable().optional(),
};

export const createChannelBodySchema = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('zapi'),
    name: channelName,
    phoneNumber: z.string().optional(),
    credentials: zapiCredentialsInput,
    ...pacing,
  }),
  z.object({
    provider: z.literal('evolution'),
    name: channelName,
    phoneNumber: z.string().optional(),
    credentials: evolutionCredentialsInput,
    ...pacing,
  }),
  z.object({
    provider: z.literal('cloud'),
    name: channelName,
    phoneNumber: z.string().optional(),
    credentials: cloudCredentialsInput,
  }),
  z.object({ provider: z.literal('sandbox'), name: channelName }),
]);
export type CreateChannelBody = z.infer<typeof createChannelBodySchema>;

export const updateChannelBodySchema = z.object({
  name: channelName.optional(),
  phoneNumber: z.string().nullable().optional(),
  /** Replaces the stored credentials when present (the form sends every field again). */
  credentials: z.record(z.string(), z.string()).optional(),
  ...pacing,
});
export type UpdateChannelBody = z.infer<typeof updateChannelBodySchema>;

export const channelSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: providerKindSchema,
  phoneNumber: z.string().nullable(),
  status: channelStatusSchema,
  statusDetail: z.string().nullable(),
  statusCheckedAt: z.string().nullable(),
  /** The URL to paste into the provider's panel (null for the sandbox). Contains the channel secret. */
  webhookUrl: z.string().nullable(),
  /** Credentials with secrets masked (e.g. "••••a1b2"), for the settings form. */
  credentialsPreview: z.record(z.string(), z.string()),
  dailySendLimit: z.number().nullable(),
  sentToday: z.number(),
  /** Webhooks refused in the last 24 hours (bad signature, malformed payload). */
  rejectedWebhooks24h: z.number(),
  createdAt: z.string(),
});
export type Channel = z.infer<typeof channelSchema>;

export const connectionCheckSchema = z.object({ status: channelStatusSchema, detail: z.string().nullable() });

export const webhookEventSchema = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'rejected', 'processed', 'failed']),
  reason: z.string().nullable(),
  receivedAt: z.string(),
  bodyExcerpt: z.string(),
});
export type WebhookEventRow = z.infer<typeof webhookEventSchema>;
