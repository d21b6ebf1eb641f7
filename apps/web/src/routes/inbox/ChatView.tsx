import type { Conversation, Message } from '@piloto/contracts';
import { WifiOff } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { MessageList } from '@/components/chat/MessageList.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatPhone } from '@/lib/formatChat.ts';
import { flattenMessages } from '@/lib/messageCache.ts';
import { useMarkRead, useMessages } from '@/lib/queries/inboxQueries.ts';
import { ChatHeader } from './ChatHeader.tsx';
import { Composer } from './Composer.tsx';

const isOutbound = (m: Message) => m.direction === 'outbound';

/** Marks the conversation read while it is on screen and has unread messages. */
function useReadWhileVisible(orgId: string, conversation: Conversation) {
  const markRead = useMarkRead(orgId, conversation.id);
  const { mutate, isPending } = markRead;
  const unread = conversation.unreadCount;
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    if (visible && unread > 0 && !isPending) mutate();
  }, [visible, unread, isPending, mutate]);
}

function ChannelDownBanner({ conversation }: { conversation: Conversation }) {
  if (conversation.channel.status === 'connected') return null;
  return (
    <div
      role="status"
      className="flex items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      <WifiOff className="size-4 shrink-0 text-amber-700" aria-hidden="true" />
      <p>
        O número {conversation.channel.name} está desconectado. As mensagens ficam na fila e saem quando ele
        voltar.
      </p>
    </div>
  );
}

type Props = { conversation: Conversation; panelOpen: boolean; onTogglePanel: () => void };

export function ChatView({ conversation, panelOpen, onTogglePanel }: Props) {
  const { orgId } = useCurrentOrg();
  const messages = useMessages(orgId, conversation.id);
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const list = useMemo(() => flattenMessages(messages.data), [messages.data]);
  const contactName = conversation.contact.name || formatPhone(conversation.contact.phone);
  useReadWhileVisible(orgId, conversation);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  const loadOlder = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const clearReply = useCallback(() => setReplyTo(null), []);

  return (
    <section aria-label={`Conversa com ${contactName}`} className="flex h-full min-h-0 flex-col">
      <ChatHeader conversation={conversation} panelOpen={panelOpen} onTogglePanel={onTogglePanel} />
      <ChannelDownBanner conversation={conversation} />
      {messages.isPending ? (
        <div className="chat-wallpaper grid flex-1 content-end gap-3 p-6" aria-busy="true">
          <Skeleton className="h-10 w-1/2 bg-white/80" />
          <Skeleton className="h-14 w-2/5 justify-self-end bg-white/80" />
          <Skeleton className="h-10 w-1/3 bg-white/80" />
        </div>
      ) : messages.isError ? (
        <div className="chat-wallpaper flex-1 p-6">
          <QueryError error={messages.error} onRetry={() => messages.refetch()} />
        </div>
      ) : list.length === 0 ? (
        <div className="chat-wallpaper flex flex-1 items-center justify-center p-6">
          <p className="rounded-md bg-white/90 px-3 py-1.5 text-sm text-slate-600 shadow-xs">
            Nenhuma mensagem ainda.
          </p>
        </div>
      ) : (
        <MessageList
          key={conversation.id}
          messages={list}
          isMine={isOutbound}
          contactName={contactName}
          showSender
          showUnderstanding
          hasOlder={hasNextPage}
          loadingOlder={isFetchingNextPage}
          onLoadOlder={loadOlder}
          onReply={setReplyTo}
        />
      )}
      <Composer
        key={conversation.id}
        conversationId={conversation.id}
        contactName={contactName}
        replyTo={replyTo}
        onClearReply={clearReply}
      />
    </section>
  );
}
