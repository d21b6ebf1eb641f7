import type { Me } from '@piloto/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../apiClient.ts';
import { meQueryKey } from '../queryKeys.ts';

/** Who is signed in; null when signed out (the API answers 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}
