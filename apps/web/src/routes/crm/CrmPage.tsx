import { Workflow } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function CrmPage() {
  return (
    <ComingSoon
      title="CRM"
      icon={Workflow}
      description="Acompanhe leads e negócios em um funil, integrado ao HubSpot, Pipedrive ou RD Station."
    />
  );
}
