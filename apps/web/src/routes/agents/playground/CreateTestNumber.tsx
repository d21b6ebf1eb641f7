import type { Agent, Channel } from '@piloto/contracts';
import { FlaskConical } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useUpdateAgent } from '@/lib/queries/agentQueries.ts';
import { useCreateChannel } from '@/lib/queries/channelQueries.ts';

/** Creates a sandbox number for this agent and attaches it (without touching the other numbers). */
export function CreateTestNumber({ agent }: { agent: Agent }) {
  const { orgId } = useCurrentOrg();
  const createChannel = useCreateChannel(orgId);
  const updateAgent = useUpdateAgent(orgId);
  const busy = createChannel.isPending || updateAgent.isPending;

  const create = async () => {
    try {
      const channel: Channel = await createChannel.mutateAsync({
        provider: 'sandbox',
        name: `Playground — ${agent.name}`.slice(0, 80),
      });
      await updateAgent.mutateAsync({
        agentId: agent.id,
        body: { channelIds: [...agent.channelIds, channel.id] },
      });
      toast.success('Número de teste criado e ligado ao agente.');
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };

  return (
    <div className="flex h-full flex-col items-center justify-center gap-3 bg-white p-6 text-center">
      <span className="flex size-12 items-center justify-center rounded-xl bg-violet-50 text-violet-700 ring-1 ring-violet-100">
        <FlaskConical className="size-6" aria-hidden="true" />
      </span>
      <h2 className="text-base font-semibold text-slate-900">Este agente não tem um número de teste</h2>
      <p className="max-w-xs text-sm text-slate-600">
        Crie um número Sandbox ligado a ele para conversar como se fosse um cliente, sem usar o WhatsApp de
        verdade.
      </p>
      <Button onClick={create} loading={busy}>
        Criar número de teste
      </Button>
    </div>
  );
}
