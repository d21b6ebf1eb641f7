import type { MessageStatus as Status } from '@piloto/contracts';
import { AlertCircle, Check, CheckCheck, Clock, type LucideIcon, TriangleAlert } from 'lucide-react';
import { Tooltip } from '@/components/ui/tooltip.tsx';
import { cn } from '@/lib/cn.ts';

const labels: Record<Status, string> = {
  received: 'Recebida',
  queued: 'Na fila',
  sending: 'Enviando',
  accepted: 'Entregue ao provedor, aguardando o WhatsApp',
  sent: 'Enviada',
  delivered: 'Entregue',
  read: 'Lida',
  played: 'Ouvida',
  failed: 'Falhou',
};

const stuckHint =
  'O provedor recebeu a mensagem há algum tempo e o WhatsApp ainda não confirmou. O celular do número pode estar sem internet.';

type Look = { Icon: LucideIcon; color: string; label: string; tooltip?: string; text?: string };

function lookOf(status: Status, detail: string | null | undefined, stuck: boolean): Look | null {
  if (status === 'received') return null;
  if (status === 'failed') {
    const label = detail ? `Falhou: ${detail}` : 'Não foi possível enviar';
    return { Icon: AlertCircle, color: 'text-red-600', label, tooltip: label };
  }
  if (stuck) {
    return {
      Icon: TriangleAlert,
      color: 'text-amber-700',
      label: 'Sem confirmação',
      tooltip: stuckHint,
      text: 'sem confirmação',
    };
  }
  if (status === 'accepted')
    return { Icon: Check, color: 'text-slate-400', label: labels.accepted, tooltip: labels.accepted };
  const label = detail ? `${labels[status]}: ${detail}` : labels[status];
  if (status === 'queued' || status === 'sending') return { Icon: Clock, color: 'text-slate-400', label };
  if (status === 'sent') return { Icon: Check, color: 'text-slate-500', label };
  return { Icon: CheckCheck, color: status === 'delivered' ? 'text-slate-500' : 'text-sky-500', label };
}

/**
 * WhatsApp-style ticks for an outbound message. Failures and doubtful states explain themselves in a
 * tooltip; `plain` (inside a link, e.g. a conversation row) shows the icon alone.
 */
export function MessageStatusIcon({
  status,
  detail,
  stuck = false,
  plain = false,
}: {
  status: Status;
  detail?: string | null;
  stuck?: boolean;
  plain?: boolean;
}) {
  const look = lookOf(status, detail, stuck);
  if (!look) return null;
  const { Icon, color, label, tooltip, text } = look;
  const content = (
    <>
      <Icon className="size-3.5 shrink-0" aria-hidden="true" />
      {text && !plain && <span className="text-[11px] font-medium">{text}</span>}
    </>
  );
  if (!tooltip || plain) {
    return (
      <span className={cn('inline-flex items-center gap-0.5', color)} role="img" aria-label={label}>
        {content}
      </span>
    );
  }
  return (
    <Tooltip content={tooltip}>
      <button
        type="button"
        className={cn('inline-flex items-center gap-0.5 rounded-sm', color)}
        aria-label={label}
      >
        {content}
      </button>
    </Tooltip>
  );
}
