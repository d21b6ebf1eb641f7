import { Inbox } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function InboxPage() {
  return (
    <ComingSoon
      title="Inbox"
      icon={Inbox}
      description="Todas as conversas de WhatsApp da empresa em um só lugar, com o agente de IA respondendo e você assumindo quando quiser."
    />
  );
}
