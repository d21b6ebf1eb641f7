import { FlaskConical, Smartphone } from 'lucide-react';
import { Link } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { channelStatusInfo, providerInfo } from '@/lib/channelProviders.ts';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatPhone } from '@/lib/formatChat.ts';
import { useChannels } from '@/lib/queries/channelQueries.ts';
import { errorUnder, type SectionProps } from './agentFormState.ts';
import { EditorSection } from './EditorSection.tsx';

export function ChannelsSection({ values, onChange, errors }: SectionProps) {
  const { orgId } = useCurrentOrg();
  const channels = useChannels(orgId);
  const selected = new Set(values.channelIds);
  const toggle = (id: string, on: boolean) =>
    onChange({ channelIds: on ? [...values.channelIds, id] : values.channelIds.filter((c) => c !== id) });
  const error = errorUnder(errors, 'channelIds');
  return (
    <EditorSection
      id="numeros"
      title="Números"
      description="Em quais números de WhatsApp este agente atende. Cada número tem um agente."
    >
      {channels.isPending ? (
        <Skeleton className="h-24" />
      ) : channels.data?.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nenhum número conectado ainda.{' '}
          <Link to="/canais" className="font-medium text-brand-700 underline">
            Conectar um número
          </Link>
        </p>
      ) : (
        <fieldset aria-describedby={error ? 'channels-error' : undefined}>
          <legend className="sr-only">Números do agente</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {channels.data?.map((channel) => {
              const checked = selected.has(channel.id);
              const Icon = channel.provider === 'sandbox' ? FlaskConical : Smartphone;
              return (
                <li key={channel.id}>
                  <label
                    className={cn(
                      'flex cursor-pointer items-center gap-3 rounded-lg border p-3 transition-colors has-focus-visible:outline-2 has-focus-visible:outline-ring',
                      checked ? 'border-brand-500 bg-brand-50/60' : 'hover:bg-slate-50',
                    )}
                  >
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(e) => toggle(channel.id, e.target.checked)}
                      className="size-4 shrink-0 accent-brand-600"
                    />
                    <Icon className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-slate-900">
                        {channel.name}
                      </span>
                      <span className="block truncate text-xs text-slate-600">
                        {[
                          formatPhone(channel.phoneNumber) || providerInfo[channel.provider].label,
                          channelStatusInfo[channel.status].label,
                        ].join(' · ')}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {error && (
        <p id="channels-error" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </EditorSection>
  );
}
