import type { HandoffReason } from '@piloto/contracts';
import { UserRoundCog } from 'lucide-react';
import { handoffReasonLabels } from '@/lib/agentLabels.ts';
import { cn } from '@/lib/cn.ts';

/** Why the AI handed the conversation to a person. */
export function HandoffBadge({ reason, className }: { reason: HandoffReason | null; className?: string }) {
  if (!reason) return null;
  return (
    <span
      className={cn(
        'inline-flex max-w-full items-center gap-1 truncate rounded-full bg-amber-50 px-1.5 py-px text-[11px] font-medium text-amber-800 ring-1 ring-amber-200 ring-inset',
        className,
      )}
      title="Motivo da transferência para humano"
    >
      <UserRoundCog className="size-3 shrink-0" aria-hidden="true" />
      <span className="sr-only">Transferida pela IA: </span>
      {handoffReasonLabels[reason]}
    </span>
  );
}
