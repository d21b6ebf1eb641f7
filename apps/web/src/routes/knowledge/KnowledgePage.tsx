import { BookOpen } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function KnowledgePage() {
  return (
    <ComingSoon
      title="Conhecimento"
      icon={BookOpen}
      description="Envie catálogos, tabelas de preço e perguntas frequentes para os agentes responderem com as informações da sua empresa."
    />
  );
}
