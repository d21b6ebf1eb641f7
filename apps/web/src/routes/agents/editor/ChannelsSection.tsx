import { FlaskConical, Smartphone } from 'lucide-react';
import { Link } from 'react-router';
import { CheckboxCard } from '@/components/CheckboxCard.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { channelStatusInfo, providerInfo } from '@/lib/channelProviders.ts';
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
                  <CheckboxCard
                    checked={checked}
                    onChange={(on) => toggle(channel.id, on)}
                    icon={Icon}
                    title={channel.name}
                    detail={[
                      formatPhone(channel.phoneNumber) || providerInfo[channel.provider].label,
                      channelStatusInfo[channel.status].label,
                    ].join(' · ')}
                  />
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
