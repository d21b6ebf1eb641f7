import type { HandoffReason } from '@piloto/contracts';
import { Badge } from '@/components/ui/badge.tsx';
import { handoffReasonLabels, traceStatusInfo } from '@/lib/agentLabels.ts';
import type { TraceStatus } from '@/lib/queries/traceQueries.ts';

export function TraceStatusBadge({ status }: { status: TraceStatus }) {
  const info = traceStatusInfo[status];
  return <Badge variant={info.tone}>{info.label}</Badge>;
}

export function HandoffReasonText({ reason }: { reason: HandoffReason | null }) {
  if (!reason) return null;
  return <span className="text-xs text-amber-800">{handoffReasonLabels[reason]}</span>;
}
