import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authClient } from '../authClient.ts';
import { type AuthClientError, authErrorMessage } from '../authErrors.ts';
import { currentSessionQueryKey, meQueryKey, sessionsQueryKey } from '../queryKeys.ts';

export class AuthActionError extends Error {
  readonly code: string | undefined;
  readonly status: number;
  constructor(error: AuthClientError) {
    super(authErrorMessage(error));
    this.name = 'AuthActionError';
    this.code = error.code;
    this.status = error.status;
  }
}

/** Turns better-auth's `{ data, error }` answers into a value or a thrown pt-BR error. */
export async function unwrapAuth<T>(
  promise: Promise<{ data: T | null; error: AuthClientError | null }>,
): Promise<T> {
  const { data, error } = await promise;
  if (error) throw new AuthActionError(error);
  return data as T;
}

export type AuthSession = {
  id: string;
  token: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  expiresAt: string | Date;
};

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: async () => (await unwrapAuth(authClient.listSessions())) as unknown as AuthSession[],
  });
}

export function useCurrentSession() {
  return useQuery({
    queryKey: currentSessionQueryKey,
    queryFn: async () => {
      const data = await unwrapAuth(authClient.getSession());
      return (data?.session ?? null) as unknown as AuthSession | null;
    },
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => unwrapAuth(authClient.revokeSession({ token })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapAuth(authClient.revokeOtherSessions()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean }) =>
      unwrapAuth(authClient.changePassword(vars)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth'] }),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { name: string }) => unwrapAuth(authClient.updateUser(vars)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapAuth(authClient.signOut()),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
