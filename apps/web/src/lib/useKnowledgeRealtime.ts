import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { knowledgeKeys } from './queryKeys.ts';
import { useOrgEvents } from './useOrgEvents.ts';

const batchMs = 250;

/**
 * Keeps the knowledge page live: ingestion reports its progress as events (several a second for a
 * big file), so they are gathered for a moment and the lists refreshed once.
 */
export function useKnowledgeRealtime(orgId: string): void {
  const queryClient = useQueryClient();
  const pending = useRef({ documents: false, learned: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = () => {
    timer.current = null;
    const { documents, learned } = pending.current;
    pending.current = { documents: false, learned: false };
    if (documents) {
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.documents(orgId) });
      void queryClient.invalidateQueries({ queryKey: knowledgeKeys.collections(orgId) });
    }
    if (learned) void queryClient.invalidateQueries({ queryKey: knowledgeKeys.learned(orgId) });
  };

  useOrgEvents(orgId, {
    onKnowledgeEvent: (event) => {
      if (event.type === 'knowledge.updated') pending.current.documents = true;
      else pending.current.learned = true;
      timer.current ??= setTimeout(flush, batchMs);
    },
    onReconnect: () => void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all(orgId) }),
  });
}
