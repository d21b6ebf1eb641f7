import { useQuery } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { configQueryKey } from '../queryKeys.ts';

export type PublicConfig = { googleEnabled: boolean; devMailbox: boolean };

export function useConfig() {
  return useQuery({
    queryKey: configQueryKey,
    queryFn: () => api.get<PublicConfig>('/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
