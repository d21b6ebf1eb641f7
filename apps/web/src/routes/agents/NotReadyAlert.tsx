import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert.tsx';

/** Why the agent cannot answer yet (e.g. no model or key), with the way to fix it. */
export function NotReadyAlert({ reason, className }: { reason: string; className?: string }) {
  return (
    <Alert variant="warning" title="Este agente ainda não responde" className={className}>
      <p>
        {reason} <Link to="/configuracoes/ia">Configurar chaves de IA</Link>
      </p>
    </Alert>
  );
}
