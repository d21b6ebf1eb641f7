import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it('treats a Brazilian mobile with and without the 9th digit as the same number', () => {
    expect(normalizePhone('5511987654321')).toBe('+5511987654321');
    expect(normalizePhone('551187654321')).toBe('+5511987654321');
    expect(normalizePhone('5531987654321@s.whatsapp.net')).toBe('+5531987654321');
    expect(normalizePhone('553187654321')).toBe('+5531987654321');
  });

  it('keeps landlines at 12 digits and strips device suffixes and punctuation', () => {
    expect(normalizePhone('551133334444')).toBe('+551133334444');
    expect(normalizePhone('5511987654321:12@s.whatsapp.net')).toBe('+5511987654321');
    expect(normalizePhone('+55 (11) 98765-4321')).toBe('+5511987654321');
  });

  it('leaves other countries alone and rejects what is not a number', () => {
    expect(normalizePhone('14155552671')).toBe('+14155552671');
    expect(normalizePhone('123456789012345@lid')).toBe(null);
    expect(normalizePhone('')).toBe(null);
  });

  it('formats for screens', () => {
    expect(formatPhone('+5511987654321')).toBe('+55 11 98765 4321');
  });
});
