import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyCloudSignature } from './verifyCloudSignature.ts';

const appSecret = 'app-secret-123';
const rawBody = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
const sign = (body: Buffer | string, secret = appSecret) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe('verifyCloudSignature', () => {
  it('accepts the HMAC-SHA256 of the raw body with the app secret', () => {
    expect(verifyCloudSignature({ appSecret, rawBody, signature: sign(rawBody) })).toBe(true);
    expect(verifyCloudSignature({ appSecret, rawBody: rawBody.toString(), signature: sign(rawBody) })).toBe(
      true,
    );
  });

  it('accepts an upper-case hex digest', () => {
    const signature = `sha256=${sign(rawBody).slice(7).toUpperCase()}`;
    expect(verifyCloudSignature({ appSecret, rawBody, signature })).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(rawBody.toString().replace('[]', '[{}]'));
    expect(verifyCloudSignature({ appSecret, rawBody: tampered, signature: sign(rawBody) })).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyCloudSignature({ appSecret, rawBody, signature: sign(rawBody, 'other') })).toBe(false);
  });

  it('rejects a missing or malformed header', () => {
    const digest = sign(rawBody).slice(7);
    for (const signature of [
      undefined,
      '',
      digest,
      `sha1=${digest}`,
      'sha256=',
      `sha256=${digest.slice(2)}`,
      `sha256=${digest}00`,
      `sha256=${digest.slice(1)}z`,
      ` sha256=${digest}`,
    ]) {
      expect(verifyCloudSignature({ appSecret, rawBody, signature }), String(signature)).toBe(false);
    }
  });

  it('rejects everything when the app secret is empty', () => {
    expect(verifyCloudSignature({ appSecret: '', rawBody, signature: sign(rawBody, '') })).toBe(false);
  });
});
