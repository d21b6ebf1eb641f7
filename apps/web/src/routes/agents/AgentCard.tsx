import type { Agent, Channel } from '@piloto/contracts';
import { FlaskConical, MoreHorizontal, Pencil, Smartphone, Trash2 } from 'lucide-react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button.tsx';
import { Card } from '@/components/ui/card.tsx';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu.tsx';
import { Switch } from '@/components/ui/switch.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatRelative } from '@/lib/formatDate.ts';
import { useSetAgentActive } from '@/lib/queries/agentQueries.ts';
import { ModeBadge } from './ModeBadge.tsx';
import { NotReadyAlert } from './NotReadyAlert.tsx';

function ChannelNames({ agent, channels }: { agent: Agent; channels: Channel[] }) {
  const names = agent.channelIds.map((id) => channels.find((c) => c.id === id)?.name ?? 'Número removido');
  return (
    <p className="flex min-w-0 items-center gap-1.5 text-sm text-slate-600">
      <Smartphone className="size-4 shrink-0 text-slate-400" aria-hidden="true" />
      <span className="truncate">{names.length > 0 ? names.join(', ') : 'Nenhum número ligado'}</span>
    </p>
  );
}

export function AgentCard({
  agent,
  channels,
  onDelete,
}: {
  agent: Agent;
  channels: Channel[];
  onDelete: (agent: Agent) => void;
}) {
  const { orgId } = useCurrentOrg();
  const setActive = useSetAgentActive(orgId);
  const switchId = `agent-active-${agent.id}`;
  const toggle = (active: boolean) =>
    setActive.mutate(
      { agentId: agent.id, active },
      {
        onSuccess: () => toast.success(active ? `${agent.name} ativado.` : `${agent.name} pausado.`),
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <div className="min-w-0 flex-1 basis-56">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate text-base font-semibold text-slate-900">
              <Link to={`/agentes/${agent.id}`} className="hover:underline focus-visible:outline-ring">
                {agent.name}
              </Link>
            </h2>
            <ModeBadge mode={agent.mode} />
            <span className="text-xs text-slate-500">
              v{agent.version} · salvo {formatRelative(agent.updatedAt)}
            </span>
          </div>
          <div className="mt-2">
            <ChannelNames agent={agent} channels={channels} />
          </div>
        </div>
        <div className="flex items-center gap-2">
          <div className="mr-2 flex items-center gap-2">
            <Switch
              id={switchId}
              checked={agent.active}
              disabled={setActive.isPending}
              onCheckedChange={toggle}
            />
            <label htmlFor={switchId} className="text-sm font-medium text-slate-700">
              {agent.active ? 'Ativo' : 'Pausado'}
            </label>
          </div>
          <Button variant="outline" size="sm" asChild>
            <Link to={`/agentes/${agent.id}/playground`}>
              <FlaskConical aria-hidden="true" />
              Testar
            </Link>
          </Button>
          <Button variant="outline" size="sm" asChild className="hidden sm:inline-flex">
            <Link to={`/agentes/${agent.id}`}>
              <Pencil aria-hidden="true" />
              Editar
            </Link>
          </Button>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon-sm" aria-label={`Mais ações para ${agent.name}`}>
                <MoreHorizontal aria-hidden="true" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem asChild className="sm:hidden">
                <Link to={`/agentes/${agent.id}`}>
                  <Pencil aria-hidden="true" />
                  Editar
                </Link>
              </DropdownMenuItem>
              <DropdownMenuItem className="text-red-700" onSelect={() => onDelete(agent)}>
                <Trash2 aria-hidden="true" />
                Excluir agente
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>
      {agent.notReadyReason && <NotReadyAlert reason={agent.notReadyReason} className="mt-4" />}
    </Card>
  );
}
