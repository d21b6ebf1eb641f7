import type { Contact, Label, QuickReply, Upload } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { inboxKeys, orgKeys } from '../queryKeys.ts';

export type Teammate = { memberId: string; name: string; role: string };
export type ContactNote = { id: string; text: string; authorName: string | null; createdAt: string };

const long = 5 * 60_000;

export function useTeam(orgId: string) {
  return useQuery({
    queryKey: orgKeys.team(orgId),
    staleTime: long,
    queryFn: async () => (await api.get<{ teammates: Teammate[] }>(`/orgs/${orgId}/team`)).teammates,
  });
}

export function useLabels(orgId: string) {
  return useQuery({
    queryKey: inboxKeys.labels(orgId),
    staleTime: long,
    queryFn: async () => (await api.get<{ labels: Label[] }>(`/orgs/${orgId}/labels`)).labels,
  });
}

export function useCreateLabel(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; color: string }) => api.post<Label>(`/orgs/${orgId}/labels`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.labels(orgId) }),
  });
}

export function useQuickReplies(orgId: string) {
  return useQuery({
    queryKey: inboxKeys.quickReplies(orgId),
    staleTime: long,
    queryFn: async () =>
      (await api.get<{ quickReplies: QuickReply[] }>(`/orgs/${orgId}/quick-replies`)).quickReplies,
  });
}

function useQuickReplyMutation<TVars>(orgId: string, mutationFn: (vars: TVars) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.quickReplies(orgId) }),
  });
}

export function useCreateQuickReply(orgId: string) {
  return useQuickReplyMutation(orgId, (body: { shortcut: string; text: string }) =>
    api.post<QuickReply>(`/orgs/${orgId}/quick-replies`, body),
  );
}

export function useDeleteQuickReply(orgId: string) {
  return useQuickReplyMutation(orgId, (id: string) => api.delete(`/orgs/${orgId}/quick-replies/${id}`));
}

export function useContactNotes(orgId: string, contactId: string) {
  return useQuery({
    queryKey: inboxKeys.notes(orgId, contactId),
    queryFn: async () =>
      (await api.get<{ notes: ContactNote[] }>(`/orgs/${orgId}/contacts/${contactId}/notes`)).notes,
  });
}

export function useAddContactNote(orgId: string, contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      api.post<ContactNote>(`/orgs/${orgId}/contacts/${contactId}/notes`, { text }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.notes(orgId, contactId) }),
  });
}

/** A new name shows in the open conversation and in every list. */
export function useRenameContact(orgId: string, contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.patch<Contact>(`/orgs/${orgId}/contacts/${contactId}`, { name }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: ({ queryKey: [scope, id, kind, part] }) =>
          scope === 'orgs' && id === orgId && kind === 'conversations' && part !== 'messages',
      }),
  });
}

export const maxUploadBytes = 16 * 1024 * 1024;

export function useUpload(orgId: string) {
  return useMutation({
    mutationFn: ({ file, fileName }: { file: Blob; fileName?: string }) =>
      api.upload<Upload>(`/orgs/${orgId}/uploads`, file, fileName),
  });
}
