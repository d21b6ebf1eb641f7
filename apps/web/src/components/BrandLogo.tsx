import { cn } from '@/lib/cn.ts';

export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cn('size-7 shrink-0', className)} aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--color-brand-600)" />
      <path d="M9 22.5V9.5h7.2c3 0 5.1 1.9 5.1 4.6s-2.1 4.6-5.1 4.6H13v3.8z" fill="#fff" />
      <circle cx="23.5" cy="22.5" r="2.5" fill="var(--color-brand-300)" />
    </svg>
  );
}

/** The product name as it is written everywhere: PilotoDeVendas.IA */
export function BrandLogo({ className }: { className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2', className)}>
      <BrandMark />
      <span className="text-[15px] font-semibold tracking-tight text-slate-900">
        PilotoDeVendas<span className="text-brand-600">.IA</span>
      </span>
    </span>
  );
}
