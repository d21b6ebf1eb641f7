import { ClipboardCheck } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function AuditPage() {
  return (
    <ComingSoon
      title="Auditoria"
      icon={ClipboardCheck}
      description="Notas e sugestões de melhoria para as conversas dos vendedores humanos, com os pontos fortes e o que corrigir."
    />
  );
}
