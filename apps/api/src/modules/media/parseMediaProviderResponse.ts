import type { z } from 'zod';
import { type HttpResponse, ProviderError } from '../../platform/httpClient.ts';
import { type MediaService, mediaProviderError } from './mediaProviderError.ts';

/**
 * A media provider's JSON answer, checked against its schema. A non-2xx is the provider's own error
 * (mediaProviderError); a body of any other shape is a final `unexpected_response` with that message.
 */
export function parseMediaProviderResponse<Schema extends z.ZodType>(
  service: MediaService,
  response: HttpResponse,
  schema: Schema,
  unexpectedMessage: string,
): z.output<Schema> {
  if (response.status < 200 || response.status >= 300) throw mediaProviderError(service, response);
  let body: unknown;
  try {
    body = response.json();
  } catch {
    body = undefined;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(service, unexpectedMessage, {
      code: 'unexpected_response',
      retryable: false,
      body,
    });
  }
  return parsed.data;
}
