import { Loader2, RotateCw } from 'lucide-react';
import { AccessDenied } from '@/components/AccessDenied.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { errorMessage, isApiError } from '@/lib/apiClient.ts';

/** A failed load: 403 becomes the "Acesso restrito" state, anything else a message with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (isApiError(error, 403)) return <AccessDenied message={error.message} />;
  return (
    <Alert variant="error" title="Não foi possível carregar">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <Button variant="outline" size="sm" className="mt-3" onClick={onRetry}>
          <RotateCw aria-hidden="true" />
          Tentar de novo
        </Button>
      )}
    </Alert>
  );
}

export function FullPageLoader({ label = 'Carregando…' }: { label?: string }) {
  return (
    <div className="flex min-h-dvh items-center justify-center" role="status" aria-live="polite">
      <Loader2 className="size-6 animate-spin text-brand-600" aria-hidden="true" />
      <span className="sr-only">{label}</span>
    </div>
  );
}
