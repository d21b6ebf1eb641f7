import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../../platform/errors.ts';
import { type NormalizedEvent, WebhookPayloadError, type WhatsAppProvider } from '../../provider.ts';

/**
 * The built-in simulator: a member chats as a lead from a browser page, so the product works on a
 * fresh machine without WhatsApp. Its "webhook" is our own sandbox route; sending always succeeds
 * and the message counts as delivered at once (the simulator marks it read while open).
 */
export const sandboxInboundSchema = z.object({
  leadPhone: z.string().regex(/^\+?\d{10,15}$/, 'Telefone do lead inválido'),
  leadName: z.string().trim().min(1).max(80),
  text: z.string().max(4096).optional(),
  /** The attached audio was recorded in the simulator (a voice note, PTT), not a file. */
  voice: z.boolean().optional(),
  media: z
    .object({ storageKey: z.string(), mimeType: z.string(), fileName: z.string(), sizeBytes: z.number() })
    .optional(),
});
export type SandboxInbound = z.infer<typeof sandboxInboundSchema>;

export const sandboxProvider: WhatsAppProvider<Record<string, never>> = {
  kind: 'sandbox',
  credentialsSchema: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  authenticateWebhook() {
    // Sandbox messages come from signed-in members through our own API, never from outside.
    throw new AppError(401, 'WEBHOOK_UNAUTHENTICATED', 'O simulador não recebe webhooks externos');
  },
  parseWebhook(body: unknown): NormalizedEvent[] {
    const parsed = sandboxInboundSchema.safeParse(body);
    if (!parsed.success)
      throw new WebhookPayloadError(parsed.error.issues[0]?.message ?? 'mensagem do simulador inválida');
    const { leadPhone, leadName, text, media, voice } = parsed.data;
    const phone = leadPhone.replace(/\D/g, '');
    const kind = !media
      ? 'text'
      : media.mimeType.startsWith('image/')
        ? 'image'
        : media.mimeType.startsWith('audio/')
          ? 'audio'
          : media.mimeType.startsWith('video/')
            ? 'video'
            : 'document';
    return [
      {
        type: 'message',
        providerMessageId: `sandbox-${randomUUID()}`,
        direction: 'inbound',
        peer: { phone, replyTo: phone, name: leadName },
        timestamp: new Date(),
        kind,
        text: media ? undefined : text,
        media: media
          ? {
              ref: { source: 'url', url: `storage:${media.storageKey}` },
              mimeType: media.mimeType,
              fileName: media.fileName,
              sizeBytes: media.sizeBytes,
              voice: kind === 'audio' && Boolean(voice),
              caption: text,
            }
          : undefined,
      },
    ];
  },
  // No `typing`: the outbox waits out an AI bubble's typing time, and the simulator shows
  // "digitando…" while a bubble is still queued.
  async send() {
    return { providerMessageId: `sandbox-${randomUUID()}` };
  },
  async downloadMedia() {
    throw new Error('sandbox media is already in storage');
  },
  async checkConnection() {
    return { state: 'connected' };
  },
};
