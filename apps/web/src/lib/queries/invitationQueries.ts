import type { InvitationPreview, InvitationSignUpBody, Membership } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { invitationPreviewKey, meQueryKey } from '../queryKeys.ts';

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: invitationPreviewKey(token),
    queryFn: () => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Membership>(`/invitations/${encodeURIComponent(token)}/accept`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useInvitationSignUp(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationSignUpBody) =>
      api.post<Membership>(`/invitations/${encodeURIComponent(token)}/sign-up`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
