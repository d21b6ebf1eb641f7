import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BrandLogo } from '@/components/BrandLogo.tsx';
import { cn } from '@/lib/cn.ts';

type AuthLayoutProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
};

/** The centred card used by every screen outside the app (sign-in, sign-up, invites, onboarding). */
export function AuthLayout({ title, description, children, footer, wide = false }: AuthLayoutProps) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50 bg-[radial-gradient(ellipse_at_top,var(--color-brand-50),transparent_60%)]">
      <header className="flex justify-center px-4 pt-10 pb-6 sm:pt-14">
        <Link
          to="/"
          className="rounded-md focus-visible:outline-2 focus-visible:outline-ring"
          aria-label="PilotoDeVendas.IA — início"
        >
          <BrandLogo />
        </Link>
      </header>
      <main className="flex flex-1 justify-center px-4 pb-12">
        <div className={cn('w-full', wide ? 'max-w-2xl' : 'max-w-sm')}>
          <div className="rounded-xl border bg-white p-6 shadow-sm sm:p-8">
            <div className="mb-6 space-y-1.5">
              <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
              {description && <div className="text-sm text-slate-600">{description}</div>}
            </div>
            {children}
          </div>
          {footer && <div className="mt-6 text-center text-sm text-slate-600">{footer}</div>}
        </div>
      </main>
    </div>
  );
}
