import { X } from 'lucide-react';
import { type KeyboardEvent, useState } from 'react';
import { inputClassName } from '@/components/ui/input.tsx';
import { cn } from '@/lib/cn.ts';

/** Words typed and confirmed with Enter or comma become chips; Backspace on empty removes the last. */
export function KeywordChips({
  id,
  values,
  onChange,
  errors,
  describedBy,
}: {
  id: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Errors per chip index. */
  errors: (string | undefined)[];
  describedBy?: string;
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const word = draft.trim().replace(/,$/, '').trim();
    if (word && !values.some((v) => v.toLowerCase() === word.toLowerCase())) onChange([...values, word]);
    setDraft('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div
      className={cn(
        inputClassName,
        'h-auto min-h-9 flex-wrap items-center gap-1.5 py-1.5 focus-within:border-ring focus-within:outline-2 focus-within:outline-ring/40',
      )}
    >
      {values.map((word, index) => (
        <span
          key={word}
          className={cn(
            'inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs font-medium text-slate-800',
            errors[index] && 'bg-red-50 text-red-800 ring-1 ring-red-300',
          )}
          title={errors[index]}
        >
          {word}
          <button
            type="button"
            onClick={() => onChange(values.filter((_, i) => i !== index))}
            aria-label={`Remover ${word}`}
            className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-ring"
          >
            <X className="size-3" aria-hidden="true" />
          </button>
        </span>
      ))}
      <input
        id={id}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={add}
        maxLength={60}
        aria-describedby={describedBy}
        aria-invalid={errors.some(Boolean) || undefined}
        placeholder={values.length === 0 ? 'Ex.: cancelar, procon, advogado' : 'Adicionar…'}
        className="h-6 min-w-32 flex-1 bg-transparent text-sm outline-none placeholder:text-slate-500"
      />
    </div>
  );
}
