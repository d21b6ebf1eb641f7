import { type ComponentProps, useState } from 'react';
import { Input } from '@/components/ui/input.tsx';
import { cn } from '@/lib/cn.ts';

/** A whole-number input that lets the field be empty while typing; reports only valid numbers. */
export function NumberInput({
  value,
  onValueChange,
  suffix,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type'> & {
  value: number;
  onValueChange: (value: number) => void;
  suffix?: string;
}) {
  const [draft, setDraft] = useState(String(value));
  const shown = Number(draft) === value ? draft : String(value);
  return (
    <div className={cn('relative', className)}>
      <Input
        {...props}
        type="number"
        inputMode="numeric"
        step={1}
        className={suffix ? 'pr-16' : undefined}
        value={shown}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = Number.parseInt(e.target.value, 10);
          if (Number.isFinite(parsed)) onValueChange(parsed);
        }}
      />
      {suffix && (
        <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-slate-500">
          {suffix}
        </span>
      )}
    </div>
  );
}
