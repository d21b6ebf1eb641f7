import type { Channel } from '@piloto/contracts';
import { Smartphone } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { channelStatusInfo } from '@/lib/channelProviders.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useChannels, useCheckChannel, useDeleteChannel } from '@/lib/queries/channelQueries.ts';
import { useInboxRealtime } from '@/lib/useInboxRealtime.ts';
import { type ChannelAction, ChannelCard } from './ChannelCard.tsx';
import { ConnectChannelDialog } from './ConnectChannelDialog.tsx';
import { EditChannelDialog } from './EditChannelDialog.tsx';
import { RejectedWebhooksSheet } from './RejectedWebhooksSheet.tsx';
import { WebhookInstructions } from './WebhookInstructions.tsx';

type Open = { action: Exclude<ChannelAction, 'check'>; channel: Channel } | null;

export function ChannelsPage() {
  const { orgId } = useCurrentOrg();
  useInboxRealtime(orgId);
  const channels = useChannels(orgId);
  const checkChannel = useCheckChannel(orgId);
  const deleteChannel = useDeleteChannel(orgId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const openFor = (action: Exclude<ChannelAction, 'check'>) =>
    open?.action === action ? open.channel : null;

  const onAction = (action: ChannelAction, channel: Channel) => {
    if (action !== 'check') return setOpen({ action, channel });
    checkChannel.mutate(channel.id, {
      onSuccess: ({ status, detail }) => {
        const text = `${channel.name}: ${channelStatusInfo[status].label}${detail ? ` — ${detail}` : ''}`;
        if (status === 'connected') toast.success(text);
        else toast.warning(text);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  };

  return (
    <>
      <PageHeader
        title="Canais"
        description="Os números de WhatsApp da empresa e a saúde de cada conexão."
        actions={<ConnectChannelDialog />}
      />
      {channels.isPending ? (
        <div className="grid gap-4" aria-busy="true">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : channels.isError ? (
        <QueryError error={channels.error} onRetry={() => channels.refetch()} />
      ) : channels.data.length === 0 ? (
        <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
            <Smartphone className="size-6" aria-hidden="true" />
          </div>
          <h2 className="text-base font-semibold text-slate-900">Nenhum número conectado</h2>
          <p className="mt-2 mb-6 max-w-md text-sm text-slate-600">
            Conecte um número via Z-API, Evolution API ou a API oficial da Meta. Para experimentar sem
            WhatsApp, crie um número Sandbox e use o simulador.
          </p>
          <ConnectChannelDialog />
        </section>
      ) : (
        <ul className="grid gap-4">
          {channels.data.map((channel) => (
            <li key={channel.id}>
              <ChannelCard
                channel={channel}
                checking={checkChannel.isPending && checkChannel.variables === channel.id}
                onAction={onAction}
              />
            </li>
          ))}
        </ul>
      )}

      <EditChannelDialog channel={openFor('edit')} onClose={close} />
      <RejectedWebhooksSheet channel={openFor('rejected')} onClose={close} />
      <Dialog open={open?.action === 'instructions'} onOpenChange={(o) => !o && close()}>
        <DialogContent className="sm:max-w-xl">
          <DialogHeader>
            <DialogTitle>Webhook de {open?.channel.name}</DialogTitle>
            <DialogDescription>Onde colar a URL no painel do provedor.</DialogDescription>
          </DialogHeader>
          {open && <WebhookInstructions channel={open.channel} />}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={open?.action === 'delete'}
        onOpenChange={(o) => !o && close()}
        title={`Excluir ${open?.channel.name ?? 'número'}?`}
        description="Nada mais será recebido ou enviado por este número. Para voltar a usá-lo, será preciso conectá-lo de novo."
        confirmLabel="Excluir número"
        destructive
        loading={deleteChannel.isPending}
        onConfirm={() =>
          open &&
          deleteChannel.mutate(open.channel.id, {
            onSuccess: () => {
              toast.success(`${open.channel.name} excluído.`);
              close();
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </>
  );
}
