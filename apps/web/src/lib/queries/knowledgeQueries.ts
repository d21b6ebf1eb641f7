import type {
  KnowledgeCollection,
  KnowledgeDocument,
  knowledgeChunkSchema,
  knowledgeSearchResponseSchema,
  LearnedAnswer,
} from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../apiClient.ts';
import { knowledgeKeys } from '../queryKeys.ts';

export type KnowledgeChunk = ReturnType<(typeof knowledgeChunkSchema)['parse']>;
export type KnowledgeDocumentWithChunks = KnowledgeDocument & { chunks: KnowledgeChunk[] };
export type KnowledgeSearchResponse = ReturnType<(typeof knowledgeSearchResponseSchema)['parse']>;
export type LearnedStatus = LearnedAnswer['status'];
export type CollectionBody = { name: string; description: string };
export type DocumentPatch = { title?: string; collectionId?: string; content?: string };

/** A backstop to the live events: while anything is being indexed, ask again every 2 s. */
const POLL_MS = 2000;
export const isIndexing = (doc: Pick<KnowledgeDocument, 'status'>) =>
  doc.status === 'queued' || doc.status === 'processing';

export function useCollections(orgId: string) {
  return useQuery({
    queryKey: knowledgeKeys.collections(orgId),
    queryFn: async () =>
      (await api.get<{ collections: KnowledgeCollection[] }>(`/orgs/${orgId}/knowledge/collections`))
        .collections,
  });
}

export function useDocuments(orgId: string, collectionId: string | undefined) {
  return useQuery({
    queryKey: knowledgeKeys.documentList(orgId, collectionId ?? ''),
    enabled: Boolean(collectionId),
    queryFn: async () =>
      (
        await api.get<{ documents: KnowledgeDocument[] }>(
          `/orgs/${orgId}/knowledge/documents${toQueryString({ collectionId })}`,
        )
      ).documents,
    refetchInterval: (query) => (query.state.data?.some(isIndexing) ? POLL_MS : false),
  });
}

/** One document with its chunks (what the agent can retrieve from it). */
export function useDocument(orgId: string, documentId: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.document(orgId, documentId ?? ''),
    enabled: Boolean(documentId),
    queryFn: () => api.get<KnowledgeDocumentWithChunks>(`/orgs/${orgId}/knowledge/documents/${documentId}`),
    refetchInterval: (query) => (query.state.data && isIndexing(query.state.data) ? POLL_MS : false),
  });
}

/** Every change to the knowledge base refreshes what is on screen of it (lists, counts, proposals). */
function useKnowledgeMutation<TVars, TResult>(orgId: string, mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all(orgId) }),
  });
}

export function useCreateCollection(orgId: string) {
  return useKnowledgeMutation(orgId, (body: CollectionBody) =>
    api.post<KnowledgeCollection>(`/orgs/${orgId}/knowledge/collections`, body),
  );
}

export function useUpdateCollection(orgId: string) {
  return useKnowledgeMutation(
    orgId,
    ({ collectionId, body }: { collectionId: string; body: CollectionBody }) =>
      api.patch<KnowledgeCollection>(`/orgs/${orgId}/knowledge/collections/${collectionId}`, body),
  );
}

export function useDeleteCollection(orgId: string) {
  return useKnowledgeMutation(orgId, (collectionId: string) =>
    api.delete(`/orgs/${orgId}/knowledge/collections/${collectionId}`),
  );
}

export function useUploadDocument(orgId: string) {
  return useKnowledgeMutation(orgId, ({ collectionId, file }: { collectionId: string; file: File }) =>
    api.upload<KnowledgeDocument>(`/orgs/${orgId}/knowledge/documents`, file, file.name, { collectionId }),
  );
}

export function useAddTextDocument(orgId: string) {
  return useKnowledgeMutation(orgId, (body: { collectionId: string; title: string; content: string }) =>
    api.post<KnowledgeDocument>(`/orgs/${orgId}/knowledge/documents/text`, body),
  );
}

export function useAddUrlDocument(orgId: string) {
  return useKnowledgeMutation(orgId, (body: { collectionId: string; url: string; title?: string }) =>
    api.post<KnowledgeDocument>(`/orgs/${orgId}/knowledge/documents/url`, body),
  );
}

export function useUpdateDocument(orgId: string) {
  return useKnowledgeMutation(orgId, ({ documentId, body }: { documentId: string; body: DocumentPatch }) =>
    api.patch<KnowledgeDocument>(`/orgs/${orgId}/knowledge/documents/${documentId}`, body),
  );
}

export function useReindexDocument(orgId: string) {
  return useKnowledgeMutation(orgId, (documentId: string) =>
    api.post<KnowledgeDocument>(`/orgs/${orgId}/knowledge/documents/${documentId}/reindex`),
  );
}

export function useDeleteDocument(orgId: string) {
  return useKnowledgeMutation(orgId, (documentId: string) =>
    api.delete(`/orgs/${orgId}/knowledge/documents/${documentId}`),
  );
}

/** "Testar busca": the passages the agent would retrieve for a question. */
export function useKnowledgeSearch(orgId: string) {
  return useMutation({
    mutationFn: (body: { query: string; collectionIds?: string[]; limit?: number }) =>
      api.post<KnowledgeSearchResponse>(`/orgs/${orgId}/knowledge/search`, body),
  });
}

export type QuestionWeek = { week: string; questions: number; saved: number };

/** Questions the AI asked the team per week, and answers saved as knowledge: the first should fall. */
export function useQuestionStats(orgId: string) {
  return useQuery({
    queryKey: knowledgeKeys.questionStats(orgId),
    queryFn: () => api.get<{ weeks: QuestionWeek[] }>(`/orgs/${orgId}/questions/stats?weeks=12`),
  });
}

export function useLearnedAnswers(orgId: string, status: LearnedStatus) {
  return useQuery({
    queryKey: knowledgeKeys.learnedList(orgId, status),
    queryFn: () =>
      api.get<{ answers: LearnedAnswer[]; proposedCount: number }>(
        `/orgs/${orgId}/knowledge/learned${toQueryString({ status })}`,
      ),
  });
}

export function useCreateLearned(orgId: string) {
  return useKnowledgeMutation(orgId, (body: { question: string; answer: string }) =>
    api.post<LearnedAnswer>(`/orgs/${orgId}/knowledge/learned`, body),
  );
}

export function useUpdateLearned(orgId: string) {
  return useKnowledgeMutation(
    orgId,
    ({ id, body }: { id: string; body: { question?: string; answer?: string } }) =>
      api.patch<LearnedAnswer>(`/orgs/${orgId}/knowledge/learned/${id}`, body),
  );
}

export function useApproveLearned(orgId: string) {
  return useKnowledgeMutation(orgId, (id: string) =>
    api.post<LearnedAnswer>(`/orgs/${orgId}/knowledge/learned/${id}/approve`),
  );
}

export function useDismissLearned(orgId: string) {
  return useKnowledgeMutation(orgId, (id: string) =>
    api.post<LearnedAnswer>(`/orgs/${orgId}/knowledge/learned/${id}/dismiss`),
  );
}

export function useDeleteLearned(orgId: string) {
  return useKnowledgeMutation(orgId, (id: string) => api.delete(`/orgs/${orgId}/knowledge/learned/${id}`));
}
