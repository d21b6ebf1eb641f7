import { CreditCard } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function BillingPage() {
  return (
    <ComingSoon
      title="Assinatura"
      icon={CreditCard}
      description="Gerencie seu plano, forma de pagamento, notas fiscais e o consumo de mensagens do mês."
    />
  );
}
