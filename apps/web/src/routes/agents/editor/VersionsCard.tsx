import { History } from 'lucide-react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatDateTime } from '@/lib/formatDate.ts';
import { useAgentVersions } from '@/lib/queries/agentQueries.ts';

/** Every save is a version; the logs say which version answered each conversation. */
export function VersionsCard({ agentId, current }: { agentId: string; current: number }) {
  const { orgId } = useCurrentOrg();
  const versions = useAgentVersions(orgId, agentId);
  return (
    <Card>
      <CardHeader className="pb-3 sm:pb-3">
        <CardTitle className="flex items-center gap-2 text-sm">
          <History className="size-4 text-slate-500" aria-hidden="true" />
          Versões
        </CardTitle>
      </CardHeader>
      <CardContent>
        {versions.isPending ? (
          <Skeleton className="h-16" />
        ) : versions.isError ? (
          <p className="text-xs text-slate-600">Não foi possível carregar as versões.</p>
        ) : (
          <ol className="grid max-h-72 gap-2 overflow-y-auto text-sm">
            {versions.data.map((v) => (
              <li key={v.version} className="flex items-baseline gap-2">
                <span
                  className={cn(
                    'w-9 shrink-0 font-mono text-xs font-semibold',
                    v.version === current ? 'text-brand-700' : 'text-slate-500',
                  )}
                >
                  v{v.version}
                </span>
                <span className="min-w-0 text-xs text-slate-600">
                  {formatDateTime(v.createdAt)}
                  {v.createdByName && <span className="block truncate">por {v.createdByName}</span>}
                </span>
                {v.version === current && <span className="sr-only">(atual)</span>}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
