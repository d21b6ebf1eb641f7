import type {
  Channel,
  ChannelStatus,
  CreateChannelBody,
  UpdateChannelBody,
  WebhookEventRow,
} from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { channelKeys } from '../queryKeys.ts';

export function useChannels(orgId: string) {
  return useQuery({
    queryKey: channelKeys.all(orgId),
    queryFn: async () => (await api.get<{ channels: Channel[] }>(`/orgs/${orgId}/channels`)).channels,
  });
}

/** Every change to a channel refreshes the list (statuses, counters, previews come from the API). */
function useChannelMutation<TVars, TResult>(orgId: string, mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelKeys.all(orgId) }),
  });
}

export function useCreateChannel(orgId: string) {
  return useChannelMutation(orgId, (body: CreateChannelBody) =>
    api.post<Channel>(`/orgs/${orgId}/channels`, body),
  );
}

export function useUpdateChannel(orgId: string) {
  return useChannelMutation(orgId, ({ channelId, body }: { channelId: string; body: UpdateChannelBody }) =>
    api.patch<Channel>(`/orgs/${orgId}/channels/${channelId}`, body),
  );
}

export function useDeleteChannel(orgId: string) {
  return useChannelMutation(orgId, (channelId: string) => api.delete(`/orgs/${orgId}/channels/${channelId}`));
}

export function useCheckChannel(orgId: string) {
  return useChannelMutation(orgId, (channelId: string) =>
    api.post<{ status: ChannelStatus; detail: string | null }>(`/orgs/${orgId}/channels/${channelId}/check`),
  );
}

export function useRejectedWebhooks(orgId: string, channelId: string, enabled: boolean) {
  return useQuery({
    queryKey: channelKeys.webhookEvents(orgId, channelId),
    enabled,
    queryFn: async () =>
      (
        await api.get<{ events: WebhookEventRow[] }>(
          `/orgs/${orgId}/channels/${channelId}/webhook-events?status=rejected`,
        )
      ).events,
  });
}
