import { createHash, randomBytes } from 'node:crypto';
import type {
  CreateInvitationBody,
  Invitation,
  InvitationPreview,
  Membership,
  Role,
} from '@piloto/contracts';
import { createInvitationBodySchema, hasRole } from '@piloto/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { invitations, members, orgs, users } from '../../db/schema/index.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Mailer } from '../../platform/mail.ts';
import { invitationMail } from '../../platform/mailTemplates.ts';
import type { MemberContext } from '../../platform/tenancy.ts';

const INVITATION_DAYS = 7;
export const roleLabels: Record<Role, string> = {
  owner: 'proprietário',
  admin: 'administrador',
  seller: 'vendedor',
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const expiry = () => new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);

type InvitationRow = typeof invitations.$inferSelect;

function effectiveStatus(row: Pick<InvitationRow, 'status' | 'expiresAt'>): Invitation['status'] {
  return row.status === 'pending' && row.expiresAt.getTime() < Date.now() ? 'expired' : row.status;
}

export function createInvitationsService(deps: { db: Db; mailer: Mailer; config: Config }) {
  const { db, mailer, config } = deps;

  const listColumns = {
    id: invitations.id,
    email: invitations.email,
    role: invitations.role,
    status: invitations.status,
    invitedByName: users.name,
    expiresAt: invitations.expiresAt,
    createdAt: invitations.createdAt,
  };

  async function loadInvitation(orgId: string, invitationId: string) {
    const [row] = await db
      .select(listColumns)
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(and(eq(invitations.orgId, orgId), eq(invitations.id, invitationId)));
    if (!row) throw notFound('Convite não encontrado');
    return row;
  }

  const toInvitation = (row: Awaited<ReturnType<typeof loadInvitation>>): Invitation => ({
    ...row,
    status: effectiveStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  });

  async function mailInvitation(
    orgId: string,
    email: string,
    role: Role,
    inviterUserId: string,
    token: string,
  ) {
    const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
    const [inviter] = await db.select({ name: users.name }).from(users).where(eq(users.id, inviterUserId));
    await mailer.send(
      invitationMail(
        email,
        org.name,
        inviter?.name ?? 'Sua equipe',
        roleLabels[role],
        `${config.appUrl}/convite/${token}`,
      ),
    );
  }

  async function findByToken(token: string) {
    const [row] = await db
      .select({ invitation: invitations, orgName: orgs.name, invitedByName: users.name })
      .from(invitations)
      .innerJoin(orgs, eq(orgs.id, invitations.orgId))
      .leftJoin(users, eq(users.id, invitations.invitedByUserId))
      .where(eq(invitations.tokenHash, hashToken(token)));
    if (!row) throw notFound('Convite não encontrado ou link inválido');
    return row;
  }

  function assertAcceptable(invitation: InvitationRow): void {
    const status = effectiveStatus(invitation);
    if (status === 'expired')
      throw new AppError(410, 'INVITATION_EXPIRED', 'Este convite expirou. Peça um novo ao administrador.');
    if (status === 'revoked') throw new AppError(410, 'INVITATION_REVOKED', 'Este convite foi cancelado.');
    if (status === 'accepted') throw conflict('INVITATION_ALREADY_ACCEPTED', 'Este convite já foi aceito.');
  }

  return {
    async list(orgId: string): Promise<Invitation[]> {
      const rows = await db
        .select(listColumns)
        .from(invitations)
        .leftJoin(users, eq(users.id, invitations.invitedByUserId))
        .where(and(eq(invitations.orgId, orgId), eq(invitations.status, 'pending')))
        .orderBy(desc(invitations.createdAt));
      return rows.map(toInvitation);
    },

    async create(actor: MemberContext, input: CreateInvitationBody): Promise<Invitation> {
      const { email, role } = createInvitationBodySchema.parse(input);
      if (role === 'owner' && !hasRole(actor.role, 'owner'))
        throw forbidden('Só um proprietário pode convidar proprietários');
      const [existing] = await db
        .select({ status: members.status })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(and(eq(members.orgId, actor.orgId), eq(sql`lower(${users.email})`, email)));
      if (existing?.status === 'active')
        throw conflict('ALREADY_MEMBER', 'Esta pessoa já faz parte da equipe.');
      const token = newToken();
      const id = await db.transaction(async (tx) => {
        // A new invitation to the same address replaces the pending one: one valid link per person.
        await tx
          .update(invitations)
          .set({ status: 'revoked' })
          .where(
            and(
              eq(invitations.orgId, actor.orgId),
              eq(invitations.email, email),
              eq(invitations.status, 'pending'),
            ),
          );
        const [row] = await tx
          .insert(invitations)
          .values({
            orgId: actor.orgId,
            email,
            role,
            tokenHash: hashToken(token),
            invitedByUserId: actor.userId,
            expiresAt: expiry(),
          })
          .returning({ id: invitations.id });
        return row.id;
      });
      await mailInvitation(actor.orgId, email, role, actor.userId, token);
      return toInvitation(await loadInvitation(actor.orgId, id));
    },

    /** A fresh link and expiry; the old link stops working. */
    async resend(actor: MemberContext, invitationId: string): Promise<Invitation> {
      const current = await loadInvitation(actor.orgId, invitationId);
      if (current.status !== 'pending')
        throw conflict('INVITATION_NOT_PENDING', 'Só é possível reenviar convites pendentes.');
      if (current.role === 'owner' && !hasRole(actor.role, 'owner'))
        throw forbidden('Só um proprietário pode convidar proprietários');
      const token = newToken();
      await db
        .update(invitations)
        .set({ tokenHash: hashToken(token), expiresAt: expiry(), invitedByUserId: actor.userId })
        .where(and(eq(invitations.orgId, actor.orgId), eq(invitations.id, invitationId)));
      await mailInvitation(actor.orgId, current.email, current.role, actor.userId, token);
      return toInvitation(await loadInvitation(actor.orgId, invitationId));
    },

    async revoke(actor: MemberContext, invitationId: string): Promise<void> {
      const current = await loadInvitation(actor.orgId, invitationId);
      if (current.status !== 'pending')
        throw conflict('INVITATION_NOT_PENDING', 'Este convite não está mais pendente.');
      await db
        .update(invitations)
        .set({ status: 'revoked' })
        .where(and(eq(invitations.orgId, actor.orgId), eq(invitations.id, invitationId)));
    },

    async preview(token: string): Promise<InvitationPreview> {
      const { invitation, orgName, invitedByName } = await findByToken(token);
      const [account] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, invitation.email));
      return {
        orgName,
        email: invitation.email,
        role: invitation.role,
        status: effectiveStatus(invitation),
        invitedByName,
        expiresAt: invitation.expiresAt.toISOString(),
        accountExists: Boolean(account),
      };
    },

    /** The signed-in person joins the company; the link proves they own the invited address. */
    async accept(token: string, user: { id: string; email: string }): Promise<Membership> {
      const { invitation, orgName } = await findByToken(token);
      assertAcceptable(invitation);
      if (user.email.toLowerCase() !== invitation.email) {
        throw new AppError(
          403,
          'INVITATION_EMAIL_MISMATCH',
          `Este convite foi enviado para ${invitation.email}. Entre com esse e-mail para aceitá-lo.`,
        );
      }
      return db.transaction(async (tx) => {
        const [member] = await tx
          .insert(members)
          .values({ orgId: invitation.orgId, userId: user.id, role: invitation.role })
          .onConflictDoUpdate({
            target: [members.orgId, members.userId],
            set: { role: invitation.role, status: 'active', updatedAt: new Date() },
          })
          .returning({ id: members.id });
        await tx
          .update(invitations)
          .set({ status: 'accepted', acceptedAt: new Date(), acceptedByUserId: user.id })
          .where(eq(invitations.id, invitation.id));
        await tx.update(users).set({ emailVerified: true }).where(eq(users.id, user.id));
        return { memberId: member.id, orgId: invitation.orgId, orgName, role: invitation.role };
      });
    },

    async emailForSignUp(token: string): Promise<string> {
      const { invitation } = await findByToken(token);
      assertAcceptable(invitation);
      const [account] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, invitation.email));
      if (account)
        throw conflict(
          'ACCOUNT_EXISTS',
          'Já existe uma conta com este e-mail. Entre para aceitar o convite.',
        );
      return invitation.email;
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
