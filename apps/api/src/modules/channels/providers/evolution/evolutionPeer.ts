import type { Peer } from '../../provider.ts';
import type { EvolutionMessageKey } from './schemas.ts';

type ParsedJid = { kind: 'phone'; digits: string } | { kind: 'lid'; lid: string } | { kind: 'other' };

/**
 * `5511900000001:12@s.whatsapp.net` → phone digits (device suffix dropped); `123…@lid` → LID.
 * Bare digits (some Baileys 6 `senderPn` values) count as a phone. Groups, broadcasts → other.
 */
export function parseJid(jid: string): ParsedJid {
  const [userWithDevice, server] = jid.split('@');
  const user = userWithDevice.split(':')[0];
  if (server === undefined || server === 's.whatsapp.net' || server === 'c.us') {
    return /^\d{6,}$/.test(user) ? { kind: 'phone', digits: user } : { kind: 'other' };
  }
  if (server === 'lid' && user !== '') return { kind: 'lid', lid: `${user}@lid` };
  return { kind: 'other' };
}

/**
 * Who wrote (or, when fromMe, who we wrote to). `remoteJid` is one identity; Baileys 7 puts the other
 * in `remoteJidAlt`, Baileys 6 in `senderPn`/`senderLid`. A LID-only payload yields only `lid`.
 */
export function peerFromKey(key: EvolutionMessageKey, pushName: string | null | undefined): Peer {
  let phone: string | undefined;
  let lid: string | undefined;
  for (const id of [key.remoteJid, key.remoteJidAlt, key.senderPn, key.senderLid]) {
    if (!id) continue;
    const parsed = parseJid(id);
    if (parsed.kind === 'phone') phone ??= parsed.digits;
    else if (parsed.kind === 'lid') lid ??= parsed.lid;
  }
  const peer: Peer = { replyTo: key.remoteJid };
  if (phone) peer.phone = phone;
  if (lid) peer.lid = lid;
  // fromMe: pushName is the business's own name (often "Você"), not the lead's.
  const name = pushName?.trim();
  if (!key.fromMe && name) peer.name = name;
  return peer;
}

/**
 * The `number` Evolution's send routes accept: digits for a phone JID (so Evolution's `createJid` and
 * `whatsappNumber` apply the Brazilian 9th-digit lookup), a LID or group JID as-is without device suffix.
 */
export function toEvolutionNumber(to: string): string {
  if (!to.includes('@')) return to.replace(/\D/g, '');
  const parsed = parseJid(to);
  if (parsed.kind === 'phone') return parsed.digits;
  if (parsed.kind === 'lid') return parsed.lid;
  return to;
}
