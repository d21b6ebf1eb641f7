import type { Conversation } from '@piloto/contracts';
import { Check, Plus, Tag } from 'lucide-react';
import { type FormEvent, type ReactElement, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.tsx';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCreateLabel, useLabels } from '@/lib/queries/inboxExtrasQueries.ts';
import { useSetConversationLabels } from '@/lib/queries/inboxQueries.ts';
import { labelColors } from './LabelChip.tsx';

/** Tick labels on and off for a conversation, or create a new one right here. */
export function LabelsPopover({
  conversation,
  trigger,
}: {
  conversation: Conversation;
  trigger?: ReactElement;
}) {
  const { orgId } = useCurrentOrg();
  const labels = useLabels(orgId);
  const setLabels = useSetConversationLabels(orgId, conversation.id);
  const createLabel = useCreateLabel(orgId);
  const [name, setName] = useState('');
  const [color, setColor] = useState(labelColors[0]);
  const selected = new Set(conversation.labels.map((l) => l.id));

  const save = (ids: string[]) =>
    setLabels.mutate(ids, { onError: (error) => toast.error(errorMessage(error)) });
  const toggle = (id: string) =>
    save(selected.has(id) ? [...selected].filter((x) => x !== id) : [...selected, id]);
  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    createLabel.mutate(
      { name: name.trim(), color },
      {
        onSuccess: (label) => {
          setName('');
          save([...selected, label.id]);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  };

  return (
    <Popover>
      <PopoverTrigger asChild>
        {trigger ?? (
          <Button variant="ghost" size="icon-sm" aria-label="Etiquetas" title="Etiquetas">
            <Tag aria-hidden="true" />
          </Button>
        )}
      </PopoverTrigger>
      <PopoverContent align="end" className="w-64 p-2">
        <p className="px-2 pt-1 pb-2 text-xs font-semibold text-slate-600">Etiquetas</p>
        <ul className="max-h-56 overflow-y-auto" aria-busy={setLabels.isPending}>
          {(labels.data ?? []).map((label) => {
            const on = selected.has(label.id);
            return (
              <li key={label.id}>
                <button
                  type="button"
                  aria-pressed={on}
                  onClick={() => toggle(label.id)}
                  className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-ring"
                >
                  <span
                    className="size-2.5 shrink-0 rounded-full"
                    style={{ backgroundColor: label.color }}
                    aria-hidden="true"
                  />
                  <span className="min-w-0 flex-1 truncate">{label.name}</span>
                  {on && <Check className="size-4 text-brand-700" aria-hidden="true" />}
                </button>
              </li>
            );
          })}
          {labels.data?.length === 0 && (
            <li className="px-2 py-1 text-xs text-slate-500">Nenhuma etiqueta ainda.</li>
          )}
        </ul>
        <form onSubmit={create} className="mt-2 grid gap-2 border-t pt-2">
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Nova etiqueta"
            aria-label="Nome da nova etiqueta"
            maxLength={40}
            className="h-8"
          />
          <div className="flex items-center gap-1">
            {labelColors.map((c) => (
              <button
                key={c}
                type="button"
                aria-pressed={color === c}
                aria-label={`Cor ${c}`}
                onClick={() => setColor(c)}
                className={cn('size-5 rounded-full ring-offset-1', color === c && 'ring-2 ring-slate-700')}
                style={{ backgroundColor: c }}
              />
            ))}
          </div>
          <Button
            type="submit"
            size="sm"
            variant="outline"
            loading={createLabel.isPending}
            disabled={!name.trim()}
          >
            <Plus aria-hidden="true" />
            Criar etiqueta
          </Button>
        </form>
      </PopoverContent>
    </Popover>
  );
}
