import { cva, type VariantProps } from 'class-variance-authority';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn.ts';

const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
  {
    variants: {
      variant: {
        default: 'border-transparent bg-slate-100 text-slate-700',
        success: 'border-transparent bg-brand-50 text-brand-800 ring-1 ring-brand-200 ring-inset',
        warning: 'border-transparent bg-amber-50 text-amber-800 ring-1 ring-amber-200 ring-inset',
        danger: 'border-transparent bg-red-50 text-red-800 ring-1 ring-red-200 ring-inset',
        outline: 'border-slate-300 text-slate-700',
        info: 'border-transparent bg-sky-50 text-sky-800 ring-1 ring-sky-200 ring-inset',
      },
    },
    defaultVariants: { variant: 'default' },
  },
);

export function Badge({
  className,
  variant,
  ...props
}: ComponentProps<'span'> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ variant }), className)} {...props} />;
}
