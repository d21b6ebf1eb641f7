import { hasRole, type LearnedAnswer } from '@piloto/contracts';
import { Plus, Sparkles } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import {
  type LearnedStatus,
  useApproveLearned,
  useDeleteLearned,
  useDismissLearned,
  useLearnedAnswers,
} from '@/lib/queries/knowledgeQueries.ts';
import { type LearnedAction, LearnedAnswerCard } from './LearnedAnswerCard.tsx';
import { LearnedAnswerDialog, type LearnedDialogState } from './LearnedAnswerDialog.tsx';
import { QuestionTrend } from './QuestionTrend.tsx';

const statusCopy: Record<LearnedStatus, { label: string; description: string; empty: string }> = {
  proposed: {
    label: 'Para aprovar',
    description:
      'Quando alguém corrige uma sugestão da IA, a correção vira uma proposta. Aprove para a IA usá-la nas próximas conversas.',
    empty: 'Nenhuma resposta esperando aprovação.',
  },
  active: {
    label: 'Ativas',
    description: 'A IA usa estas respostas em todas as conversas, com qualquer agente.',
    empty: 'Nenhuma resposta ativa. Responda às perguntas da IA ou ensine uma resposta aqui.',
  },
  dismissed: {
    label: 'Arquivadas',
    description: 'Descartadas ou arquivadas: a IA não as usa. Reative se voltarem a valer.',
    empty: 'Nenhuma resposta arquivada.',
  },
};

/** "Aprendizado": what the team taught the AI — proposals to approve, the active ones, the archived. */
export function LearnedTab() {
  const { orgId, role } = useCurrentOrg();
  const [chosen, setChosen] = useState<LearnedStatus | null>(null);
  const proposed = useLearnedAnswers(orgId, 'proposed');
  const proposedCount = proposed.data?.proposedCount ?? 0;
  // Open on the proposals when there are some, else on what is in use.
  const status = chosen ?? (proposedCount > 0 ? 'proposed' : 'active');
  const answers = useLearnedAnswers(orgId, status);
  const approve = useApproveLearned(orgId);
  const dismiss = useDismissLearned(orgId);
  const remove = useDeleteLearned(orgId);
  const [dialog, setDialog] = useState<LearnedDialogState>(null);
  const [toDelete, setToDelete] = useState<LearnedAnswer | null>(null);

  const busyFor = (id: string): LearnedAction | null => {
    if (approve.isPending && approve.variables === id) return status === 'dismissed' ? 'restore' : 'approve';
    if (dismiss.isPending && dismiss.variables === id) return 'dismiss';
    return null;
  };
  const onAction = (action: LearnedAction, answer: LearnedAnswer) => {
    const onError = (error: unknown) => toast.error(errorMessage(error));
    if (action === 'edit') return setDialog({ mode: 'edit', answer });
    if (action === 'editApprove') return setDialog({ mode: 'approve', answer });
    if (action === 'delete') return setToDelete(answer);
    if (action === 'dismiss')
      return dismiss.mutate(answer.id, {
        onSuccess: () => toast.success(status === 'active' ? 'Resposta arquivada.' : 'Proposta descartada.'),
        onError,
      });
    approve.mutate(answer.id, {
      onSuccess: () =>
        toast.success(
          action === 'restore' ? 'Resposta reativada.' : 'Resposta aprovada: a IA já pode usá-la.',
        ),
      onError,
    });
  };

  const tabs: LearnedStatus[] = ['proposed', 'active', 'dismissed'];
  return (
    <>
      <QuestionTrend />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div
          role="tablist"
          aria-label="Respostas aprendidas"
          className="inline-flex gap-1 rounded-lg bg-slate-100 p-1"
        >
          {tabs.map((value) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={status === value}
              onClick={() => setChosen(value)}
              className={cn(
                'rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
                status === value
                  ? 'bg-white text-slate-900 shadow-xs'
                  : 'text-slate-600 hover:text-slate-900',
              )}
            >
              {statusCopy[value].label}
              {value === 'proposed' && proposedCount > 0 && ` (${proposedCount})`}
            </button>
          ))}
        </div>
        <Button onClick={() => setDialog({ mode: 'create' })}>
          <Plus aria-hidden="true" />
          Ensinar uma resposta
        </Button>
      </div>
      <p className="mb-5 text-sm text-slate-600">{statusCopy[status].description}</p>
      <div role="tabpanel" aria-busy={answers.isFetching}>
        {answers.isPending ? (
          <div className="grid gap-3">
            <Skeleton className="h-36" />
            <Skeleton className="h-36" />
          </div>
        ) : answers.isError ? (
          <QueryError error={answers.error} onRetry={() => answers.refetch()} />
        ) : answers.data.answers.length === 0 ? (
          <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
            <Sparkles className="mb-3 size-8 text-slate-300" aria-hidden="true" />
            <p className="text-sm font-medium text-slate-700">{statusCopy[status].empty}</p>
          </section>
        ) : (
          <ul className="grid gap-3">
            {answers.data.answers.map((answer) => (
              <li key={answer.id}>
                <LearnedAnswerCard
                  answer={answer}
                  busy={busyFor(answer.id)}
                  canDelete={hasRole(role, 'admin')}
                  onAction={onAction}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
      <LearnedAnswerDialog state={dialog} onClose={() => setDialog(null)} />
      <ConfirmDialog
        open={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        title="Excluir esta resposta?"
        description="Ela some do histórico de aprendizado. Para só tirá-la de uso, basta deixá-la arquivada."
        confirmLabel="Excluir resposta"
        destructive
        loading={remove.isPending}
        onConfirm={() =>
          toDelete &&
          remove.mutate(toDelete.id, {
            onSuccess: () => {
              toast.success('Resposta excluída.');
              setToDelete(null);
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </>
  );
}
