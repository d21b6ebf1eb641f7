import type {
  Conversation,
  ConversationFilter,
  Message,
  SendMessageBody,
  UpdateConversationBody,
} from '@piloto/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQueryString } from '../apiClient.ts';
import {
  type MessagePage,
  messagesPath,
  removeMessage,
  updateMessagesCache,
  upsertMessages,
} from '../messageCache.ts';
import { inboxKeys } from '../queryKeys.ts';

export type InboxView = 'mine' | 'unassigned' | 'all';
export type ConversationListFilter = Omit<ConversationFilter, 'cursor' | 'limit'>;
type ConversationPage = {
  conversations: Conversation[];
  nextCursor: string | null;
  counts: Record<InboxView, number>;
};

export function useConversations(orgId: string, filter: ConversationListFilter) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(orgId, filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api.get<ConversationPage>(
        `/orgs/${orgId}/conversations${toQueryString({ ...filter, cursor: pageParam, limit: 30 })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/** The open conversation; starts from the copy in any loaded list so the header shows at once. */
export function useConversation(orgId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: inboxKeys.conversation(orgId, conversationId),
    queryFn: () => api.get<Conversation>(`/orgs/${orgId}/conversations/${conversationId}`),
    placeholderData: () => {
      for (const [, data] of queryClient.getQueriesData<{ pages: ConversationPage[] }>({
        queryKey: inboxKeys.lists(orgId),
      })) {
        for (const page of data?.pages ?? []) {
          const found = page.conversations.find((c) => c.id === conversationId);
          if (found) return found;
        }
      }
      return undefined;
    },
  });
}

export function useMessages(orgId: string, conversationId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.messages(orgId, conversationId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<MessagePage>(messagesPath(orgId, conversationId, pageParam)),
    getNextPageParam: (last) => (last.hasMore ? last.messages[0]?.id : undefined),
    // Live events keep it fresh (refreshLatestMessages); refetching every page would be wasteful.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Stores a conversation the API returned and refreshes the lists it may have moved between. */
function useConversationSaved(orgId: string) {
  const queryClient = useQueryClient();
  return (conversation: Conversation) => {
    queryClient.setQueryData(inboxKeys.conversation(orgId, conversation.id), conversation);
    return queryClient.invalidateQueries({ queryKey: inboxKeys.lists(orgId) });
  };
}

export function useUpdateConversation(orgId: string, conversationId: string) {
  const saved = useConversationSaved(orgId);
  return useMutation({
    mutationFn: (body: UpdateConversationBody) =>
      api.patch<Conversation>(`/orgs/${orgId}/conversations/${conversationId}`, body),
    onSuccess: saved,
  });
}

export function useSetConversationLabels(orgId: string, conversationId: string) {
  const saved = useConversationSaved(orgId);
  return useMutation({
    mutationFn: (labelIds: string[]) =>
      api.put<Conversation>(`/orgs/${orgId}/conversations/${conversationId}/labels`, { labelIds }),
    onSuccess: saved,
  });
}

export function useMarkRead(orgId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`/orgs/${orgId}/conversations/${conversationId}/read`),
    onSuccess: () => {
      queryClient.setQueryData<Conversation>(inboxKeys.conversation(orgId, conversationId), (c) =>
        c ? { ...c, unreadCount: 0 } : c,
      );
      return queryClient.invalidateQueries({ queryKey: inboxKeys.lists(orgId) });
    },
  });
}

type SendVars = SendMessageBody & { preview: Partial<Message> };

/** Shows the message at once (clock icon) and swaps in the API's copy when it answers. */
export function useSendMessage(orgId: string, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ preview: _preview, ...body }: SendVars) =>
      api.post<Message>(`/orgs/${orgId}/conversations/${conversationId}/messages`, body),
    onMutate: ({ preview, text }) => {
      const temp: Message = {
        id: `temp-${crypto.randomUUID()}`,
        conversationId,
        direction: 'outbound',
        senderType: 'member',
        senderName: null,
        kind: 'text',
        text: text ?? null,
        media: null,
        understanding: null,
        location: null,
        contacts: null,
        reaction: null,
        quoted: null,
        status: 'queued',
        statusDetail: null,
        stuck: false,
        editedAt: null,
        deletedAt: null,
        createdAt: new Date().toISOString(),
        ...preview,
      };
      updateMessagesCache(queryClient, orgId, conversationId, (data) => upsertMessages(data, [temp]));
      return { tempId: temp.id };
    },
    onSuccess: (message, _vars, context) => {
      updateMessagesCache(queryClient, orgId, conversationId, (data) =>
        upsertMessages(removeMessage(data, context.tempId), [message]),
      );
      return queryClient.invalidateQueries({ queryKey: inboxKeys.lists(orgId) });
    },
    onError: (_error, _vars, context) => {
      if (context) {
        updateMessagesCache(queryClient, orgId, conversationId, (data) =>
          removeMessage(data, context.tempId),
        );
      }
    },
  });
}
