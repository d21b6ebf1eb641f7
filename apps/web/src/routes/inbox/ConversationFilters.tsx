import type { Channel, Label } from '@piloto/contracts';
import { Search } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Input } from '@/components/ui/input.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { cn } from '@/lib/cn.ts';
import type { ConversationListFilter, InboxView } from '@/lib/queries/inboxQueries.ts';

const views: { value: InboxView; label: string }[] = [
  { value: 'mine', label: 'Minhas' },
  { value: 'unassigned', label: 'Não atribuídas' },
  { value: 'all', label: 'Todas' },
];

const selectClass = 'min-w-0 flex-1 [&_select]:h-8 [&_select]:text-xs';

type Props = {
  filter: ConversationListFilter;
  onChange: (patch: Partial<ConversationListFilter>) => void;
  counts: Record<InboxView, number> | undefined;
  channels: Channel[];
  labels: Label[];
};

/** Search (debounced), the three views with unread counts, and status/number/label filters. */
export function ConversationFilters({ filter, onChange, counts, channels, labels }: Props) {
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.q ?? '') !== q.trim()) onChange({ q: q.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [q, filter.q, onChange]);

  return (
    <div className="grid gap-2.5 border-b border-slate-200 p-3">
      <div className="relative">
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
          aria-hidden="true"
        />
        <Input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Buscar por nome, telefone ou mensagem"
          aria-label="Buscar conversas"
          className="h-9 rounded-lg border-transparent bg-slate-100 pl-9 shadow-none focus-visible:bg-white"
        />
      </div>
      <fieldset className="flex gap-1 rounded-lg bg-slate-100 p-1">
        <legend className="sr-only">Visão</legend>
        {views.map((v) => {
          const active = (filter.view ?? 'all') === v.value;
          const count = counts?.[v.value] ?? 0;
          return (
            <button
              key={v.value}
              type="button"
              aria-pressed={active}
              onClick={() => onChange({ view: v.value })}
              className={cn(
                'flex min-w-0 flex-1 items-center justify-center gap-1 rounded-md px-1.5 py-1.5 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
                active ? 'bg-white text-slate-900 shadow-xs' : 'text-slate-600 hover:text-slate-900',
              )}
            >
              <span className="truncate">{v.label}</span>
              {count > 0 && (
                <span className="rounded-full bg-brand-500 px-1.5 text-[10px] leading-4 font-semibold text-white">
                  {count > 99 ? '99+' : count}
                  <span className="sr-only"> com mensagens não lidas</span>
                </span>
              )}
            </button>
          );
        })}
      </fieldset>
      <div className="flex gap-2">
        <NativeSelect
          aria-label="Situação"
          className={selectClass}
          value={filter.status ?? 'open'}
          onChange={(e) => onChange({ status: e.target.value as 'open' | 'closed' })}
        >
          <option value="open">Abertas</option>
          <option value="closed">Fechadas</option>
        </NativeSelect>
        {channels.length > 1 && (
          <NativeSelect
            aria-label="Número"
            className={selectClass}
            value={filter.channelId ?? ''}
            onChange={(e) => onChange({ channelId: e.target.value || undefined })}
          >
            <option value="">Números</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        )}
        {labels.length > 0 && (
          <NativeSelect
            aria-label="Etiqueta"
            className={selectClass}
            value={filter.labelId ?? ''}
            onChange={(e) => onChange({ labelId: e.target.value || undefined })}
          >
            <option value="">Etiquetas</option>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </div>
    </div>
  );
}
