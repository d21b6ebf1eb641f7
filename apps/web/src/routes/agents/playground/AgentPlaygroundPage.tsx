import type { InboxEvent } from '@piloto/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { modeInfo } from '@/lib/agentLabels.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAgent } from '@/lib/queries/agentQueries.ts';
import { useChannels } from '@/lib/queries/channelQueries.ts';
import { useSandboxMessages } from '@/lib/queries/sandboxQueries.ts';
import { traceKeys } from '@/lib/queryKeys.ts';
import { PhoneFrame } from '@/routes/sandbox/PhoneFrame.tsx';
import { SandboxChat } from '@/routes/sandbox/SandboxChat.tsx';
import { SandboxLeadForm, useSandboxLead } from '@/routes/sandbox/SandboxLeadForm.tsx';
import { useSandboxLive } from '@/routes/sandbox/useSandboxLive.ts';
import { ModeBadge } from '../ModeBadge.tsx';
import { NotReadyAlert } from '../NotReadyAlert.tsx';
import { CreateTestNumber } from './CreateTestNumber.tsx';
import { TracesPanel } from './TracesPanel.tsx';

/** The simulator for the agent's sandbox number, with the agent's traces of that chat beside it. */
function Playground({ channelId, channelName }: { channelId: string; channelName: string }) {
  const { orgId } = useCurrentOrg();
  const queryClient = useQueryClient();
  const [lead, setLead] = useSandboxLead(channelId);
  const messages = useSandboxMessages(orgId, channelId, lead.phone);
  const conversationId = messages.data?.[0]?.conversationId ?? null;
  useSandboxLive(orgId, channelId, (event: InboxEvent | null) => {
    if (event === null || event.type === 'channel.updated' || event.conversationId === conversationId) {
      void queryClient.invalidateQueries({ queryKey: traceKeys.all(orgId) });
    }
  });

  return (
    <div className="grid gap-5 lg:grid-cols-[400px_minmax(0,1fr)]">
      <PhoneFrame className="h-[70dvh] overflow-hidden rounded-2xl border shadow-sm">
        <SandboxChat key={lead.phone} channelId={channelId} channelName={channelName} lead={lead} />
      </PhoneFrame>
      <div className="grid min-h-0 content-start gap-5 lg:h-[min(780px,calc(100dvh-3rem))] lg:grid-rows-[auto_minmax(0,1fr)]">
        <details className="group rounded-xl border bg-white p-4 shadow-xs">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900 select-none">
            Você é o lead: {lead.name}
          </summary>
          <div className="mt-4">
            <SandboxLeadForm lead={lead} onApply={setLead} />
          </div>
        </details>
        <TracesPanel conversationId={conversationId} />
      </div>
    </div>
  );
}

export function AgentPlaygroundPage() {
  const { agentId = '' } = useParams();
  const { orgId } = useCurrentOrg();
  const agent = useAgent(orgId, agentId);
  const channels = useChannels(orgId);
  const sandbox = channels.data?.find(
    (c) => c.provider === 'sandbox' && agent.data?.channelIds.includes(c.id),
  );

  const back = (
    <Link
      to={`/agentes/${agentId}`}
      className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900"
    >
      <ArrowLeft className="size-4" aria-hidden="true" />
      {agent.data?.name ?? 'Agente'}
    </Link>
  );
  const error = agent.error ?? channels.error;
  if (error) {
    return (
      <>
        {back}
        <QueryError error={error} onRetry={() => Promise.all([agent.refetch(), channels.refetch()])} />
      </>
    );
  }
  if (!agent.data || !channels.data) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-[60dvh]" />
      </div>
    );
  }
  const a = agent.data;
  return (
    <>
      {back}
      <PageHeader
        title="Testar agente"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ModeBadge mode={a.mode} />
            <span>
              {a.name} v{a.version} · {modeInfo[a.mode].description}
            </span>
          </span>
        }
      />
      {a.notReadyReason && <NotReadyAlert reason={a.notReadyReason} className="mb-5" />}
      {sandbox ? (
        <Playground key={sandbox.id} channelId={sandbox.id} channelName={sandbox.name} />
      ) : (
        <div className="h-[420px] overflow-hidden rounded-xl border">
          <CreateTestNumber agent={a} />
        </div>
      )}
    </>
  );
}
