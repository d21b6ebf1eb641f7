import type { Message, Question, Suggestion } from '@piloto/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../apiClient.ts';
import { refreshLatestMessages } from '../messageCache.ts';
import { copilotKeys, inboxKeys, knowledgeKeys } from '../queryKeys.ts';

/** The AI's pending reply suggestions for one conversation (copilot mode). */
export function useSuggestions(orgId: string, conversationId: string) {
  return useQuery({
    queryKey: copilotKeys.suggestions(orgId, conversationId),
    queryFn: async () =>
      (
        await api.get<{ suggestions: Suggestion[] }>(
          `/orgs/${orgId}/conversations/${conversationId}/suggestions`,
        )
      ).suggestions,
  });
}

function useSuggestionMutation<TVars, TResult>(
  orgId: string,
  conversationId: string,
  mutationFn: (vars: TVars) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: copilotKeys.suggestions(orgId, conversationId) });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.lists(orgId) });
      return refreshLatestMessages(queryClient, orgId, conversationId).catch(() => {});
    },
  });
}

/** Sends the suggestion (as written or edited by the seller). */
export function useAcceptSuggestion(orgId: string, conversationId: string) {
  return useSuggestionMutation(orgId, conversationId, ({ id, text }: { id: string; text: string }) =>
    api.post<Message>(`/orgs/${orgId}/suggestions/${id}/accept`, { text }),
  );
}

export function useDismissSuggestion(orgId: string, conversationId: string) {
  return useSuggestionMutation(orgId, conversationId, (id: string) =>
    api.post<void>(`/orgs/${orgId}/suggestions/${id}/dismiss`),
  );
}

/** Questions the AI asked the team (ask_human). */
export function useQuestions(orgId: string, status: 'pending' | 'answered' = 'pending') {
  return useQuery({
    queryKey: copilotKeys.questions(orgId, status),
    queryFn: async () =>
      (await api.get<{ questions: Question[] }>(`/orgs/${orgId}/questions?status=${status}`)).questions,
  });
}

export type AnswerQuestionBody = {
  answer: string;
  /** Also teach it to the AI (a learned answer), for the next leads who ask the same. */
  saveForFuture: boolean;
  /** The question as it will be saved, when the seller rephrased it. */
  learnedQuestion?: string;
};

/** Answers the question (and its grouped similar ones); a saved answer changes the knowledge base. */
export function useAnswerQuestion(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AnswerQuestionBody }) =>
      api.post<Question>(`/orgs/${orgId}/questions/${id}/answer`, body),
    onSettled: (_data, _error, { body }) => {
      if (body.saveForFuture) void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all(orgId) });
      return queryClient.invalidateQueries({ queryKey: copilotKeys.allQuestions(orgId) });
    },
  });
}
