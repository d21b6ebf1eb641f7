import type { Trace, traceListItemSchema, traceStatusSchema } from '@piloto/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../apiClient.ts';
import { traceKeys } from '../queryKeys.ts';

export type TraceListItem = ReturnType<(typeof traceListItemSchema)['parse']>;
export type TraceStatus = ReturnType<(typeof traceStatusSchema)['parse']>;
export type TraceFilter = { agentId?: string; status?: TraceStatus; conversationId?: string };
type TracePage = { traces: TraceListItem[]; nextCursor: string | null };

export function useTraces(orgId: string, filter: TraceFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: traceKeys.list(orgId, filter),
    enabled: options.enabled ?? true,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<TracePage>(`/orgs/${orgId}/traces${toQueryString({ ...filter, cursor: pageParam })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useTrace(orgId: string, traceId: string) {
  return useQuery({
    queryKey: traceKeys.one(orgId, traceId),
    queryFn: () => api.get<Trace>(`/orgs/${orgId}/traces/${traceId}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
