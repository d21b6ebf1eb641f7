import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn.ts';

export const inputClassName =
  'flex h-9 w-full min-w-0 rounded-md border border-input bg-white px-3 py-1 text-sm text-foreground shadow-xs transition-colors placeholder:text-slate-500 focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:border-red-600 aria-invalid:focus-visible:outline-red-600/30';

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={cn(inputClassName, className)} {...props} />;
}
