import { cva, type VariantProps } from 'class-variance-authority';
import { AlertCircle, CheckCircle2, Info, TriangleAlert } from 'lucide-react';
import type { ComponentProps } from 'react';
import { cn } from '@/lib/cn.ts';

const alertVariants = cva(
  'flex min-w-0 gap-3 rounded-lg border px-4 py-3 text-sm [overflow-wrap:anywhere] [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0',
  {
    variants: {
      variant: {
        info: 'border-sky-200 bg-sky-50 text-sky-900 [&>svg]:text-sky-700',
        success: 'border-brand-200 bg-brand-50 text-brand-900 [&>svg]:text-brand-700',
        warning: 'border-amber-200 bg-amber-50 text-amber-900 [&>svg]:text-amber-700',
        error: 'border-red-200 bg-red-50 text-red-900 [&>svg]:text-red-700',
      },
    },
    defaultVariants: { variant: 'info' },
  },
);

const icons = { info: Info, success: CheckCircle2, warning: TriangleAlert, error: AlertCircle };

type AlertProps = ComponentProps<'div'> & VariantProps<typeof alertVariants> & { title?: string };

/** Errors are announced (role=alert); other notes are polite status messages. */
export function Alert({ className, variant = 'info', title, children, ...props }: AlertProps) {
  const Icon = icons[variant ?? 'info'];
  return (
    <div
      role={variant === 'error' ? 'alert' : 'status'}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      <Icon aria-hidden="true" />
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-medium leading-5">{title}</p>}
        {children && <div className="leading-5 [&_a]:font-medium [&_a]:underline">{children}</div>}
      </div>
    </div>
  );
}
