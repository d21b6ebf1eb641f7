import type { LearnedAnswer } from '@piloto/contracts';
import { Archive, Check, MessagesSquare, Pencil, RotateCcw, Trash2, X } from 'lucide-react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card } from '@/components/ui/card.tsx';
import { formatRelative } from '@/lib/formatDate.ts';

export type LearnedAction = 'approve' | 'editApprove' | 'edit' | 'dismiss' | 'restore' | 'delete';

const sourceLabels: Record<LearnedAnswer['source'], string> = {
  question: 'Pergunta da IA',
  copilot_edit: 'Sugestão corrigida',
  manual: 'Ensinada pela equipe',
};

/** One thing the AI learned: the question, the answer, where it came from and what can be done. */
export function LearnedAnswerCard({
  answer: a,
  busy,
  canDelete,
  onAction,
}: {
  answer: LearnedAnswer;
  busy: LearnedAction | null;
  canDelete: boolean;
  onAction: (action: LearnedAction, answer: LearnedAnswer) => void;
}) {
  const act = (action: LearnedAction) => () => onAction(action, a);
  return (
    <Card className="p-4 sm:p-5">
      <dl className="grid gap-3">
        <div>
          <dt className="text-xs font-medium text-slate-500">Pergunta</dt>
          <dd className="mt-0.5 text-sm font-semibold whitespace-pre-wrap text-slate-900">{a.question}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500">Resposta</dt>
          <dd className="mt-0.5 text-sm whitespace-pre-wrap text-slate-700">{a.answer}</dd>
        </div>
      </dl>
      <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-2 border-t pt-3 text-xs text-slate-500">
        <Badge variant={a.source === 'manual' ? 'default' : 'info'}>{sourceLabels[a.source]}</Badge>
        <span>
          {a.createdByName ? `${a.createdByName}, ` : ''}
          <time dateTime={a.createdAt}>{formatRelative(a.createdAt)}</time>
          {a.status === 'active' &&
            a.approvedByName &&
            a.approvedByName !== a.createdByName &&
            ` · aprovada por ${a.approvedByName}`}
        </span>
        {a.conversationId && (
          <Link
            to={`/inbox/${a.conversationId}`}
            className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
          >
            <MessagesSquare className="size-3.5" aria-hidden="true" />
            Abrir conversa
          </Link>
        )}
        <div className="ml-auto flex flex-wrap gap-2">
          {a.status === 'proposed' && (
            <>
              <Button variant="ghost" size="sm" loading={busy === 'dismiss'} onClick={act('dismiss')}>
                {busy !== 'dismiss' && <X aria-hidden="true" />}
                Descartar
              </Button>
              <Button variant="outline" size="sm" onClick={act('editApprove')}>
                <Pencil aria-hidden="true" />
                Editar e aprovar
              </Button>
              <Button size="sm" loading={busy === 'approve'} onClick={act('approve')}>
                {busy !== 'approve' && <Check aria-hidden="true" />}
                Aprovar
              </Button>
            </>
          )}
          {a.status === 'active' && (
            <>
              <Button variant="ghost" size="sm" loading={busy === 'dismiss'} onClick={act('dismiss')}>
                {busy !== 'dismiss' && <Archive aria-hidden="true" />}
                Arquivar
              </Button>
              <Button variant="outline" size="sm" onClick={act('edit')}>
                <Pencil aria-hidden="true" />
                Editar
              </Button>
            </>
          )}
          {a.status === 'dismissed' && (
            <>
              {canDelete && (
                <Button variant="ghost" size="sm" className="text-red-700" onClick={act('delete')}>
                  <Trash2 aria-hidden="true" />
                  Excluir
                </Button>
              )}
              <Button variant="outline" size="sm" loading={busy === 'restore'} onClick={act('restore')}>
                {busy !== 'restore' && <RotateCcw aria-hidden="true" />}
                Reativar
              </Button>
            </>
          )}
        </div>
      </div>
    </Card>
  );
}
