import { ChevronRight, MessageCircleQuestion } from 'lucide-react';
import { Link } from 'react-router';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useQuestions } from '@/lib/queries/copilotQueries.ts';

/** At the top of the conversations while the AI waits for answers from the team. */
export function QuestionsLink() {
  const { orgId } = useCurrentOrg();
  const questions = useQuestions(orgId, 'pending');
  const count = questions.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Link
      to="/inbox/perguntas"
      className="flex items-center gap-2 border-b border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900 transition-colors hover:bg-violet-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
    >
      <MessageCircleQuestion className="size-4 shrink-0" aria-hidden="true" />
      <span className="flex-1 font-medium">
        {count === 1 ? 'A IA tem 1 pergunta para a equipe' : `A IA tem ${count} perguntas para a equipe`}
      </span>
      <span className="flex h-5 min-w-5 items-center justify-center rounded-full bg-violet-600 px-1.5 text-[11px] font-semibold text-white">
        {count}
      </span>
      <ChevronRight className="size-4 shrink-0" aria-hidden="true" />
    </Link>
  );
}
