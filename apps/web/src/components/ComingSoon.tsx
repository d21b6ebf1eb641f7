import type { LucideIcon } from 'lucide-react';
import { PageHeader } from '@/components/PageHeader.tsx';

/** The placeholder every module shows until it is built: its name and what it will do. */
export function ComingSoon({
  title,
  icon: Icon,
  description,
}: {
  title: string;
  icon: LucideIcon;
  description: string;
}) {
  return (
    <>
      <PageHeader title={title} />
      <section
        aria-labelledby="coming-soon-title"
        className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center sm:py-24"
      >
        <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
          <Icon className="size-6" aria-hidden="true" />
        </div>
        <h2 id="coming-soon-title" className="text-base font-semibold text-slate-900">
          Em breve: {title}
        </h2>
        <p className="mt-2 max-w-md text-sm text-slate-600">{description}</p>
      </section>
    </>
  );
}
