import type { Channel } from '@piloto/contracts';
import { Loader2, MessagesSquare } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryError } from '@/components/QueryStates.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useLabels } from '@/lib/queries/inboxExtrasQueries.ts';
import { type ConversationListFilter, useConversations } from '@/lib/queries/inboxQueries.ts';
import { ConversationFilters } from './ConversationFilters.tsx';
import { ConversationRow } from './ConversationRow.tsx';
import { QuestionsLink } from './QuestionsLink.tsx';

const emptyTexts: Record<string, string> = {
  mine: 'Nenhuma conversa atribuída a você.',
  unassigned: 'Nenhuma conversa sem responsável.',
  all: 'Nenhuma conversa por aqui.',
};

/** The left column: filters and the conversations, loading more as the list scrolls. */
export function ConversationList({ selectedId, channels }: { selectedId?: string; channels: Channel[] }) {
  const { orgId } = useCurrentOrg();
  const [filter, setFilter] = useState<ConversationListFilter>({ view: 'all', status: 'open' });
  const onChange = useCallback(
    (patch: Partial<ConversationListFilter>) => setFilter((f) => ({ ...f, ...patch })),
    [],
  );
  const list = useConversations(orgId, filter);
  const labels = useLabels(orgId);
  const conversations = list.data?.pages.flatMap((p) => p.conversations) ?? [];
  const filtered = Boolean(filter.q || filter.channelId || filter.labelId || filter.status === 'closed');

  const sentinel = useRef<HTMLLIElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries[0]?.isIntersecting && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section aria-label="Conversas" className="flex h-full min-h-0 flex-col bg-white">
      <QuestionsLink />
      <ConversationFilters
        filter={filter}
        onChange={onChange}
        counts={list.data?.pages[0]?.counts}
        channels={channels}
        labels={labels.data ?? []}
      />
      <div className="min-h-0 flex-1 overflow-y-auto" aria-busy={list.isFetching}>
        {list.isPending ? (
          <div className="grid gap-1 p-3" aria-hidden="true">
            {[0, 1, 2, 3, 4].map((i) => (
              <div key={i} className="flex gap-3 py-2">
                <Skeleton className="size-11 rounded-full" />
                <div className="grid flex-1 gap-2 py-1">
                  <Skeleton className="h-3.5 w-2/3" />
                  <Skeleton className="h-3 w-5/6" />
                </div>
              </div>
            ))}
          </div>
        ) : list.isError ? (
          <div className="p-3">
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          </div>
        ) : conversations.length === 0 ? (
          <div className="flex flex-col items-center px-6 py-16 text-center">
            <MessagesSquare className="mb-3 size-8 text-slate-300" aria-hidden="true" />
            <p className="text-sm font-medium text-slate-700">
              {filtered ? 'Nada encontrado com esses filtros.' : emptyTexts[filter.view ?? 'all']}
            </p>
            {!filtered && (
              <p className="mt-1 text-xs text-slate-500">Novas mensagens aparecem aqui na hora.</p>
            )}
          </div>
        ) : (
          <ul>
            {conversations.map((c) => (
              <li key={c.id}>
                <ConversationRow conversation={c} selected={c.id === selectedId} />
              </li>
            ))}
            <li ref={sentinel} className="flex h-10 items-center justify-center">
              {isFetchingNextPage && (
                <Loader2 className="size-4 animate-spin text-slate-400" aria-label="Carregando" />
              )}
            </li>
          </ul>
        )}
      </div>
    </section>
  );
}
