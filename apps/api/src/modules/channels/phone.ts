import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * E.164 for storage and matching. Brazilian mobiles registered before the 9th digit arrive with
 * 12 digits (55 DD XXXXXXXX): when the local number starts with 6–9 it is a mobile and gets its 9.
 * Landlines (2–5) stay as they are. Replies always go to the provider's raw id, never to this.
 */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/@.*$/, '').replace(/:\d+$/, '').replace(/\D/g, '');
  if (!digits) return null;
  if (digits.startsWith('55') && digits.length === 12 && /[6-9]/.test(digits[4])) {
    digits = `${digits.slice(0, 4)}9${digits.slice(4)}`;
  }
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed?.isPossible() ? parsed.number : null;
}

/** "+55 11 98765-4321" for screens. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
