import { ScrollText } from 'lucide-react';
import { QueryError } from '@/components/QueryStates.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useTraces } from '@/lib/queries/traceQueries.ts';
import { TraceRow } from '../logs/TraceRow.tsx';

/** The agent's turns in the test conversation, newest first; each opens the full trace. */
export function TracesPanel({ conversationId }: { conversationId: string | null }) {
  const { orgId } = useCurrentOrg();
  const traces = useTraces(
    orgId,
    { conversationId: conversationId ?? undefined },
    { enabled: Boolean(conversationId) },
  );
  const items = traces.data?.pages.flatMap((p) => p.traces) ?? [];
  return (
    <section
      aria-labelledby="traces-title"
      className="flex min-h-0 flex-col overflow-hidden rounded-xl border bg-white shadow-xs"
    >
      <header className="flex items-center gap-2 border-b px-4 py-3">
        <ScrollText className="size-4 text-slate-500" aria-hidden="true" />
        <h2 id="traces-title" className="text-sm font-semibold text-slate-900">
          O que o agente fez
        </h2>
        {traces.isFetching && conversationId && <span className="sr-only">Atualizando…</span>}
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto" aria-live="polite">
        {!conversationId ? (
          <p className="px-4 py-8 text-center text-sm text-slate-600">
            Mande uma mensagem como lead. Cada resposta do agente aparece aqui, com o que ele consultou e por
            quê.
          </p>
        ) : traces.isPending ? (
          <div className="grid gap-2 p-4" aria-busy="true">
            <Skeleton className="h-16" />
            <Skeleton className="h-16" />
          </div>
        ) : traces.isError ? (
          <div className="p-4">
            <QueryError error={traces.error} onRetry={() => traces.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <p className="px-4 py-8 text-center text-sm text-slate-600">
            O agente ainda não agiu nesta conversa. Ele espera alguns segundos depois da última mensagem.
          </p>
        ) : (
          <ul className="divide-y">
            {items.map((trace) => (
              <li key={trace.id}>
                <TraceRow trace={trace} compact />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
