import { ArrowLeft, MessagesSquare } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import {
  formatCount,
  formatLatency,
  formatUsdMicros,
  handoffReasonLabels,
  modeInfo,
} from '@/lib/agentLabels.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatDateTime } from '@/lib/formatDate.ts';
import { useTrace } from '@/lib/queries/traceQueries.ts';
import { TraceStatusBadge } from './TraceStatusBadge.tsx';
import { TraceTimeline } from './TraceTimeline.tsx';

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-lg border bg-white px-4 py-3 shadow-xs">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 truncate text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/** One turn of an agent, readable by someone who is not an engineer. */
export function TracePage() {
  const { traceId = '' } = useParams();
  const { orgId } = useCurrentOrg();
  const trace = useTrace(orgId, traceId);
  const back = (
    <Link
      to="/agentes/logs"
      className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900"
    >
      <ArrowLeft className="size-4" aria-hidden="true" />
      Logs de atendimento
    </Link>
  );
  if (trace.isPending) {
    return (
      <div className="grid gap-4" aria-busy="true">
        {back}
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-20" />
        <Skeleton className="h-96" />
      </div>
    );
  }
  if (trace.isError) {
    return (
      <>
        {back}
        <QueryError error={trace.error} onRetry={() => trace.refetch()} />
      </>
    );
  }
  const t = trace.data;
  return (
    <>
      {back}
      <PageHeader
        title={`Atendimento de ${t.contactName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TraceStatusBadge status={t.status} />
            {t.handoffReason && (
              <span className="text-amber-800">{handoffReasonLabels[t.handoffReason]}</span>
            )}
            <time dateTime={t.createdAt}>{formatDateTime(t.createdAt)}</time>
          </span>
        }
        actions={
          <Button variant="outline" asChild>
            <Link to={`/inbox/${t.conversationId}`}>
              <MessagesSquare aria-hidden="true" />
              Abrir conversa
            </Link>
          </Button>
        }
      />
      {t.error && (
        <Alert variant="error" title="Erro neste atendimento" className="mb-5">
          <p className="font-mono text-xs whitespace-pre-wrap">{t.error}</p>
        </Alert>
      )}
      <dl className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Agente">
          <Link to={`/agentes/${t.agentId}`} className="hover:underline">
            {t.agentName} v{t.agentVersion}
          </Link>
        </Stat>
        <Stat label="Modo">{modeInfo[t.mode].label}</Stat>
        <Stat label="Modelo">
          <span className="font-mono text-xs">{t.model ?? '—'}</span>
        </Stat>
        <Stat label="Tempo de resposta">{formatLatency(t.latencyMs)}</Stat>
        <Stat label="Tokens (entrada / saída)">
          {formatCount(t.tokens.input)} / {formatCount(t.tokens.output)}
        </Stat>
        <Stat label="Custo estimado">{t.costMicros == null ? '—' : formatUsdMicros(t.costMicros)}</Stat>
      </dl>
      <TraceTimeline trace={t} />
    </>
  );
}
