import { ArrowLeft, FlaskConical } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useChannels } from '@/lib/queries/channelQueries.ts';
import { PhoneFrame } from './PhoneFrame.tsx';
import { SandboxChat } from './SandboxChat.tsx';
import { SandboxLeadForm, useSandboxLead } from './SandboxLeadForm.tsx';
import { useSandboxLive } from './useSandboxLive.ts';

/** "Simulador de WhatsApp": chat with a sandbox number as if you were a lead. */
export function SandboxPage() {
  const { channelId = '' } = useParams();
  const { orgId } = useCurrentOrg();
  const channels = useChannels(orgId);
  const channel = channels.data?.find((c) => c.id === channelId);
  const [lead, setLead] = useSandboxLead(channelId);
  useSandboxLive(orgId, channelId);

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
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Você é o cliente. Deixe o Inbox aberto em outra aba para ver a conversa chegar.
        </p>
        <SandboxLeadForm lead={lead} onApply={setLead} />
      </aside>
      <main>
        <PhoneFrame>
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
        </PhoneFrame>
      </main>
    </div>
  );
}
