import type { CreateInvitationBody, Invitation, Member, UpdateMemberBody } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { meQueryKey, orgKeys } from '../queryKeys.ts';

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: orgKeys.members(orgId),
    queryFn: async () => (await api.get<{ members: Member[] }>(`/orgs/${orgId}/members`)).members,
  });
}

export function useUpdateMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: UpdateMemberBody }) =>
      api.patch<Member>(`/orgs/${orgId}/members/${memberId}`, body),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.members(orgId) });
      // Changing one's own role changes what the shell shows.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useInvitations(orgId: string) {
  return useQuery({
    queryKey: orgKeys.invitations(orgId),
    queryFn: async () =>
      (await api.get<{ invitations: Invitation[] }>(`/orgs/${orgId}/invitations`)).invitations,
  });
}

function useInvitationMutation<TVars>(orgId: string, mutationFn: (vars: TVars) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: orgKeys.invitations(orgId) }),
  });
}

export function useCreateInvitation(orgId: string) {
  return useInvitationMutation(orgId, (body: CreateInvitationBody) =>
    api.post<Invitation>(`/orgs/${orgId}/invitations`, body),
  );
}

export function useResendInvitation(orgId: string) {
  return useInvitationMutation(orgId, (invitationId: string) =>
    api.post<Invitation>(`/orgs/${orgId}/invitations/${invitationId}/resend`),
  );
}

export function useRevokeInvitation(orgId: string) {
  return useInvitationMutation(orgId, (invitationId: string) =>
    api.delete(`/orgs/${orgId}/invitations/${invitationId}`),
  );
}
