import { Bot } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function AgentsPage() {
  return (
    <ComingSoon
      title="Agentes"
      icon={Bot}
      description="Configure os agentes de IA que vendem por você: tom de voz, objetivos, regras e quando chamar um humano."
    />
  );
}
