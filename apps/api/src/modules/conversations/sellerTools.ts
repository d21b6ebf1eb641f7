import type { Contact, Label, QuickReply } from '@piloto/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  contactIdentities,
  contactNotes,
  contacts,
  labels,
  members,
  quickReplies,
  users,
} from '../../db/schema/index.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { EventBus } from '../../platform/realtime.ts';
import { presentContact } from './service.ts';

/** The small things around a conversation: labels, contact notes, quick replies, the team list. */
export function createSellerTools(deps: { db: Db; bus: EventBus }) {
  const { db } = deps;

  async function contactRow(orgId: string, contactId: string) {
    const [row] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
    if (!row) throw notFound('Contato não encontrado');
    return row;
  }

  return {
    async createLabel(orgId: string, input: { name: string; color: string }): Promise<Label> {
      const [row] = await db
        .insert(labels)
        .values({ orgId, ...input })
        .onConflictDoNothing()
        .returning({ id: labels.id, name: labels.name, color: labels.color });
      if (!row) throw conflict('LABEL_EXISTS', 'Já existe uma etiqueta com esse nome');
      return row;
    },
    async deleteLabel(orgId: string, labelId: string): Promise<void> {
      const rows = await db
        .delete(labels)
        .where(and(eq(labels.orgId, orgId), eq(labels.id, labelId)))
        .returning({ id: labels.id });
      if (!rows.length) throw notFound('Etiqueta não encontrada');
    },

    async renameContact(orgId: string, contactId: string, name: string): Promise<Contact> {
      await contactRow(orgId, contactId);
      const [row] = await db
        .update(contacts)
        .set({ name, updatedAt: new Date() })
        .where(eq(contacts.id, contactId))
        .returning();
      const identities = await db
        .select({ kind: contactIdentities.kind, value: contactIdentities.value })
        .from(contactIdentities)
        .where(eq(contactIdentities.contactId, contactId));
      return presentContact(row, identities);
    },

    async listNotes(orgId: string, contactId: string) {
      await contactRow(orgId, contactId);
      const rows = await db
        .select({
          id: contactNotes.id,
          text: contactNotes.text,
          authorName: users.name,
          createdAt: contactNotes.createdAt,
        })
        .from(contactNotes)
        .leftJoin(members, eq(members.id, contactNotes.authorMemberId))
        .leftJoin(users, eq(users.id, members.userId))
        .where(and(eq(contactNotes.orgId, orgId), eq(contactNotes.contactId, contactId)))
        .orderBy(desc(contactNotes.createdAt));
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },
    async addNote(orgId: string, contactId: string, authorMemberId: string, text: string) {
      await contactRow(orgId, contactId);
      const [row] = await db
        .insert(contactNotes)
        .values({ orgId, contactId, authorMemberId, text })
        .returning();
      const [author] = await db
        .select({ name: users.name })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(eq(members.id, authorMemberId));
      return {
        id: row.id,
        text: row.text,
        authorName: author?.name ?? null,
        createdAt: row.createdAt.toISOString(),
      };
    },

    async listQuickReplies(orgId: string): Promise<QuickReply[]> {
      return db
        .select({ id: quickReplies.id, shortcut: quickReplies.shortcut, text: quickReplies.text })
        .from(quickReplies)
        .where(eq(quickReplies.orgId, orgId))
        .orderBy(quickReplies.shortcut);
    },
    async createQuickReply(orgId: string, input: { shortcut: string; text: string }): Promise<QuickReply> {
      const [row] = await db
        .insert(quickReplies)
        .values({ orgId, ...input })
        .onConflictDoNothing()
        .returning({ id: quickReplies.id, shortcut: quickReplies.shortcut, text: quickReplies.text });
      if (!row) throw conflict('QUICK_REPLY_EXISTS', `Já existe uma resposta rápida /${input.shortcut}`);
      return row;
    },
    async deleteQuickReply(orgId: string, id: string): Promise<void> {
      const rows = await db
        .delete(quickReplies)
        .where(and(eq(quickReplies.orgId, orgId), eq(quickReplies.id, id)))
        .returning({ id: quickReplies.id });
      if (!rows.length) throw notFound('Resposta rápida não encontrada');
    },

    async team(orgId: string) {
      return db
        .select({ memberId: members.id, name: users.name, role: members.role })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(and(eq(members.orgId, orgId), eq(members.status, 'active')))
        .orderBy(users.name);
    },
  };
}

export type SellerTools = ReturnType<typeof createSellerTools>;
