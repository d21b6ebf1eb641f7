import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactIdentities, contactNotes, contacts, conversations, messages } from '../../db/schema/index.ts';
import { formatPhone, normalizePhone } from '../channels/phone.ts';
import type { Peer } from '../channels/provider.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type IdentityKind = 'phone' | 'lid' | 'bsuid';

export function identitiesOf(peer: Peer): Array<{ kind: IdentityKind; value: string }> {
  const out: Array<{ kind: IdentityKind; value: string }> = [];
  const phone = peer.phone ? normalizePhone(peer.phone) : null;
  if (phone) out.push({ kind: 'phone', value: phone });
  if (peer.lid) out.push({ kind: 'lid', value: peer.lid.includes('@') ? peer.lid : `${peer.lid}@lid` });
  if (peer.bsuid) out.push({ kind: 'bsuid', value: peer.bsuid });
  return out;
}

/**
 * Finds (or creates) the contact a payload speaks of. A person can show up as a phone, a LID or a
 * Cloud API user id; when one payload links two identities that belonged to two contacts, the
 * contacts are merged into the older one. Runs inside the caller's transaction, serialized per company.
 */
export async function resolveContact(tx: Tx, orgId: string, peer: Peer): Promise<string> {
  const ids = identitiesOf(peer);
  if (ids.length === 0) throw new Error('payload without any identity of the sender');
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contacts:${orgId}`}))`);

  const found = await tx
    .select({
      contactId: contactIdentities.contactId,
      kind: contactIdentities.kind,
      value: contactIdentities.value,
    })
    .from(contactIdentities)
    .where(
      and(
        eq(contactIdentities.orgId, orgId),
        or(...ids.map((i) => and(eq(contactIdentities.kind, i.kind), eq(contactIdentities.value, i.value)))),
      ),
    );
  const phone = ids.find((i) => i.kind === 'phone')?.value ?? null;
  let contactId: string;
  const distinct = [...new Set(found.map((f) => f.contactId))];
  if (distinct.length === 0) {
    const [created] = await tx
      .insert(contacts)
      .values({
        orgId,
        name: peer.name?.trim() || (phone ? formatPhone(phone) : 'Contato'),
        phoneE164: phone,
      })
      .returning({ id: contacts.id });
    contactId = created.id;
  } else {
    const rows = await tx
      .select({ id: contacts.id, createdAt: contacts.createdAt })
      .from(contacts)
      .where(inArray(contacts.id, distinct))
      .orderBy(contacts.createdAt);
    contactId = rows[0].id;
    for (const other of rows.slice(1)) await mergeContact(tx, orgId, other.id, contactId);
  }
  for (const identity of ids) {
    await tx
      .insert(contactIdentities)
      .values({ orgId, contactId, ...identity })
      .onConflictDoUpdate({
        target: [contactIdentities.orgId, contactIdentities.kind, contactIdentities.value],
        set: { contactId },
      });
  }
  if (phone) {
    await tx
      .update(contacts)
      .set({ phoneE164: phone, updatedAt: new Date() })
      .where(and(eq(contacts.id, contactId), sql`${contacts.phoneE164} is null`));
  }
  return contactId;
}

/** Moves everything of `from` into `into` (identities, notes, conversations, messages) and deletes `from`. */
async function mergeContact(tx: Tx, orgId: string, from: string, into: string): Promise<void> {
  await tx.update(contactIdentities).set({ contactId: into }).where(eq(contactIdentities.contactId, from));
  await tx.update(contactNotes).set({ contactId: into }).where(eq(contactNotes.contactId, from));
  const moving = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.contactId, from)));
  for (const conv of moving) {
    const [target] =
      conv.status === 'open'
        ? await tx
            .select({ id: conversations.id })
            .from(conversations)
            .where(
              and(
                eq(conversations.contactId, into),
                eq(conversations.channelId, conv.channelId),
                eq(conversations.status, 'open'),
              ),
            )
        : [];
    if (target) {
      // Both had an open conversation on this number: one thread, as the seller would expect.
      await tx
        .update(messages)
        .set({ conversationId: target.id })
        .where(eq(messages.conversationId, conv.id));
      await tx
        .update(conversations)
        .set({
          unreadCount: sql`${conversations.unreadCount} + ${conv.unreadCount}`,
          lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${conv.lastMessageAt})`,
          lastMessageId: sql`(select id from messages m where m.conversation_id = ${target.id} order by m.created_at desc, m.seq desc limit 1)`,
        })
        .where(eq(conversations.id, target.id));
      await tx.delete(conversations).where(eq(conversations.id, conv.id));
    } else {
      await tx.update(conversations).set({ contactId: into }).where(eq(conversations.id, conv.id));
    }
  }
  await tx.delete(contacts).where(eq(contacts.id, from));
}
