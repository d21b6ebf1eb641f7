import type { Agent } from '@piloto/contracts';
import { Bot, Plus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAgents, useDeleteAgent } from '@/lib/queries/agentQueries.ts';
import { useChannels } from '@/lib/queries/channelQueries.ts';
import { AgentCard } from './AgentCard.tsx';
import { AgentsTabs } from './AgentsTabs.tsx';

function NewAgentButton() {
  return (
    <Button asChild>
      <Link to="/agentes/novo">
        <Plus aria-hidden="true" />
        Novo agente
      </Link>
    </Button>
  );
}

/** The company's AI agents: mode, numbers, on/off, and whether each can answer yet. */
export function AgentsPage() {
  const { orgId } = useCurrentOrg();
  const agents = useAgents(orgId);
  const channels = useChannels(orgId);
  const remove = useDeleteAgent(orgId);
  const [deleting, setDeleting] = useState<Agent | null>(null);

  return (
    <>
      <PageHeader
        title="Agentes"
        description="A IA que atende seus leads no WhatsApp: como ela fala, o que pergunta e quando chama um humano."
        actions={<NewAgentButton />}
      />
      <AgentsTabs />
      {agents.isPending ? (
        <div className="grid gap-4" aria-busy="true">
          <Skeleton className="h-28" />
          <Skeleton className="h-28" />
        </div>
      ) : agents.isError ? (
        <QueryError error={agents.error} onRetry={() => agents.refetch()} />
      ) : agents.data.length === 0 ? (
        <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
            <Bot className="size-6" aria-hidden="true" />
          </div>
          <h2 className="text-base font-semibold text-slate-900">Nenhum agente ainda</h2>
          <p className="mt-2 mb-6 max-w-md text-sm text-slate-600">
            Crie um agente, ligue-o a um número e escolha se ele responde sozinho (Piloto) ou sugere as
            respostas para a equipe (Copiloto).
          </p>
          <NewAgentButton />
        </section>
      ) : (
        <ul className="grid gap-4">
          {agents.data.map((agent) => (
            <li key={agent.id}>
              <AgentCard agent={agent} channels={channels.data ?? []} onDelete={setDeleting} />
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Excluir ${deleting?.name ?? 'agente'}?`}
        description="Os números ligados a ele deixam de ter IA. Os logs de atendimento continuam disponíveis."
        confirmLabel="Excluir agente"
        destructive
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(`${deleting.name} excluído.`);
              setDeleting(null);
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </>
  );
}
