import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import type { WebhookRequest } from './provider.ts';

export const WEBHOOK_SECRET_HEADER = 'x-webhook-secret';

/**
 * Z-API and Evolution do not sign webhooks: the channel's secret travels in the URL (?token=…),
 * or, where the provider can send custom headers (Evolution), in X-Webhook-Secret.
 */
export function verifySharedSecret(request: WebhookRequest, secret: string): void {
  const header = request.headers[WEBHOOK_SECRET_HEADER];
  const candidates = [request.query.token, typeof header === 'string' ? header : undefined];
  if (!candidates.some((c) => c !== undefined && safeEqual(c, secret))) {
    throw new AppError(401, 'WEBHOOK_UNAUTHENTICATED', 'Webhook sem o segredo do canal');
  }
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
