import { Compass } from 'lucide-react';
import { Link } from 'react-router';
import { BrandLogo } from '@/components/BrandLogo.tsx';
import { Button } from '@/components/ui/button.tsx';

export function NotFoundPage() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-slate-50 px-4 text-center">
      <BrandLogo />
      <div className="flex size-12 items-center justify-center rounded-xl bg-white text-slate-600 ring-1 ring-slate-200">
        <Compass className="size-6" aria-hidden="true" />
      </div>
      <div className="space-y-2">
        <p className="text-xs font-semibold tracking-wider text-slate-500 uppercase">Erro 404</p>
        <h1 className="text-xl font-semibold text-slate-900">Página não encontrada</h1>
        <p className="max-w-sm text-sm text-slate-600">O endereço pode ter mudado ou estar incompleto.</p>
      </div>
      <Button asChild>
        <Link to="/">Ir para o início</Link>
      </Button>
    </div>
  );
}
