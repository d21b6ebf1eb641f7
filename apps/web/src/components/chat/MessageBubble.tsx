import type { Message } from '@piloto/contracts';
import { Ban, Bot, Reply, Smartphone } from 'lucide-react';
import { memo } from 'react';
import { cn } from '@/lib/cn.ts';
import { formatTime } from '@/lib/formatChat.ts';
import { messagePreview } from '@/lib/messagePreview.ts';
import { MessageMedia } from './MessageMedia.tsx';
import { MessageStatusIcon } from './MessageStatus.tsx';
import { MessageUnderstanding } from './MessageUnderstanding.tsx';

type BubbleProps = {
  message: Message;
  /** Right side, green: the business in the inbox, the lead in the simulator. */
  mine: boolean;
  contactName: string;
  reactions?: string[];
  /** Inbox only: who sent an outbound message (IA, celular, a teammate). */
  showSender?: boolean;
  /** Inbox only: the transcript, description or text read of a media (or why it failed). */
  showUnderstanding?: boolean;
  onReply?: (message: Message) => void;
};

function SenderTag({ message }: { message: Message }) {
  if (message.senderType === 'ai') {
    return (
      <span className="inline-flex items-center gap-1 text-[11px] font-semibold text-violet-700">
        <Bot className="size-3" aria-hidden="true" />
        IA
      </span>
    );
  }
  if (message.senderType === 'phone') {
    return (
      <span className="inline-flex items-center gap-1 text-[11px] font-medium text-slate-600">
        <Smartphone className="size-3" aria-hidden="true" />
        Enviada pelo celular
      </span>
    );
  }
  if (message.senderType === 'member' && message.senderName) {
    return <span className="text-[11px] font-semibold text-brand-800">{message.senderName}</span>;
  }
  return null;
}

function Quote({ quoted, contactName }: { quoted: NonNullable<Message['quoted']>; contactName: string }) {
  const author =
    quoted.senderType === 'contact' ? contactName : quoted.senderType === 'ai' ? 'IA' : 'Empresa';
  return (
    <div className="mb-1 rounded-md border-l-4 border-brand-500 bg-black/[0.05] px-2 py-1 text-xs">
      <p className="font-semibold text-brand-800">{author}</p>
      <p className="line-clamp-2 text-slate-700">{messagePreview(quoted)}</p>
    </div>
  );
}

/** One chat bubble. Memoised: a status change re-renders only the message it belongs to. */
export const MessageBubble = memo(function MessageBubble({
  message,
  mine,
  contactName,
  reactions,
  showSender = false,
  showUnderstanding = false,
  onReply,
}: BubbleProps) {
  if (message.senderType === 'system') {
    return (
      <div className="flex justify-center px-4 py-1">
        <p className="rounded-md bg-white/90 px-3 py-1 text-center text-xs text-slate-600 shadow-xs">
          {message.text}
        </p>
      </div>
    );
  }
  const hasMedia = message.media !== null || message.location !== null || message.contacts !== null;
  const deleted = message.deletedAt !== null;
  const caption = message.kind === 'text' || message.kind === 'unsupported' ? null : message.text;
  const body = message.kind === 'text' ? message.text : caption;

  return (
    <div className={cn('group flex px-3 py-0.5 sm:px-[6%]', mine ? 'justify-end' : 'justify-start')}>
      <div
        className={cn(
          'relative flex max-w-[85%] items-center gap-1 sm:max-w-[70%]',
          mine && 'flex-row-reverse',
        )}
      >
        <div
          className={cn(
            'relative min-w-0 rounded-lg px-2 pt-1.5 pb-1 text-sm text-slate-900 shadow-xs [overflow-wrap:anywhere]',
            mine ? 'rounded-tr-sm bg-[#d9fdd3]' : 'rounded-tl-sm bg-white',
            reactions?.length && 'mb-3',
          )}
        >
          {showSender && mine && (
            <div className="mb-0.5">
              <SenderTag message={message} />
            </div>
          )}
          {message.quoted && <Quote quoted={message.quoted} contactName={contactName} />}
          {deleted && (
            <p className="flex items-center gap-1 text-xs italic text-slate-500">
              <Ban className="size-3" aria-hidden="true" />
              Mensagem apagada pelo contato
            </p>
          )}
          <div className={cn(deleted && 'opacity-60 line-through')}>
            {hasMedia && (
              <div className="mb-1">
                <MessageMedia message={message} />
              </div>
            )}
            {message.kind === 'unsupported' && (
              <p className="italic text-slate-600">
                Este tipo de mensagem não pode ser exibido aqui. Veja no celular.
              </p>
            )}
            {body && <p className="whitespace-pre-wrap">{body}</p>}
            {showUnderstanding && <MessageUnderstanding message={message} />}
          </div>
          <div className="float-right mt-0.5 ml-3 flex translate-y-0.5 items-center gap-1 text-[11px] text-slate-500">
            {message.editedAt && !deleted && <span>editada</span>}
            <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>
            {message.direction === 'outbound' && (
              <MessageStatusIcon
                status={message.status}
                detail={message.statusDetail}
                stuck={message.stuck}
              />
            )}
          </div>
          {message.status === 'failed' && message.statusDetail && (
            <p className="clear-both pt-0.5 text-xs text-red-700">{message.statusDetail}</p>
          )}
          {reactions && reactions.length > 0 && (
            <span
              className={cn(
                'absolute -bottom-3.5 rounded-full border bg-white px-1.5 py-px text-xs shadow-xs',
                mine ? 'right-2' : 'left-2',
              )}
              role="img"
              aria-label={`Reações: ${reactions.join(' ')}`}
            >
              {reactions.join('')}
            </span>
          )}
        </div>
        {onReply && !message.id.startsWith('temp-') && (
          <button
            type="button"
            onClick={() => onReply(message)}
            className="shrink-0 rounded-full bg-white/80 p-1.5 text-slate-500 opacity-0 shadow-xs transition-opacity group-hover:opacity-100 hover:text-slate-900 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-ring"
            aria-label="Responder"
            title="Responder"
          >
            <Reply className="size-3.5" aria-hidden="true" />
          </button>
        )}
      </div>
    </div>
  );
});
