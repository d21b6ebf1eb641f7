import type { Label } from '@piloto/contracts';
import { cn } from '@/lib/cn.ts';

/** A label's name on a tint of its color (the color is a hex like #0ea5e9). */
export function LabelChip({ label, className }: { label: Label; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex max-w-32 items-center gap-1 truncate rounded-full px-1.5 py-px text-[11px] font-medium text-slate-800',
        className,
      )}
      style={{ backgroundColor: `${label.color}26`, boxShadow: `inset 0 0 0 1px ${label.color}55` }}
    >
      <span
        className="size-1.5 shrink-0 rounded-full"
        style={{ backgroundColor: label.color }}
        aria-hidden="true"
      />
      <span className="truncate">{label.name}</span>
    </span>
  );
}

export const labelColors = [
  '#16a34a',
  '#0ea5e9',
  '#6366f1',
  '#a855f7',
  '#ec4899',
  '#ef4444',
  '#f97316',
  '#eab308',
  '#64748b',
];
