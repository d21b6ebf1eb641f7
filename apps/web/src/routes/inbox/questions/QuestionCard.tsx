import type { Question } from '@piloto/contracts';
import { MessagesSquare, Users } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { toast } from 'sonner';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card } from '@/components/ui/card.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatRelative } from '@/lib/formatDate.ts';
import { useAnswerQuestion } from '@/lib/queries/copilotQueries.ts';

/** Questions from other conversations grouped with this one: one answer goes to all of them. */
function SimilarQuestions({ similar }: { similar: Question['similar'] }) {
  if (similar.length === 0) return null;
  return (
    <div className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200">
      <p className="flex items-center gap-1.5 text-xs font-medium text-slate-600">
        <Users className="size-3.5" aria-hidden="true" />
        Também perguntaram:
      </p>
      <ul className="mt-1 grid gap-1">
        {similar.map((s) => (
          <li key={s.id} className="text-slate-800">
            <span className="font-medium">{s.contactName}:</span> “{s.question}”
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600">Sua resposta vai para todas essas conversas.</p>
    </div>
  );
}

/** A question the AI asked the team about a lead; the answer goes back to the AI, not to the lead. */
export function QuestionCard({ question: q }: { question: Question }) {
  const { orgId } = useCurrentOrg();
  const answer = useAnswerQuestion(orgId);
  const [text, setText] = useState('');
  const [saveForFuture, setSaveForFuture] = useState(true);
  const [learnedQuestion, setLearnedQuestion] = useState(q.question);
  const fields = answer.error instanceof ApiError ? answer.error.fields : {};
  const fieldError = fields.answer;
  const others = q.similar.length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const rephrased = learnedQuestion.trim();
    answer.mutate(
      {
        id: q.id,
        body: {
          answer: text.trim(),
          saveForFuture,
          learnedQuestion:
            saveForFuture && rephrased.length >= 3 && rephrased !== q.question.trim() ? rephrased : undefined,
        },
      },
      {
        onSuccess: () =>
          toast.success(
            others > 0
              ? `Resposta enviada à IA nas ${others + 1} conversas.${saveForFuture ? ' E salva para as próximas.' : ''}`
              : `Resposta enviada à IA. Ela continua a conversa com ${q.contactName}.${saveForFuture ? ' E salva para as próximas.' : ''}`,
          ),
        onError: (error) =>
          !(error instanceof ApiError && Object.keys(error.fields).length > 0) &&
          toast.error(errorMessage(error)),
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
      <SimilarQuestions similar={q.similar} />
      {q.status === 'pending' ? (
        <form onSubmit={submit} className="mt-3 grid gap-3">
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
          <div className="grid gap-2">
            <label className="flex cursor-pointer items-start gap-2.5">
              <input
                type="checkbox"
                checked={saveForFuture}
                onChange={(e) => setSaveForFuture(e.target.checked)}
                aria-describedby={`save-${q.id}-hint`}
                className="mt-0.5 size-4 shrink-0 accent-brand-600"
              />
              <span className="min-w-0">
                <span className="block text-sm font-medium text-slate-900">
                  Salvar para as próximas conversas
                </span>
                <span id={`save-${q.id}-hint`} className="block text-xs text-slate-600">
                  Quando outro lead perguntar o mesmo, a IA já sabe responder.
                </span>
              </span>
            </label>
            {saveForFuture && (
              <div className="pl-6.5">
                <InputField
                  id={`learned-question-${q.id}`}
                  label="Pergunta como ficará salva (opcional)"
                  hint="Reescreva de um jeito geral, sem dados deste lead."
                  maxLength={1000}
                  value={learnedQuestion}
                  onValueChange={setLearnedQuestion}
                  error={fields.learnedQuestion}
                />
              </div>
            )}
          </div>
          <div className="flex justify-end">
            <Button type="submit" size="sm" loading={answer.isPending} disabled={!text.trim()}>
              {others > 0 ? `Responder às ${others + 1} perguntas` : 'Responder'}
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
