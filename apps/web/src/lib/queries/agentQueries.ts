import type { Agent, AgentConfigInput, AiTaskModels, aiSettingsSchema } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { agentKeys } from '../queryKeys.ts';

export type AgentVersion = { version: number; createdAt: string; createdByName: string | null };
export type AiSettings = ReturnType<(typeof aiSettingsSchema)['parse']>;
export type AiProviderStatus = AiSettings['providers'][number];
export type AiKeyField =
  | 'openaiApiKey'
  | 'anthropicApiKey'
  | 'geminiApiKey'
  | 'compatibleBaseUrl'
  | 'compatibleApiKey'
  | 'elevenlabsApiKey';
/** Absent keeps the stored value, null clears it; `models` replaces only the tasks it names. */
export type AiSettingsBody = Partial<Record<AiKeyField, string | null>> & { models?: Partial<AiTaskModels> };

export function useAgents(orgId: string) {
  return useQuery({
    queryKey: agentKeys.all(orgId),
    queryFn: async () => (await api.get<{ agents: Agent[] }>(`/orgs/${orgId}/agents`)).agents,
  });
}

/** One agent; starts from the list's copy so the editor opens at once. */
export function useAgent(orgId: string, agentId: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: agentKeys.one(orgId, agentId ?? ''),
    enabled: Boolean(agentId),
    queryFn: () => api.get<Agent>(`/orgs/${orgId}/agents/${agentId}`),
    placeholderData: () =>
      queryClient.getQueryData<Agent[]>(agentKeys.all(orgId))?.find((a) => a.id === agentId),
  });
}

export function useAgentVersions(orgId: string, agentId: string) {
  return useQuery({
    queryKey: agentKeys.versions(orgId, agentId),
    queryFn: async () =>
      (await api.get<{ versions: AgentVersion[] }>(`/orgs/${orgId}/agents/${agentId}/versions`)).versions,
  });
}

/** Stores the agent the API returned and refreshes the list and its versions. */
function useAgentSaved(orgId: string) {
  const queryClient = useQueryClient();
  return (agent: Agent) => {
    queryClient.setQueryData(agentKeys.one(orgId, agent.id), agent);
    void queryClient.invalidateQueries({ queryKey: agentKeys.versions(orgId, agent.id) });
    return queryClient.invalidateQueries({ queryKey: agentKeys.all(orgId), exact: true });
  };
}

export function useCreateAgent(orgId: string) {
  const saved = useAgentSaved(orgId);
  return useMutation({
    mutationFn: (body: AgentConfigInput) => api.post<Agent>(`/orgs/${orgId}/agents`, body),
    onSuccess: saved,
  });
}

export function useUpdateAgent(orgId: string) {
  const saved = useAgentSaved(orgId);
  return useMutation({
    mutationFn: ({ agentId, body }: { agentId: string; body: Partial<AgentConfigInput> }) =>
      api.patch<Agent>(`/orgs/${orgId}/agents/${agentId}`, body),
    onSuccess: saved,
  });
}

export function useSetAgentActive(orgId: string) {
  const saved = useAgentSaved(orgId);
  return useMutation({
    mutationFn: ({ agentId, active }: { agentId: string; active: boolean }) =>
      api.post<Agent>(`/orgs/${orgId}/agents/${agentId}/active`, { active }),
    onSuccess: saved,
  });
}

export function useDeleteAgent(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agentId: string) => api.delete(`/orgs/${orgId}/agents/${agentId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentKeys.all(orgId), exact: true }),
  });
}

export function useAiSettings(orgId: string) {
  return useQuery({
    queryKey: agentKeys.aiSettings(orgId),
    queryFn: () => api.get<AiSettings>(`/orgs/${orgId}/ai-settings`),
  });
}

/** New keys change whether agents can answer: their notReadyReason is refreshed too. */
export function useUpdateAiSettings(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AiSettingsBody) => api.put<AiSettings>(`/orgs/${orgId}/ai-settings`, body),
    onSuccess: (settings) => {
      queryClient.setQueryData(agentKeys.aiSettings(orgId), settings);
      return queryClient.invalidateQueries({ queryKey: agentKeys.all(orgId) });
    },
  });
}
