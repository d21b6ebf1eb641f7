import { ArrowLeft, FlaskConical } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAgent } from '@/lib/queries/agentQueries.ts';
import { AgentForm } from './editor/AgentForm.tsx';
import { VersionsCard } from './editor/VersionsCard.tsx';
import { ModeBadge } from './ModeBadge.tsx';
import { NotReadyAlert } from './NotReadyAlert.tsx';

const sections = [
  ['identidade', 'Identidade'],
  ['instrucoes', 'Instruções'],
  ['conhecimento', 'Conhecimento'],
  ['qualificacao', 'Qualificação'],
  ['modo', 'Modo'],
  ['transferencia', 'Transferência'],
  ['quando', 'Quando responder'],
  ['estilo', 'Estilo'],
  ['audio', 'Áudio'],
  ['numeros', 'Números'],
  ['modelo', 'Modelo'],
] as const;

function BackLink() {
  return (
    <Link
      to="/agentes"
      className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900"
    >
      <ArrowLeft className="size-4" aria-hidden="true" />
      Agentes
    </Link>
  );
}

function SectionNav() {
  return (
    <nav aria-label="Seções do agente" className="hidden lg:block">
      <p className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Nesta página</p>
      <ul className="grid gap-0.5 text-sm">
        {sections.map(([id, label]) => (
          <li key={id}>
            <a
              href={`#${id}`}
              className="block rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** /agentes/novo and /agentes/:agentId: every setting of one agent, saved as a new version. */
export function AgentEditorPage() {
  const { agentId } = useParams();
  const { orgId } = useCurrentOrg();
  const agent = useAgent(orgId, agentId);
  const isNew = !agentId;

  if (!isNew && agent.isError) {
    return (
      <>
        <BackLink />
        <QueryError error={agent.error} onRetry={() => agent.refetch()} />
      </>
    );
  }
  if (!isNew && !agent.data) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
    );
  }
  const a = agent.data ?? null;
  return (
    <>
      <BackLink />
      <PageHeader
        title={a ? a.name : 'Novo agente'}
        description={
          a ? (
            <span className="flex flex-wrap items-center gap-2">
              <ModeBadge mode={a.mode} />
              <span>
                Versão {a.version} · {a.active ? 'ativo' : 'pausado'}
              </span>
            </span>
          ) : (
            'Comece pelos padrões recomendados e ajuste ao jeito da sua empresa.'
          )
        }
        actions={
          a && (
            <Button variant="outline" asChild>
              <Link to={`/agentes/${a.id}/playground`}>
                <FlaskConical aria-hidden="true" />
                Testar agente
              </Link>
            </Button>
          )
        }
      />
      {a?.notReadyReason && <NotReadyAlert reason={a.notReadyReason} className="mb-5" />}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_14rem]">
        <AgentForm key={a?.id ?? 'new'} agent={a} />
        <aside className="grid content-start gap-5 lg:sticky lg:top-10 lg:self-start">
          <SectionNav />
          {a && <VersionsCard agentId={a.id} current={a.version} />}
        </aside>
      </div>
    </>
  );
}
