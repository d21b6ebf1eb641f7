import { Repeat } from 'lucide-react';
import { ComingSoon } from '@/components/ComingSoon.tsx';

export function FollowUpsPage() {
  return (
    <ComingSoon
      title="Follow-ups"
      icon={Repeat}
      description="Cadências automáticas para retomar conversas paradas no momento certo, respeitando a janela de 24 horas do WhatsApp."
    />
  );
}
