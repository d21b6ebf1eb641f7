import { hasRole } from '@piloto/contracts';
import { MessagesSquare, Smartphone } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@/components/ui/sheet.tsx';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useChannels } from '@/lib/queries/channelQueries.ts';
import { useConversation } from '@/lib/queries/inboxQueries.ts';
import { useInboxRealtime } from '@/lib/useInboxRealtime.ts';
import { ChatView } from './ChatView.tsx';
import { ContactPanel } from './ContactPanel.tsx';
import { ConversationList } from './ConversationList.tsx';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const onChange = () => setMatches(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

function Placeholder({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex h-full flex-col items-center justify-center border-slate-200 bg-slate-50 px-6 text-center md:border-l">
      {children}
    </div>
  );
}

function NoChannel() {
  const { role } = useCurrentOrg();
  return (
    <Placeholder>
      <div className="mb-4 flex size-14 items-center justify-center rounded-2xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
        <Smartphone className="size-7" aria-hidden="true" />
      </div>
      <h1 className="text-lg font-semibold text-slate-900">Nenhum número de WhatsApp conectado</h1>
      <p className="mt-2 max-w-sm text-sm text-slate-600">
        {hasRole(role, 'admin')
          ? 'Conecte um número (ou crie um Sandbox para testar) e as conversas aparecem aqui.'
          : 'Peça a um administrador da empresa para conectar um número de WhatsApp.'}
      </p>
      {hasRole(role, 'admin') && (
        <Button asChild className="mt-6">
          <Link to="/canais">Conectar número</Link>
        </Button>
      )}
    </Placeholder>
  );
}

function OpenConversation({ conversationId }: { conversationId: string }) {
  const { orgId } = useCurrentOrg();
  const conversation = useConversation(orgId, conversationId);
  const wide = useMediaQuery('(min-width: 1536px)');
  const [panelOpen, setPanelOpen] = useState(false);
  const toggle = () => setPanelOpen((open) => !open);
  if (conversation.isError) {
    return (
      <Placeholder>
        <QueryError error={conversation.error} onRetry={() => conversation.refetch()} />
      </Placeholder>
    );
  }
  if (!conversation.data) return <div className="chat-wallpaper h-full" aria-busy="true" />;
  const c = conversation.data;
  return (
    <div className="flex h-full min-w-0">
      <div className="min-w-0 flex-1 border-l border-slate-200">
        <ChatView conversation={c} panelOpen={panelOpen} onTogglePanel={toggle} />
      </div>
      {wide ? (
        panelOpen && (
          <div className="w-80 shrink-0 border-l border-slate-200">
            <ContactPanel conversation={c} onClose={toggle} />
          </div>
        )
      ) : (
        <Sheet open={panelOpen} onOpenChange={setPanelOpen}>
          <SheetContent side="right" className="max-w-sm [&>button:last-child]:hidden">
            <SheetTitle className="sr-only">Dados do contato</SheetTitle>
            <SheetDescription className="sr-only">Nome, telefone, etiquetas e notas</SheetDescription>
            <ContactPanel conversation={c} onClose={toggle} />
          </SheetContent>
        </Sheet>
      )}
    </div>
  );
}

/** WhatsApp-Web-like: conversations on the left, the open chat in the middle, the contact on the right. */
export function InboxPage() {
  const { orgId } = useCurrentOrg();
  const { conversationId } = useParams();
  const channels = useChannels(orgId);
  useInboxRealtime(orgId);
  const noChannel = channels.data?.length === 0;
  if (noChannel && !conversationId) return <NoChannel />;

  return (
    <div className="flex h-full min-h-0 bg-white">
      <h1 className="sr-only">Inbox</h1>
      <div
        className={cn(
          'h-full w-full shrink-0 md:w-[320px] xl:w-[380px]',
          conversationId && 'hidden md:block',
        )}
      >
        <ConversationList selectedId={conversationId} channels={channels.data ?? []} />
      </div>
      <div className={cn('h-full min-w-0 flex-1', !conversationId && 'hidden md:block')}>
        {conversationId ? (
          <OpenConversation key={conversationId} conversationId={conversationId} />
        ) : (
          <Placeholder>
            <MessagesSquare className="mb-4 size-12 text-slate-300" aria-hidden="true" />
            <p className="text-base font-medium text-slate-700">Selecione uma conversa</p>
            <p className="mt-1 max-w-xs text-sm text-slate-500">
              A IA atende sozinha; entre quando quiser assumir, transferir ou encerrar.
            </p>
          </Placeholder>
        )}
      </div>
    </div>
  );
}
