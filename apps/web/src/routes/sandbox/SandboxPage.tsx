import { useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, FlaskConical, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormField } from '@/components/FormField.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatPhone } from '@/lib/formatChat.ts';
import { useChannels } from '@/lib/queries/channelQueries.ts';
import { channelKeys } from '@/lib/queryKeys.ts';
import { useOrgEvents } from '@/lib/useOrgEvents.ts';
import { SandboxChat } from './SandboxChat.tsx';
import { randomLeadPhone, readLead, type SandboxLead, storeLead } from './sandboxLead.ts';

/** Refreshes the simulator when the inbox side (or the AI) sends or the statuses change. */
function useSandboxLive(orgId: string, channelId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: [...channelKeys.all(orgId), channelId, 'sandbox'] });
  useOrgEvents(orgId, {
    onEvent: (event) => event.type !== 'channel.updated' && refresh(),
    onReconnect: refresh,
  });
}

/** "Simulador de WhatsApp": chat with a sandbox number as if you were a lead. */
export function SandboxPage() {
  const { channelId = '' } = useParams();
  const { orgId } = useCurrentOrg();
  const channels = useChannels(orgId);
  const channel = channels.data?.find((c) => c.id === channelId);
  const [lead, setLead] = useState<SandboxLead>(() => readLead(channelId));
  const [draft, setDraft] = useState(lead);
  useSandboxLive(orgId, channelId);

  const apply = (next: SandboxLead) => {
    const clean = {
      name: next.name.trim() || 'Lead de teste',
      phone: next.phone.replace(/[^\d+]/g, '') || randomLeadPhone(),
    };
    setLead(clean);
    setDraft(clean);
    storeLead(channelId, clean);
  };

  return (
    <div className="min-h-dvh bg-slate-100 lg:flex lg:items-center lg:justify-center lg:gap-10 lg:p-6">
      <aside className="border-b bg-white p-4 lg:w-80 lg:rounded-xl lg:border lg:p-6 lg:shadow-xs">
        <Link
          to="/canais"
          className="mb-4 inline-flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft className="size-4" aria-hidden="true" />
          Canais
        </Link>
        <div className="flex items-center gap-2">
          <FlaskConical className="size-5 text-violet-700" aria-hidden="true" />
          <h1 className="text-lg font-semibold text-slate-900">Simulador de WhatsApp</h1>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Você é o cliente. Deixe o Inbox aberto em outra aba para ver a conversa chegar.
        </p>
        <form
          className="mt-4 grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            apply(draft);
          }}
        >
          <FormField id="lead-name" label="Nome do lead">
            {(field) => (
              <Input
                {...field}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            )}
          </FormField>
          <FormField id="lead-phone" label="Telefone do lead" hint={formatPhone(lead.phone)}>
            {(field) => (
              <Input
                {...field}
                type="tel"
                value={draft.phone}
                onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
              />
            )}
          </FormField>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={draft.name === lead.name && draft.phone === lead.phone}>
              Usar este lead
            </Button>
            <Button
              size="sm"
              variant="outline"
              onClick={() => apply({ name: 'Lead de teste', phone: randomLeadPhone() })}
            >
              <RefreshCw aria-hidden="true" />
              Novo lead
            </Button>
          </div>
        </form>
      </aside>
      <main className="h-[calc(100dvh-1px)] lg:h-[min(780px,calc(100dvh-3rem))] lg:w-[400px] lg:overflow-hidden lg:rounded-[2rem] lg:border-8 lg:border-slate-900 lg:shadow-2xl">
        {channels.isSuccess && !channel ? (
          <div className="flex h-full items-center justify-center bg-white p-6 text-center text-sm text-slate-600">
            Número de teste não encontrado nesta empresa.
          </div>
        ) : (
          <SandboxChat
            key={lead.phone}
            channelId={channelId}
            channelName={channel?.name ?? 'Sandbox'}
            lead={lead}
          />
        )}
      </main>
    </div>
  );
}
