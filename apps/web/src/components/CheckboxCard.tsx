import type { LucideIcon } from 'lucide-react';
import { cn } from '@/lib/cn.ts';

/** A checkbox as a bordered card with an icon, a title and a detail line (e.g. an agent's numbers). */
export function CheckboxCard(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  icon: LucideIcon;
  title: string;
  detail: string;
}) {
  const Icon = props.icon;
  return (
    <label
      className={cn(
        'flex cursor-pointer items-center gap-3 rounded-lg border p-3 transition-colors has-focus-visible:outline-2 has-focus-visible:outline-ring',
        props.checked ? 'border-brand-500 bg-brand-50/60' : 'hover:bg-slate-50',
      )}
    >
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        className="size-4 shrink-0 accent-brand-600"
      />
      <Icon className="size-4 shrink-0 text-slate-500" aria-hidden="true" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-medium text-slate-900">{props.title}</span>
        <span className="block truncate text-xs text-slate-600">{props.detail}</span>
      </span>
    </label>
  );
}
