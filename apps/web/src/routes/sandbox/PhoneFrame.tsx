import type { ReactNode } from 'react';
import { cn } from '@/lib/cn.ts';

/** The simulator's phone: full screen on small screens, a phone outline on large ones. */
export function PhoneFrame({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={cn(
        'h-[calc(100dvh-1px)] lg:h-[min(780px,calc(100dvh-3rem))] lg:w-[400px] lg:shrink-0 lg:overflow-hidden lg:rounded-[2rem] lg:border-8 lg:border-slate-900 lg:shadow-2xl',
        className,
      )}
    >
      {children}
    </div>
  );
}
