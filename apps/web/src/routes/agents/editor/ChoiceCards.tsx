import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn.ts';

export type Choice<T extends string> = {
  value: T;
  label: string;
  description?: ReactNode;
  icon?: LucideIcon;
};

/** A radio group drawn as cards: for choices that need a sentence of explanation each. */
export function ChoiceCards<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  columns = 2,
  children,
}: {
  name: string;
  legend: string;
  value: T;
  options: Choice<T>[];
  onChange: (value: T) => void;
  columns?: 1 | 2;
  /** Extra controls under the group (e.g. the minutes for "por um tempo"). */
  children?: ReactNode;
}) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium text-slate-900">{legend}</legend>
      <div className={cn('grid gap-2', columns === 2 && 'sm:grid-cols-2')}>
        {options.map((option) => {
          const checked = option.value === value;
          const Icon = option.icon;
          return (
            <label
              key={option.value}
              className={cn(
                'flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors has-focus-visible:outline-2 has-focus-visible:outline-ring',
                checked ? 'border-brand-500 bg-brand-50/60 ring-1 ring-brand-500' : 'hover:bg-slate-50',
              )}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              <span className="min-w-0">
                <span className="flex items-center gap-1.5 text-sm font-medium text-slate-900">
                  {Icon && <Icon className="size-4 text-slate-500" aria-hidden="true" />}
                  {option.label}
                </span>
                {option.description && (
                  <span className="mt-0.5 block text-xs text-slate-600">{option.description}</span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
