import { BarChart3 } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function DashboardsPage() {
  return (
    <ComingSoon
      title="Dashboards"
      icon={BarChart3}
      description="Métricas de atendimento e vendas: tempo de resposta, conversões e o desempenho de cada agente e vendedor."
    />
  );
}
