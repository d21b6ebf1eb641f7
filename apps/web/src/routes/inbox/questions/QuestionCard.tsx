import type { Question } from '@piloto/contracts';
import { MessagesSquare } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { FormField } from '@/components/FormField.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card } from '@/components/ui/card.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatRelative } from '@/lib/formatDate.ts';
import { useAnswerQuestion } from '@/lib/queries/copilotQueries.ts';

/** A question the AI asked the team about a lead; the answer goes back to the AI, not to the lead. */
export function QuestionCard({ question: q }: { question: Question }) {
  const { orgId } = useCurrentOrg();
  const answer = useAnswerQuestion(orgId);
  const [text, setText] = useState('');
  const fieldError = answer.error instanceof ApiError ? answer.error.fields.answer : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    answer.mutate(
      { id: q.id, answer: text.trim() },
      {
        onSuccess: () =>
          toast.success(`Resposta enviada à IA. Ela continua a conversa com ${q.contactName}.`),
        onError: (error) => !fieldError && toast.error(errorMessage(error)),
      },
    );
  };

  return (
    <Card className="p-4 sm:p-5">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 className="text-sm font-semibold text-slate-900">{q.contactName}</h2>
        <time dateTime={q.createdAt} className="text-xs text-slate-500">
          {formatRelative(q.createdAt)}
        </time>
        <Link
          to={`/inbox/${q.conversationId}`}
          className="ml-auto inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline"
        >
          <MessagesSquare className="size-3.5" aria-hidden="true" />
          Abrir conversa
        </Link>
      </div>
      <p className="mt-2 rounded-lg bg-violet-50 px-3 py-2 text-sm whitespace-pre-wrap text-violet-950 ring-1 ring-violet-200">
        {q.question}
      </p>
      {q.status === 'pending' ? (
        <form onSubmit={submit} className="mt-3 grid gap-2">
          <FormField id={`answer-${q.id}`} label="Sua resposta para a IA" error={fieldError}>
            {(field) => (
              <Textarea
                {...field}
                rows={2}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
                }}
                placeholder="Ex.: Sim, entregamos em Campinas em 2 dias úteis."
              />
            )}
          </FormField>
          <div className="flex justify-end">
            <Button type="submit" size="sm" loading={answer.isPending} disabled={!text.trim()}>
              Responder
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-3 text-sm text-slate-700">
          <span className="font-medium">{q.answeredByName ?? 'Equipe'}:</span> {q.answer ?? '—'}
        </p>
      )}
    </Card>
  );
}
