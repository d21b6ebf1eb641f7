import type { Channel } from '@piloto/contracts';
import { QueryError } from '@/components/QueryStates.tsx';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@/components/ui/sheet.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatDateTime } from '@/lib/formatDate.ts';
import { useRejectedWebhooks } from '@/lib/queries/channelQueries.ts';

/** Why the provider's calls were refused (bad signature, wrong secret, malformed body). */
export function RejectedWebhooksSheet({
  channel,
  onClose,
}: {
  channel: Channel | null;
  onClose: () => void;
}) {
  const { orgId } = useCurrentOrg();
  const events = useRejectedWebhooks(orgId, channel?.id ?? '', channel !== null);
  return (
    <Sheet open={channel !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent side="right" closeLabel="Fechar">
        <div className="border-b p-5 pr-12">
          <SheetTitle className="text-base font-semibold text-slate-900">Webhooks recusados</SheetTitle>
          <SheetDescription className="mt-1 text-sm text-slate-600">
            {channel?.name}: chamadas do provedor que não aceitamos nas últimas 24 horas.
          </SheetDescription>
        </div>
        <div className="flex-1 overflow-y-auto p-5">
          {events.isPending ? (
            <div className="grid gap-3" aria-busy="true">
              <Skeleton className="h-20" />
              <Skeleton className="h-20" />
            </div>
          ) : events.isError ? (
            <QueryError error={events.error} onRetry={() => events.refetch()} />
          ) : events.data.length === 0 ? (
            <p className="text-sm text-slate-600">Nenhum webhook recusado. Tudo certo por aqui.</p>
          ) : (
            <ul className="grid gap-3">
              {events.data.map((e) => (
                <li key={e.id} className="rounded-lg border p-3">
                  <p className="text-sm font-medium text-red-800">{e.reason ?? 'Motivo não informado'}</p>
                  <p className="mt-0.5 text-xs text-slate-500">{formatDateTime(e.receivedAt)}</p>
                  <pre className="mt-2 max-h-32 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px] whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">
                    {e.bodyExcerpt}
                  </pre>
                </li>
              ))}
            </ul>
          )}
        </div>
      </SheetContent>
    </Sheet>
  );
}
