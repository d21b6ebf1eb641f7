import type { Conversation } from '@piloto/contracts';
import { Bot } from 'lucide-react';
import { memo } from 'react';
import { Link } from 'react-router';
import { MessageStatusIcon } from '@/components/chat/MessageStatus.tsx';
import { Avatar } from '@/components/ui/avatar.tsx';
import { cn } from '@/lib/cn.ts';
import { formatListTime, formatPhone } from '@/lib/formatChat.ts';
import { messagePreview } from '@/lib/messagePreview.ts';
import { HandoffBadge } from './HandoffBadge.tsx';
import { LabelChip } from './LabelChip.tsx';

export const ConversationRow = memo(function ConversationRow({
  conversation: c,
  selected,
}: {
  conversation: Conversation;
  selected: boolean;
}) {
  const name = c.contact.name || formatPhone(c.contact.phone) || 'Sem nome';
  const last = c.lastMessage;
  const unread = c.unreadCount > 0;
  return (
    <Link
      to={`/inbox/${c.id}`}
      aria-current={selected ? 'page' : undefined}
      className={cn(
        'flex gap-3 border-b border-slate-100 px-3 py-2.5 transition-colors focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring',
        selected ? 'bg-slate-100' : 'hover:bg-slate-50',
      )}
    >
      <Avatar name={name} className="mt-0.5 size-11 text-sm" />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <p className={cn('min-w-0 flex-1 truncate text-[15px] text-slate-900', unread && 'font-semibold')}>
            {name}
          </p>
          {c.lastMessageAt && (
            <time
              dateTime={c.lastMessageAt}
              className={cn('shrink-0 text-xs', unread ? 'font-medium text-brand-700' : 'text-slate-500')}
            >
              {formatListTime(c.lastMessageAt)}
            </time>
          )}
        </div>
        <div className="mt-0.5 flex items-center gap-1.5">
          {last?.direction === 'outbound' && <MessageStatusIcon status={last.status} plain />}
          <p className={cn('min-w-0 flex-1 truncate text-sm', unread ? 'text-slate-800' : 'text-slate-500')}>
            {last ? messagePreview(last) : 'Sem mensagens'}
          </p>
          {unread && (
            <span className="flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-brand-500 px-1.5 text-[11px] font-semibold text-white">
              <span className="sr-only">Não lidas: </span>
              {c.unreadCount > 99 ? '99+' : c.unreadCount}
            </span>
          )}
        </div>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          {c.aiActive ? (
            <span className="inline-flex items-center gap-1 rounded-full bg-violet-50 px-1.5 py-px text-[11px] font-medium text-violet-700 ring-1 ring-violet-200 ring-inset">
              <Bot className="size-3" aria-hidden="true" />
              IA
            </span>
          ) : (
            <span className="inline-flex max-w-32 truncate rounded-full bg-sky-50 px-1.5 py-px text-[11px] font-medium text-sky-800 ring-1 ring-sky-200 ring-inset">
              {c.assignee ? c.assignee.name.split(' ')[0] : 'Humano'}
            </span>
          )}
          {!c.aiActive && <HandoffBadge reason={c.handoffReason} />}
          {c.labels.slice(0, 2).map((label) => (
            <LabelChip key={label.id} label={label} />
          ))}
          {c.labels.length > 2 && <span className="text-[11px] text-slate-500">+{c.labels.length - 2}</span>}
        </div>
      </div>
    </Link>
  );
});
