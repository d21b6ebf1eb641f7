import type { CreateOrgBody, Org, UpdateOrgBody } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { meQueryKey, orgKeys } from '../queryKeys.ts';

export function useOrg(orgId: string) {
  return useQuery({ queryKey: orgKeys.org(orgId), queryFn: () => api.get<Org>(`/orgs/${orgId}`) });
}

export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrgBody) => api.post<Org>('/orgs', body),
    onSuccess: async (org) => {
      queryClient.setQueryData(orgKeys.org(org.id), org);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useUpdateOrg(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrgBody) => api.patch<Org>(`/orgs/${orgId}`, body),
    onSuccess: async (org) => {
      queryClient.setQueryData(orgKeys.org(orgId), org);
      // The company name also lives in the memberships shown by the switcher.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
