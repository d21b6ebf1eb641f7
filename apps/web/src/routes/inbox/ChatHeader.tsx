import type { Conversation, UpdateConversationBody } from '@piloto/contracts';
import { ArrowLeft, Bot, CheckCircle2, PanelRight, RotateCcw, UserRound } from 'lucide-react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { Avatar } from '@/components/ui/avatar.tsx';
import { Button } from '@/components/ui/button.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { Tooltip } from '@/components/ui/tooltip.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatPhone } from '@/lib/formatChat.ts';
import { useTeam } from '@/lib/queries/inboxExtrasQueries.ts';
import { useUpdateConversation } from '@/lib/queries/inboxQueries.ts';
import { HandoffBadge } from './HandoffBadge.tsx';
import { LabelsPopover } from './LabelsPopover.tsx';

type Props = { conversation: Conversation; panelOpen: boolean; onTogglePanel: () => void };

/** Who the chat is with, and what a seller does to it: assign, take over from the AI, close, label. */
export function ChatHeader({ conversation: c, panelOpen, onTogglePanel }: Props) {
  const { orgId, memberships } = useCurrentOrg();
  const myMemberId = memberships.find((m) => m.orgId === orgId)?.memberId;
  const team = useTeam(orgId);
  const update = useUpdateConversation(orgId, c.id);
  const name = c.contact.name || formatPhone(c.contact.phone) || 'Sem nome';

  const patch = (body: UpdateConversationBody, success?: string) =>
    update.mutate(body, {
      onSuccess: () => success && toast.success(success),
      onError: (error) => toast.error(errorMessage(error)),
    });
  const takeOver = () =>
    patch(
      // Taking over an unassigned conversation also makes it yours.
      c.assignee || !myMemberId ? { aiActive: false } : { aiActive: false, assigneeMemberId: myMemberId },
      'Você assumiu a conversa. A IA não responde mais aqui até ser devolvida.',
    );

  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-3 py-2 sm:px-4">
      <Button variant="ghost" size="icon-sm" asChild className="md:hidden">
        <Link to="/inbox" aria-label="Voltar para as conversas">
          <ArrowLeft aria-hidden="true" />
        </Link>
      </Button>
      <button
        type="button"
        onClick={onTogglePanel}
        className="flex min-w-0 flex-1 basis-40 items-center gap-3 rounded-md text-left focus-visible:outline-2 focus-visible:outline-ring"
        aria-label={`Dados de ${name}`}
      >
        <Avatar name={name} className="size-10 text-sm" />
        <span className="min-w-0">
          <span className="block truncate text-[15px] font-semibold text-slate-900">{name}</span>
          <span className="flex min-w-0 items-center gap-1.5">
            <span className="truncate text-xs text-slate-500">
              {[formatPhone(c.contact.phone), c.channel.name].filter(Boolean).join(' · ')}
            </span>
            <HandoffBadge reason={c.aiActive ? null : c.handoffReason} className="shrink-0" />
          </span>
        </span>
      </button>
      <div className="flex max-w-full items-center gap-1.5 overflow-x-auto">
        <NativeSelect
          aria-label="Responsável"
          className="w-32 shrink-0 sm:w-36 [&_select]:h-8 [&_select]:text-xs"
          value={c.assignee?.memberId ?? ''}
          disabled={update.isPending}
          onChange={(e) => patch({ assigneeMemberId: e.target.value || null }, 'Responsável atualizado.')}
        >
          <option value="">Sem responsável</option>
          {c.assignee && !team.data?.some((t) => t.memberId === c.assignee?.memberId) && (
            <option value={c.assignee.memberId}>{c.assignee.name}</option>
          )}
          {team.data?.map((t) => (
            <option key={t.memberId} value={t.memberId}>
              {t.memberId === myMemberId ? `${t.name} (você)` : t.name}
            </option>
          ))}
        </NativeSelect>
        {c.aiActive ? (
          <Button size="sm" className="shrink-0" onClick={takeOver} disabled={update.isPending}>
            <UserRound aria-hidden="true" />
            <span className="sm:hidden">Assumir</span>
            <span className="hidden sm:inline">Assumir da IA</span>
          </Button>
        ) : (
          <Button
            size="sm"
            variant="outline"
            className="shrink-0"
            onClick={() => patch({ aiActive: true }, 'A IA voltou a responder esta conversa.')}
            disabled={update.isPending}
          >
            <Bot aria-hidden="true" />
            <span className="sm:hidden">Devolver à IA</span>
            <span className="hidden sm:inline">Devolver para a IA</span>
          </Button>
        )}
        {c.status === 'open' ? (
          <Tooltip content="Encerrar conversa">
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label="Encerrar conversa"
              onClick={() => patch({ status: 'closed' }, 'Conversa encerrada.')}
              disabled={update.isPending}
            >
              <CheckCircle2 aria-hidden="true" />
            </Button>
          </Tooltip>
        ) : (
          <Button
            variant="outline"
            size="sm"
            className="shrink-0"
            onClick={() => patch({ status: 'open' }, 'Conversa reaberta.')}
            disabled={update.isPending}
          >
            <RotateCcw aria-hidden="true" />
            Reabrir
          </Button>
        )}
        <LabelsPopover conversation={c} />
        <Button
          variant="ghost"
          size="icon-sm"
          className="hidden sm:inline-flex"
          onClick={onTogglePanel}
          aria-label={panelOpen ? 'Ocultar dados do contato' : 'Mostrar dados do contato'}
          aria-pressed={panelOpen}
          title="Dados do contato"
        >
          <PanelRight aria-hidden="true" />
        </Button>
      </div>
    </header>
  );
}
