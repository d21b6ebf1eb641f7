import { ShieldAlert } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button.tsx';

/** What a 403 looks like: never a blank page, always a way back. */
export function AccessDenied({ message }: { message?: string }) {
  return (
    <section
      aria-labelledby="access-denied-title"
      className="flex flex-col items-center rounded-xl border bg-white px-6 py-16 text-center sm:py-24"
    >
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-amber-50 text-amber-700 ring-1 ring-amber-200">
        <ShieldAlert className="size-6" aria-hidden="true" />
      </div>
      <p className="text-xs font-semibold tracking-wider text-slate-500 uppercase">Erro 403</p>
      <h1 id="access-denied-title" className="mt-1 text-lg font-semibold text-slate-900">
        Acesso restrito
      </h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        {message ??
          'Você não tem permissão para ver esta página. Fale com um administrador da sua empresa se precisar de acesso.'}
      </p>
      <Button asChild className="mt-6">
        <Link to="/inbox">Voltar para o Inbox</Link>
      </Button>
    </section>
  );
}
