import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './apiClient.ts';
import { meQueryKey } from './queryKeys.ts';

/**
 * A 401 from any call means the session is gone: clearing "me" makes the auth guard send the
 * person to /entrar. Client errors (4xx) are not retried; they will not get better by waiting.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleUnauthorized }),
  mutationCache: new MutationCache({ onError: handleUnauthorized }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
  },
});

function handleUnauthorized(error: unknown) {
  if (isApiError(error, 401)) queryClient.setQueryData(meQueryKey, null);
}
