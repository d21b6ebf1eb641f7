import { traceStatusSchema } from '@piloto/contracts';
import { ScrollText } from 'lucide-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Label } from '@/components/ui/label.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { traceStatusInfo } from '@/lib/agentLabels.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAgents } from '@/lib/queries/agentQueries.ts';
import { type TraceFilter, type TraceStatus, useTraces } from '@/lib/queries/traceQueries.ts';
import { AgentsTabs } from '../AgentsTabs.tsx';
import { TraceRow } from './TraceRow.tsx';

const statuses = traceStatusSchema.options;

function useFilterParams(): [TraceFilter, (patch: TraceFilter) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filter: TraceFilter = {
    agentId: params.get('agente') ?? undefined,
    status: statuses.includes(status as TraceStatus) ? (status as TraceStatus) : undefined,
  };
  const set = (patch: TraceFilter) => {
    const next = { ...filter, ...patch };
    const search = new URLSearchParams();
    if (next.agentId) search.set('agente', next.agentId);
    if (next.status) search.set('status', next.status);
    setParams(search, { replace: true });
  };
  return [filter, set];
}

/** "Logs de atendimento": every turn the agents took, to see what they saw, did and answered. */
export function TraceLogsPage() {
  const { orgId } = useCurrentOrg();
  const agents = useAgents(orgId);
  const [filter, setFilter] = useFilterParams();
  const traces = useTraces(orgId, filter);
  const items = traces.data?.pages.flatMap((p) => p.traces) ?? [];

  return (
    <>
      <PageHeader title="Agentes" description="O que cada agente viu, fez e respondeu em cada conversa." />
      <AgentsTabs />
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="logs-agent">Agente</Label>
          <NativeSelect
            id="logs-agent"
            className="w-56"
            value={filter.agentId ?? ''}
            onChange={(e) => setFilter({ agentId: e.target.value || undefined })}
          >
            <option value="">Todos os agentes</option>
            {agents.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="logs-status">Resultado</Label>
          <NativeSelect
            id="logs-status"
            className="w-56"
            value={filter.status ?? ''}
            onChange={(e) => setFilter({ status: (e.target.value || undefined) as TraceStatus | undefined })}
          >
            <option value="">Todos</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {traceStatusInfo[s].label}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {traces.isPending ? (
        <div className="grid gap-2" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-20" />
          ))}
        </div>
      ) : traces.isError ? (
        <QueryError error={traces.error} onRetry={() => traces.refetch()} />
      ) : items.length === 0 ? (
        <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
          <ScrollText className="mb-3 size-8 text-slate-300" aria-hidden="true" />
          <h2 className="text-sm font-semibold text-slate-900">
            {filter.agentId || filter.status ? 'Nada com esses filtros' : 'Nenhum atendimento ainda'}
          </h2>
          <p className="mt-1 max-w-sm text-sm text-slate-600">
            Cada vez que um agente responde, sugere ou transfere uma conversa, o registro aparece aqui.
          </p>
        </section>
      ) : (
        <>
          <ul
            className="divide-y overflow-hidden rounded-xl border bg-white shadow-xs"
            aria-busy={traces.isFetching}
          >
            {items.map((trace) => (
              <li key={trace.id}>
                <TraceRow trace={trace} />
              </li>
            ))}
          </ul>
          {traces.hasNextPage && (
            <div className="mt-4 flex justify-center">
              <Button
                variant="outline"
                loading={traces.isFetchingNextPage}
                onClick={() => traces.fetchNextPage()}
              >
                Carregar mais
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
