import { Link } from 'react-router';
import { formatCount, formatLatency } from '@/lib/agentLabels.ts';
import { formatDateTime } from '@/lib/formatDate.ts';
import type { TraceListItem } from '@/lib/queries/traceQueries.ts';
import { HandoffReasonText, TraceStatusBadge } from './TraceStatusBadge.tsx';

/** One turn of the agent in the logs list; the whole row opens the trace. */
export function TraceRow({ trace, compact = false }: { trace: TraceListItem; compact?: boolean }) {
  return (
    <Link
      to={`/agentes/logs/${trace.id}`}
      className="block px-4 py-3 transition-colors hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <TraceStatusBadge status={trace.status} />
        {!compact && (
          <span className="min-w-0 truncate text-sm font-medium text-slate-900">{trace.contactName}</span>
        )}
        <HandoffReasonText reason={trace.handoffReason} />
        <time dateTime={trace.createdAt} className="ml-auto text-xs text-slate-500">
          {formatDateTime(trace.createdAt)}
        </time>
      </div>
      {trace.preview && <p className="mt-1.5 line-clamp-2 text-sm text-slate-600">{trace.preview}</p>}
      <p className="mt-1.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
        {!compact && (
          <span>
            {trace.agentName} v{trace.agentVersion}
          </span>
        )}
        <span>{formatLatency(trace.latencyMs)}</span>
        <span>{formatCount(trace.totalTokens)} tokens</span>
      </p>
    </Link>
  );
}
