import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_PREFIX = 'sha256=';
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/**
 * Meta signs every webhook POST: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>`.
 * Checked on the bytes as received, before any JSON parsing; false on any malformed header.
 */
export function verifyCloudSignature({
  appSecret,
  rawBody,
  signature,
}: {
  appSecret: string;
  rawBody: Buffer | string;
  signature: string | undefined;
}): boolean {
  if (!appSecret || !signature?.startsWith(SIGNATURE_PREFIX)) return false;
  const receivedHex = signature.slice(SIGNATURE_PREFIX.length);
  if (!SHA256_HEX.test(receivedHex)) return false;

  const received = Buffer.from(receivedHex, 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}
