import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { refreshLatestMessages } from './messageCache.ts';
import { channelKeys, copilotKeys, inboxKeys } from './queryKeys.ts';
import { useOrgEvents } from './useOrgEvents.ts';

const batchMs = 250;

const emptyBatch = () => ({
  conversations: new Set<string>(),
  messages: new Set<string>(),
  suggestions: new Set<string>(),
  channels: false,
  questions: false,
});

/**
 * Keeps the inbox caches live. Events arrive in bursts (a status change per recipient tick), so they
 * are gathered for a moment and each touched thing is refreshed once.
 */
export function useInboxRealtime(orgId: string): void {
  const queryClient = useQueryClient();
  const pending = useRef(emptyBatch());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = () => {
    timer.current = null;
    const { conversations, messages, channels, suggestions, questions } = pending.current;
    pending.current = emptyBatch();
    if (conversations.size > 0 || messages.size > 0) {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.lists(orgId) });
    }
    for (const id of conversations) {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.conversation(orgId, id) });
    }
    for (const id of messages) void refreshLatestMessages(queryClient, orgId, id).catch(() => {});
    for (const id of suggestions) {
      void queryClient.invalidateQueries({ queryKey: copilotKeys.suggestions(orgId, id) });
    }
    if (questions) void queryClient.invalidateQueries({ queryKey: copilotKeys.allQuestions(orgId) });
    if (channels) {
      void queryClient.invalidateQueries({ queryKey: channelKeys.all(orgId) });
      // A conversation carries its channel's status (the "desconectado" banner).
      void queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'conversations', 'one'] });
    }
  };

  useOrgEvents(orgId, {
    onEvent: (event) => {
      const next = pending.current;
      if (event.type === 'channel.updated') next.channels = true;
      else if (event.type === 'question.updated') next.questions = true;
      else if (event.type === 'suggestion.created') next.suggestions.add(event.conversationId);
      else {
        next.conversations.add(event.conversationId);
        if (event.type !== 'conversation.updated') next.messages.add(event.conversationId);
        // A new message may supersede a pending suggestion.
        if (event.type === 'message.created') next.suggestions.add(event.conversationId);
      }
      timer.current ??= setTimeout(flush, batchMs);
    },
    onReconnect: () => {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.lists(orgId) });
      void queryClient.invalidateQueries({ queryKey: channelKeys.all(orgId) });
      void queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'conversations', 'one'] });
      void queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'conversations', 'suggestions'] });
      void queryClient.invalidateQueries({ queryKey: copilotKeys.allQuestions(orgId) });
      // Missed events may have touched any loaded conversation.
      for (const query of queryClient
        .getQueryCache()
        .findAll({ queryKey: ['orgs', orgId, 'conversations', 'messages'] })) {
        const conversationId = query.queryKey[4];
        if (typeof conversationId === 'string')
          void refreshLatestMessages(queryClient, orgId, conversationId);
      }
    },
  });
}
