import type { Channel } from '@piloto/contracts';
import { FlaskConical, MoreHorizontal, Pencil, PlugZap, Smartphone, Trash2, Webhook } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card } from '@/components/ui/card.tsx';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu.tsx';
import { channelStatusInfo, providerInfo } from '@/lib/channelProviders.ts';
import { cn } from '@/lib/cn.ts';
import { formatPhone } from '@/lib/formatChat.ts';
import { formatRelative } from '@/lib/formatDate.ts';

export type ChannelAction = 'edit' | 'delete' | 'rejected' | 'instructions' | 'check';

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 px-5 py-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function SendUsage({ channel }: { channel: Channel }) {
  const limit = channel.dailySendLimit;
  if (limit == null) return <span>{channel.sentToday.toLocaleString('pt-BR')} (sem limite)</span>;
  const ratio = Math.min(1, channel.sentToday / limit);
  return (
    <div>
      <span>
        {channel.sentToday.toLocaleString('pt-BR')} de {limit.toLocaleString('pt-BR')}
      </span>
      <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        <div
          className={cn(
            'h-full rounded-full',
            ratio >= 1 ? 'bg-red-600' : ratio >= 0.8 ? 'bg-amber-500' : 'bg-brand-500',
          )}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>
    </div>
  );
}

export function ChannelCard({
  channel,
  checking,
  onAction,
}: {
  channel: Channel;
  checking: boolean;
  onAction: (action: ChannelAction, channel: Channel) => void;
}) {
  const status = channelStatusInfo[channel.status];
  const isSandbox = channel.provider === 'sandbox';
  const Icon = isSandbox ? FlaskConical : Smartphone;
  return (
    <Card>
      <div className="flex flex-wrap items-start gap-3 p-5">
        <span
          className={cn(
            'flex size-10 shrink-0 items-center justify-center rounded-lg ring-1',
            isSandbox
              ? 'bg-violet-50 text-violet-700 ring-violet-100'
              : 'bg-brand-50 text-brand-700 ring-brand-100',
          )}
        >
          <Icon className="size-5" aria-hidden="true" />
        </span>
        <div className="min-w-0 flex-1 basis-40">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="truncate text-base font-semibold text-slate-900">{channel.name}</h2>
            <Badge variant={isSandbox ? 'outline' : 'default'}>{providerInfo[channel.provider].label}</Badge>
          </div>
          <p className="text-sm text-slate-600">
            {isSandbox
              ? 'Converse pelo simulador'
              : formatPhone(channel.phoneNumber) || 'Número não informado'}
          </p>
        </div>
        <div className="flex w-full flex-wrap items-center gap-2 sm:w-auto">
          {isSandbox && (
            <Button variant="outline" size="sm" asChild>
              <Link to={`/sandbox/${channel.id}`} target="_blank" rel="noopener">
                <FlaskConical aria-hidden="true" />
                Abrir simulador
              </Link>
            </Button>
          )}
          <Button variant="outline" size="sm" loading={checking} onClick={() => onAction('check', channel)}>
            {!checking && <PlugZap aria-hidden="true" />}
            Testar conexão
          </Button>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button
                variant="ghost"
                size="icon-sm"
                className="ml-auto sm:ml-0"
                aria-label={`Mais ações para ${channel.name}`}
              >
                <MoreHorizontal aria-hidden="true" />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={() => onAction('edit', channel)}>
                <Pencil aria-hidden="true" />
                Editar
              </DropdownMenuItem>
              {!isSandbox && (
                <DropdownMenuItem onSelect={() => onAction('instructions', channel)}>
                  <Webhook aria-hidden="true" />
                  Instruções do webhook
                </DropdownMenuItem>
              )}
              <DropdownMenuSeparator />
              <DropdownMenuItem
                onSelect={() => onAction('delete', channel)}
                className="text-red-700 [&_svg]:text-red-600!"
              >
                <Trash2 aria-hidden="true" />
                Excluir
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>
      <dl className="grid divide-y border-t sm:grid-cols-3 sm:divide-x sm:divide-y-0">
        <Stat label="Conexão">
          <Badge variant={status.variant}>{status.label}</Badge>
          {channel.statusDetail && <p className="mt-1 text-xs text-slate-600">{channel.statusDetail}</p>}
          <p className="mt-1 text-xs text-slate-500">
            {channel.statusCheckedAt
              ? `Verificado ${formatRelative(channel.statusCheckedAt)}`
              : 'Ainda não verificado'}
          </p>
        </Stat>
        <Stat label="Enviadas hoje">
          <SendUsage channel={channel} />
        </Stat>
        <Stat label="Webhooks recusados (24 h)">
          {channel.rejectedWebhooks24h > 0 ? (
            <Button
              variant="link"
              className="h-auto px-0 py-0 text-red-700"
              onClick={() => onAction('rejected', channel)}
            >
              {channel.rejectedWebhooks24h.toLocaleString('pt-BR')} — ver motivos
            </Button>
          ) : (
            <span className="text-slate-600">Nenhum</span>
          )}
        </Stat>
      </dl>
    </Card>
  );
}
