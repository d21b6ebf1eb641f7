import type { Message } from '@piloto/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, Loader2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dayKey, formatDayLabel } from '@/lib/formatChat.ts';
import { MessageBubble } from './MessageBubble.tsx';

type Row =
  | { type: 'day'; key: string; label: string }
  | { type: 'message'; key: string; message: Message; reactions?: string[] };

/** Day separators between messages; reactions ride on the message they react to. */
function buildRows(messages: Message[]): Row[] {
  const reactions = new Map<string, string[]>();
  const ids = new Set(messages.map((m) => m.id));
  for (const m of messages) {
    const target = m.reaction?.targetMessageId;
    if (m.kind === 'reaction' && m.reaction?.emoji && target && ids.has(target)) {
      reactions.set(target, [...(reactions.get(target) ?? []), m.reaction.emoji]);
    }
  }
  const rows: Row[] = [];
  let lastDay = '';
  for (const m of messages) {
    const target = m.reaction?.targetMessageId;
    if (m.kind === 'reaction' && target && ids.has(target)) continue;
    const day = dayKey(m.createdAt);
    if (day !== lastDay) {
      rows.push({ type: 'day', key: `day-${day}`, label: formatDayLabel(m.createdAt) });
      lastDay = day;
    }
    rows.push({ type: 'message', key: m.id, message: m, reactions: reactions.get(m.id) });
  }
  return rows;
}

type MessageListProps = {
  messages: Message[];
  isMine: (message: Message) => boolean;
  contactName: string;
  showSender?: boolean;
  showUnderstanding?: boolean;
  hasOlder?: boolean;
  loadingOlder?: boolean;
  onLoadOlder?: () => void;
  onReply?: (message: Message) => void;
};

/**
 * A virtualised chat: only the bubbles on screen are in the DOM. It opens at the newest message,
 * keeps the reader's place when older pages load above, and follows new messages while at the end.
 */
export function MessageList({
  messages,
  isMine,
  contactName,
  showSender,
  showUnderstanding,
  hasOlder = false,
  loadingOlder = false,
  onLoadOlder,
  onReply,
}: MessageListProps) {
  const scrollRef = useRef<HTMLElement>(null);
  const rows = useMemo(() => buildRows(messages), [messages]);
  const [atEnd, setAtEnd] = useState(true);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'day' ? 40 : 56),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 10,
    paddingStart: 8,
    paddingEnd: 12,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 80,
  });

  // Open at the newest message (the list is keyed by conversation, so this runs once per chat).
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || rows.length === 0) return;
    opened.current = true;
    virtualizer.scrollToEnd();
  }, [rows.length, virtualizer]);

  // My own new message always brings the view down, even when reading older ones.
  const lastRow = rows[rows.length - 1];
  const lastMine = lastRow?.type === 'message' && lastRow.message.id.startsWith('temp-');
  useEffect(() => {
    if (lastMine) virtualizer.scrollToEnd();
  }, [lastMine, virtualizer]);

  // A narrower or wider chat (contact panel, window) rewraps every bubble: stay at the end if there.
  const atEndRef = useRef(true);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      if (atEndRef.current) requestAnimationFrame(() => virtualizer.scrollToEnd());
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    atEndRef.current = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
    setAtEnd(atEndRef.current);
    if (el.scrollTop < 400 && hasOlder && !loadingOlder && opened.current) onLoadOlder?.();
  };

  return (
    <div className="relative min-h-0 flex-1">
      <section
        ref={scrollRef}
        onScroll={onScroll}
        className="chat-wallpaper h-full overflow-y-auto overscroll-contain"
        aria-label="Mensagens"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll
        tabIndex={0}
      >
        {loadingOlder && (
          <div className="absolute inset-x-0 top-2 z-10 flex justify-center" role="status">
            <span className="flex items-center gap-2 rounded-full bg-white px-3 py-1 text-xs text-slate-600 shadow-sm">
              <Loader2 className="size-3.5 animate-spin" aria-hidden="true" />
              Carregando mensagens anteriores…
            </span>
          </div>
        )}
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute inset-x-0 top-0"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.type === 'day' ? (
                  <div className="flex justify-center py-2">
                    <span className="rounded-md bg-white/95 px-2.5 py-1 text-xs font-medium text-slate-600 shadow-xs">
                      {row.label}
                    </span>
                  </div>
                ) : (
                  <MessageBubble
                    message={row.message}
                    mine={isMine(row.message)}
                    contactName={contactName}
                    reactions={row.reactions}
                    showSender={showSender}
                    showUnderstanding={showUnderstanding}
                    onReply={onReply}
                  />
                )}
              </div>
            );
          })}
        </div>
      </section>
      {!atEnd && (
        <button
          type="button"
          onClick={() => virtualizer.scrollToEnd({ behavior: 'smooth' })}
          className="absolute right-4 bottom-4 flex size-10 items-center justify-center rounded-full bg-white text-slate-600 shadow-md ring-1 ring-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-ring"
          aria-label="Ir para as mensagens mais recentes"
        >
          <ArrowDown className="size-5" aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
