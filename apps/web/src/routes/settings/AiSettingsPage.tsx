import { ArrowLeft, ShieldCheck } from 'lucide-react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAiSettings } from '@/lib/queries/agentQueries.ts';
import { ProviderKeyCard } from './ProviderKeyCard.tsx';
import { TaskModelsCard } from './TaskModelsCard.tsx';

/** The company's own AI provider keys (encrypted; only a masked preview ever comes back) and task models. */
export function AiSettingsPage() {
  const { orgId } = useCurrentOrg();
  const settings = useAiSettings(orgId);
  return (
    <>
      <Link
        to="/configuracoes"
        className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        Configurações
      </Link>
      <PageHeader
        title="Chaves e modelos de IA"
        description="Os provedores de IA que os agentes usam. Cada agente escolhe o seu modelo de conversa."
      />
      <p className="mb-5 flex items-start gap-2 text-sm text-slate-600">
        <ShieldCheck className="mt-0.5 size-4 shrink-0 text-brand-700" aria-hidden="true" />
        As chaves ficam criptografadas e nunca são mostradas de novo: depois de salvar, só aparecem os últimos
        caracteres.
      </p>
      {settings.isPending ? (
        <div className="grid gap-4 md:grid-cols-2" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-56" />
          ))}
        </div>
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <div className="grid gap-8">
          <section aria-label="Chaves" className="grid gap-4 md:grid-cols-2">
            {settings.data.providers.map((status) => (
              <ProviderKeyCard key={status.provider} status={status} />
            ))}
            <ProviderKeyCard
              status={{ provider: 'elevenlabs', ...settings.data.elevenlabs, baseUrl: null }}
            />
          </section>
          <TaskModelsCard key={JSON.stringify(settings.data.models)} settings={settings.data} />
        </div>
      )}
    </>
  );
}
