/** Every query key in one place; org data is keyed by org so switching companies never mixes caches. */
export const meQueryKey = ['me'] as const;
export const configQueryKey = ['config'] as const;
export const sessionsQueryKey = ['auth', 'sessions'] as const;
export const currentSessionQueryKey = ['auth', 'currentSession'] as const;
export const devMailsQueryKey = ['dev', 'mails'] as const;

export const orgKeys = {
  all: (orgId: string) => ['orgs', orgId] as const,
  org: (orgId: string) => ['orgs', orgId, 'org'] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
};

export const invitationPreviewKey = (token: string) => ['invitations', token] as const;
