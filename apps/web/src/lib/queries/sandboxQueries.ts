import type { Message } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { channelKeys } from '../queryKeys.ts';

/** The simulated lead's chat with a sandbox number (business perspective: inbound = the lead's). */
export function useSandboxMessages(orgId: string, channelId: string, leadPhone: string) {
  return useQuery({
    queryKey: channelKeys.sandbox(orgId, channelId, leadPhone),
    queryFn: async () =>
      (
        await api.get<{ messages: Message[] }>(
          `/orgs/${orgId}/channels/${channelId}/sandbox?leadPhone=${encodeURIComponent(leadPhone)}`,
        )
      ).messages,
    enabled: leadPhone !== '',
  });
}

export function useSandboxSend(orgId: string, channelId: string, leadPhone: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { leadName: string; text?: string; uploadId?: string; voice?: boolean }) =>
      api.post<void>(`/orgs/${orgId}/channels/${channelId}/sandbox/messages`, { leadPhone, ...body }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: channelKeys.sandbox(orgId, channelId, leadPhone) }),
  });
}

export function useSandboxRead(orgId: string, channelId: string, leadPhone: string) {
  return useMutation({
    mutationFn: () => api.post<void>(`/orgs/${orgId}/channels/${channelId}/sandbox/read`, { leadPhone }),
  });
}
