import { Monitor, Smartphone } from 'lucide-react';
import { toast } from 'sonner';
import { QueryError } from '@/components/QueryStates.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card, CardDescription, CardHeader, CardTitle } from '@/components/ui/card.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { describeUserAgent, isMobileUserAgent } from '@/lib/describeUserAgent.ts';
import { formatDateTime } from '@/lib/formatDate.ts';
import {
  useCurrentSession,
  useRevokeOtherSessions,
  useRevokeSession,
  useSessions,
} from '@/lib/queries/sessionQueries.ts';

export function SessionsCard() {
  const sessions = useSessions();
  const current = useCurrentSession();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();

  const currentId = current.data?.id;
  const sorted = [...(sessions.data ?? [])].sort((a, b) => {
    if (a.id === currentId) return -1;
    if (b.id === currentId) return 1;
    return new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime();
  });
  const hasOthers = sorted.some((s) => s.id !== currentId);

  return (
    <Card>
      <CardHeader className="sm:flex-row sm:items-start sm:justify-between">
        <div className="space-y-1.5">
          <CardTitle>Sessões ativas</CardTitle>
          <CardDescription>
            Dispositivos conectados à sua conta. Encerre os que você não reconhece.
          </CardDescription>
        </div>
        {hasOthers && (
          <Button
            variant="outline"
            size="sm"
            className="self-start"
            loading={revokeOthers.isPending}
            onClick={() =>
              revokeOthers.mutate(undefined, {
                onSuccess: () => toast.success('As outras sessões foram encerradas.'),
                onError: (error) => toast.error(errorMessage(error)),
              })
            }
          >
            Encerrar as outras sessões
          </Button>
        )}
      </CardHeader>
      {sessions.isPending ? (
        <div className="grid gap-3 px-6 pb-6" aria-busy="true">
          <Skeleton className="h-12" />
          <Skeleton className="h-12" />
        </div>
      ) : sessions.isError ? (
        <div className="px-6 pb-6">
          <QueryError error={sessions.error} onRetry={() => sessions.refetch()} />
        </div>
      ) : (
        <ul className="divide-y border-t" aria-label="Sessões ativas">
          {sorted.map((session) => {
            const isCurrent = session.id === currentId;
            const device = describeUserAgent(session.userAgent);
            const Icon = isMobileUserAgent(session.userAgent) ? Smartphone : Monitor;
            return (
              <li key={session.id} className="flex items-center gap-3 px-5 py-3.5 sm:px-6">
                <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600">
                  <Icon className="size-4" aria-hidden="true" />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                    {device}
                    {isCurrent && <Badge variant="success">Esta sessão</Badge>}
                  </p>
                  <p className="text-xs text-slate-600">
                    {session.ipAddress ? `IP ${session.ipAddress} · ` : ''}
                    Desde {formatDateTime(session.createdAt)}
                  </p>
                </div>
                {!isCurrent && (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Encerrar sessão: ${device}`}
                    loading={revoke.isPending && revoke.variables === session.token}
                    onClick={() =>
                      revoke.mutate(session.token, {
                        onSuccess: () => toast.success('Sessão encerrada.'),
                        onError: (error) => toast.error(errorMessage(error)),
                      })
                    }
                  >
                    Encerrar
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
