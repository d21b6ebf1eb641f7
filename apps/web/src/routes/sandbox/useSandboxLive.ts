import type { InboxEvent } from '@piloto/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { channelKeys } from '@/lib/queryKeys.ts';
import { useOrgEvents } from '@/lib/useOrgEvents.ts';

/**
 * Refreshes the simulator when the inbox side (or the AI) sends or the statuses change.
 * `onEvent` lets a page react to the same stream (one connection) — e.g. the playground's traces.
 */
export function useSandboxLive(
  orgId: string,
  channelId: string,
  onEvent?: (event: InboxEvent | null) => void,
) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: [...channelKeys.all(orgId), channelId, 'sandbox'] });
  useOrgEvents(orgId, {
    onEvent: (event) => {
      if (event.type === 'message.created' || event.type === 'message.updated') void refresh();
      onEvent?.(event);
    },
    onReconnect: () => {
      void refresh();
      onEvent?.(null);
    },
  });
}
