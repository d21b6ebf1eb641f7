import type { CreateOrgBody, Me, Member, Org, UpdateMemberBody, UpdateOrgBody } from '@piloto/contracts';
import { createOrgBodySchema, hasRole } from '@piloto/contracts';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { members, orgs, users } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { MemberContext } from '../../platform/tenancy.ts';
import { createTtlCache } from '../../platform/ttlCache.ts';

type OrgRow = typeof orgs.$inferSelect;

export const toOrg = (row: OrgRow): Org => ({
  id: row.id,
  name: row.name,
  timeZone: row.timeZone,
  businessHours: row.businessHours,
  createdAt: row.createdAt.toISOString(),
});

/** Every AI turn reads the company (name, hours, time zone): kept this long per process. */
const ORG_CACHE_TTL_MS = 5_000;

export function createOrgsService(db: Db) {
  const orgRows = createTtlCache<OrgRow>(ORG_CACHE_TTL_MS);
  const memberColumns = {
    id: members.id,
    userId: members.userId,
    name: users.name,
    email: users.email,
    image: users.image,
    role: members.role,
    status: members.status,
    createdAt: members.createdAt,
  };
  const toMember = (row: { createdAt: Date } & Omit<Member, 'createdAt'>): Member => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
  });

  // Inside a transaction, pass the transaction: on PGlite a second connection would wait for it forever.
  async function getMember(orgId: string, memberId: string, q: Pick<Db, 'select'> = db) {
    const [row] = await q
      .select(memberColumns)
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
    if (!row) throw notFound('Membro não encontrado');
    return row;
  }

  return {
    async createOrg(userId: string, input: CreateOrgBody): Promise<Org> {
      const body = createOrgBodySchema.parse(input);
      return db.transaction(async (tx) => {
        const [org] = await tx.insert(orgs).values(body).returning();
        await tx.insert(members).values({ orgId: org.id, userId, role: 'owner' });
        return toOrg(org);
      });
    },

    async getOrg(orgId: string): Promise<Org> {
      const [row] = await db.select().from(orgs).where(eq(orgs.id, orgId));
      if (!row) throw notFound('Empresa não encontrada');
      return toOrg(row);
    },

    async updateOrg(orgId: string, patch: UpdateOrgBody): Promise<Org> {
      const [row] = await db
        .update(orgs)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(orgs.id, orgId))
        .returning();
      orgRows.delete(orgId);
      if (!row) throw notFound('Empresa não encontrada');
      return toOrg(row);
    },

    /** The company's row as the AI turn reads it (cached briefly; updateOrg clears it). */
    orgRow(orgId: string): Promise<OrgRow> {
      return orgRows.get(orgId, async () => {
        const [row] = await db.select().from(orgs).where(eq(orgs.id, orgId));
        if (!row) throw notFound('Empresa não encontrada');
        return row;
      });
    },

    async getMe(userId: string): Promise<Me> {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) throw notFound('Usuário não encontrado');
      const rows = await db
        .select({ memberId: members.id, orgId: orgs.id, orgName: orgs.name, role: members.role })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(and(eq(members.userId, userId), eq(members.status, 'active')))
        .orderBy(asc(orgs.name));
      return {
        user: {
          id: user.id,
          name: user.name,
          email: user.email,
          emailVerified: user.emailVerified,
          image: user.image,
        },
        memberships: rows,
      };
    },

    async listMembers(orgId: string): Promise<Member[]> {
      const rows = await db
        .select(memberColumns)
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(eq(members.orgId, orgId))
        .orderBy(asc(users.name));
      return rows.map(toMember);
    },

    /** Role and status changes, with the rules that keep a company manageable. */
    async updateMember(actor: MemberContext, memberId: string, patch: UpdateMemberBody): Promise<Member> {
      return db.transaction(async (tx) => {
        const target = await getMember(actor.orgId, memberId, tx);
        const touchesOwner = target.role === 'owner' || patch.role === 'owner';
        if (touchesOwner && !hasRole(actor.role, 'owner')) {
          throw forbidden('Só um proprietário pode alterar proprietários');
        }
        if (target.id === actor.memberId && patch.status === 'inactive') {
          throw new AppError(400, 'CANNOT_DEACTIVATE_SELF', 'Você não pode desativar a si mesmo');
        }
        const losesOwner =
          target.role === 'owner' &&
          target.status === 'active' &&
          ((patch.role && patch.role !== 'owner') || patch.status === 'inactive');
        if (losesOwner) {
          const others = await tx
            .select({ id: members.id })
            .from(members)
            .where(
              and(
                eq(members.orgId, actor.orgId),
                eq(members.role, 'owner'),
                eq(members.status, 'active'),
                ne(members.id, target.id),
              ),
            )
            .for('update');
          if (others.length === 0) {
            throw new AppError(409, 'LAST_OWNER', 'A empresa precisa de pelo menos um proprietário ativo');
          }
        }
        await tx
          .update(members)
          .set({ ...patch, updatedAt: new Date() })
          .where(and(eq(members.orgId, actor.orgId), eq(members.id, memberId)));
        return toMember({ ...target, ...patch });
      });
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
