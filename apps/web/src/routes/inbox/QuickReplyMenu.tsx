import type { QuickReply } from '@piloto/contracts';
import { cn } from '@/lib/cn.ts';

/** The list "/" opens above the composer; the composer owns the keyboard (↑ ↓ Enter Esc). */
export function QuickReplyMenu({
  items,
  active,
  onPick,
  onManage,
}: {
  items: QuickReply[];
  active: number;
  onPick: (reply: QuickReply) => void;
  onManage: () => void;
}) {
  return (
    <div className="absolute inset-x-2 bottom-full mb-2 overflow-hidden rounded-lg border bg-white shadow-lg">
      <div className="flex items-center justify-between border-b px-3 py-1.5">
        <p className="text-xs font-semibold text-slate-600">Respostas rápidas</p>
        <button
          type="button"
          onClick={onManage}
          className="text-xs font-medium text-brand-700 hover:underline"
        >
          Gerenciar
        </button>
      </div>
      {items.length === 0 ? (
        <p className="px-3 py-3 text-sm text-slate-500">Nenhuma resposta rápida com esse atalho.</p>
      ) : (
        <div
          id="quick-reply-list"
          role="listbox"
          aria-label="Respostas rápidas"
          className="max-h-56 overflow-y-auto py-1"
        >
          {items.map((reply, i) => (
            <div
              key={reply.id}
              id={`quick-reply-${reply.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(reply);
              }}
              className={cn('cursor-pointer px-3 py-1.5', i === active ? 'bg-brand-50' : 'hover:bg-slate-50')}
            >
              <span className="text-sm font-medium text-slate-900">/{reply.shortcut}</span>
              <span className="block truncate text-xs text-slate-600">{reply.text}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** "/pre" → the replies whose shortcut starts with (then contains) "pre". */
export function filterQuickReplies(replies: QuickReply[], query: string): QuickReply[] {
  const q = query.toLowerCase();
  const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(q));
  const contains = replies.filter((r) => !starts.includes(r) && r.shortcut.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, 20);
}
