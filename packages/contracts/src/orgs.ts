import { z } from 'zod';

export const roles = ['owner', 'admin', 'seller'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles ordered by power; a route names the least role it accepts. */
export const roleRank: Record<Role, number> = { seller: 1, admin: 2, owner: 3 };
export function hasRole(role: Role, atLeast: Role): boolean {
  return roleRank[role] >= roleRank[atLeast];
}

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(weekdays);
export type Weekday = z.infer<typeof weekdaySchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use o formato HH:MM');

export const dayHoursSchema = z
  .object({ open: z.boolean(), start: hhmm, end: hhmm })
  .refine((d) => !d.open || d.start < d.end, {
    message: 'O horário de término deve ser depois do início',
    path: ['end'],
  });
export type DayHours = z.infer<typeof dayHoursSchema>;

export const businessHoursSchema = z.object({
  mon: dayHoursSchema,
  tue: dayHoursSchema,
  wed: dayHoursSchema,
  thu: dayHoursSchema,
  fri: dayHoursSchema,
  sat: dayHoursSchema,
  sun: dayHoursSchema,
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const defaultBusinessHours: BusinessHours = {
  mon: { open: true, start: '09:00', end: '18:00' },
  tue: { open: true, start: '09:00', end: '18:00' },
  wed: { open: true, start: '09:00', end: '18:00' },
  thu: { open: true, start: '09:00', end: '18:00' },
  fri: { open: true, start: '09:00', end: '18:00' },
  sat: { open: false, start: '09:00', end: '13:00' },
  sun: { open: false, start: '09:00', end: '13:00' },
};

export const defaultTimeZone = 'America/Sao_Paulo';

export const timeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Fuso horário inválido' },
);

export const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  businessHours: businessHoursSchema,
  createdAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;

const orgName = z.string().trim().min(2, 'Informe o nome da empresa (mínimo 2 caracteres)').max(120);

export const createOrgBodySchema = z.object({
  name: orgName,
  timeZone: timeZoneSchema.default(defaultTimeZone),
  businessHours: businessHoursSchema.default(defaultBusinessHours),
});
export type CreateOrgBody = z.input<typeof createOrgBodySchema>;

export const updateOrgBodySchema = z
  .object({ name: orgName, timeZone: timeZoneSchema, businessHours: businessHoursSchema })
  .partial();
export type UpdateOrgBody = z.infer<typeof updateOrgBodySchema>;

export const memberStatusSchema = z.enum(['active', 'inactive']);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  image: z.string().nullable(),
  role: roleSchema,
  status: memberStatusSchema,
  createdAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const updateMemberBodySchema = z
  .object({ role: roleSchema, status: memberStatusSchema })
  .partial()
  .refine((b) => b.role !== undefined || b.status !== undefined, {
    message: 'Informe o papel ou a situação',
  });
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: invitationStatusSchema,
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationBodySchema = z.object({
  email: z.email('E-mail inválido').trim().toLowerCase(),
  role: roleSchema.default('seller'),
});
export type CreateInvitationBody = z.input<typeof createInvitationBodySchema>;

/** What the public invite page shows before the person signs in. */
export const invitationPreviewSchema = z.object({
  orgName: z.string(),
  email: z.string(),
  role: roleSchema,
  status: invitationStatusSchema,
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const invitationSignUpBodySchema = z.object({
  name: z.string().trim().min(2, 'Informe seu nome').max(120),
  password: z.string().min(8, 'A senha precisa de pelo menos 8 caracteres').max(128),
});
export type InvitationSignUpBody = z.infer<typeof invitationSignUpBodySchema>;

export const membershipSchema = z.object({
  memberId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  role: roleSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    image: z.string().nullable(),
  }),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;
