import type { Voice } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { voiceKeys } from '../queryKeys.ts';

/** OpenAI's ready-made TTS voices, offered in "Usar voz pronta". */
export const openAiStockVoices = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'verse',
] as const;

export const maxVoiceSamples = 10;
export const maxVoiceSampleBytes = 10 * 1024 * 1024;

export function useVoices(orgId: string) {
  return useQuery({
    queryKey: voiceKeys.all(orgId),
    queryFn: async () => (await api.get<{ voices: Voice[] }>(`/orgs/${orgId}/voices`)).voices,
  });
}

function useVoicesChanged(orgId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: voiceKeys.all(orgId) });
}

/** Clones a voice at ElevenLabs from recordings, with the speaker's consent (fields go before files). */
export function useCloneVoice(orgId: string) {
  const changed = useVoicesChanged(orgId);
  return useMutation({
    mutationFn: (input: { name: string; speakerName: string; samples: File[] }) => {
      const form = new FormData();
      form.append('name', input.name);
      form.append('speakerName', input.speakerName);
      form.append('consent', 'true');
      for (const sample of input.samples) form.append('samples', sample, sample.name);
      return api.postForm<Voice>(`/orgs/${orgId}/voices`, form);
    },
    onSuccess: changed,
  });
}

export function useAddStockVoice(orgId: string) {
  const changed = useVoicesChanged(orgId);
  return useMutation({
    mutationFn: (body: { name: string; providerVoiceId: string }) =>
      api.post<Voice>(`/orgs/${orgId}/voices/stock`, { ...body, provider: 'openai' }),
    onSuccess: changed,
  });
}

export function useDeleteVoice(orgId: string) {
  const changed = useVoicesChanged(orgId);
  return useMutation({
    mutationFn: (voiceId: string) => api.delete(`/orgs/${orgId}/voices/${voiceId}`),
    onSuccess: changed,
  });
}

/** Speaks a sentence with the voice; the audio comes back as a Blob (OGG/Opus). */
export function useVoicePreview(orgId: string) {
  return useMutation({
    mutationFn: ({ voiceId, text }: { voiceId: string; text: string }) =>
      api.postForBlob(`/orgs/${orgId}/voices/${voiceId}/preview`, { text }),
  });
}
