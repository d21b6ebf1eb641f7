import { ArrowLeft, MessageCircleQuestion } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/PageHeader.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { cn } from '@/lib/cn.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useQuestions } from '@/lib/queries/copilotQueries.ts';
import { useInboxRealtime } from '@/lib/useInboxRealtime.ts';
import { QuestionCard } from './QuestionCard.tsx';

type Tab = 'pending' | 'answered';

/** "Perguntas": what the AI needs from the team to keep a conversation going. */
export function QuestionsPage() {
  const { orgId } = useCurrentOrg();
  useInboxRealtime(orgId);
  const [tab, setTab] = useState<Tab>('pending');
  const questions = useQuestions(orgId, tab);
  const pending = useQuestions(orgId, 'pending');
  const pendingCount = pending.data?.length ?? 0;

  return (
    <>
      <Link
        to="/inbox"
        className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        Inbox
      </Link>
      <PageHeader
        title="Perguntas da IA"
        description="Quando o agente não sabe algo, ele pergunta à equipe e avisa o lead que já volta. Sua resposta segue para a IA."
      />
      <div
        role="tablist"
        aria-label="Perguntas"
        className="mb-5 inline-flex gap-1 rounded-lg bg-slate-100 p-1"
      >
        {(
          [
            ['pending', `Pendentes${pendingCount ? ` (${pendingCount})` : ''}`],
            ['answered', 'Respondidas'],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={tab === value}
            onClick={() => setTab(value)}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
              tab === value ? 'bg-white text-slate-900 shadow-xs' : 'text-slate-600 hover:text-slate-900',
            )}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-busy={questions.isFetching}>
        {questions.isPending ? (
          <div className="grid gap-3">
            <Skeleton className="h-40" />
            <Skeleton className="h-40" />
          </div>
        ) : questions.isError ? (
          <QueryError error={questions.error} onRetry={() => questions.refetch()} />
        ) : questions.data.length === 0 ? (
          <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
            <MessageCircleQuestion className="mb-3 size-8 text-slate-300" aria-hidden="true" />
            <p className="text-sm font-medium text-slate-700">
              {tab === 'pending'
                ? 'Nenhuma pergunta esperando resposta.'
                : 'Nenhuma pergunta respondida ainda.'}
            </p>
          </section>
        ) : (
          <ul className="grid gap-3">
            {questions.data.map((q) => (
              <li key={q.id}>
                <QuestionCard question={q} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
