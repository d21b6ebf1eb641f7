import type { LearnedAnswer } from '@piloto/contracts';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { DialogForm } from '@/components/DialogForm.tsx';
import { FormField } from '@/components/FormField.tsx';
import { Dialog, DialogContent } from '@/components/ui/dialog.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useApproveLearned, useCreateLearned, useUpdateLearned } from '@/lib/queries/knowledgeQueries.ts';

export type LearnedDialogState =
  | { mode: 'create' }
  | { mode: 'edit'; answer: LearnedAnswer }
  /** A proposal corrected before it goes live. */
  | { mode: 'approve'; answer: LearnedAnswer }
  | null;

const copy = {
  create: {
    title: 'Ensinar uma resposta',
    description:
      'Vale na hora, para todos os agentes: quando um lead perguntar algo assim, a IA responde com isto.',
    submit: 'Salvar resposta',
    done: 'Resposta ensinada à IA.',
  },
  edit: {
    title: 'Editar resposta',
    description: 'A IA passa a usar o texto novo nas próximas conversas.',
    submit: 'Salvar',
    done: 'Resposta atualizada.',
  },
  approve: {
    title: 'Editar e aprovar',
    description: 'Ajuste a pergunta ou a resposta; ao aprovar, a IA passa a usá-la em todas as conversas.',
    submit: 'Salvar e aprovar',
    done: 'Resposta aprovada.',
  },
};

export function LearnedAnswerDialog({ state, onClose }: { state: LearnedDialogState; onClose: () => void }) {
  return (
    <Dialog open={state !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-xl">
        {state && (
          <LearnedForm
            key={state.mode === 'create' ? 'new' : state.answer.id}
            state={state}
            onClose={onClose}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function LearnedForm({ state, onClose }: { state: NonNullable<LearnedDialogState>; onClose: () => void }) {
  const { orgId } = useCurrentOrg();
  const create = useCreateLearned(orgId);
  const update = useUpdateLearned(orgId);
  const approve = useApproveLearned(orgId);
  const current = state.mode === 'create' ? null : state.answer;
  const [question, setQuestion] = useState(current?.question ?? '');
  const [answer, setAnswer] = useState(current?.answer ?? '');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const apiFields = error instanceof ApiError ? error.fields : {};
  const errors = { ...apiFields, ...localErrors };
  const formError = error && Object.keys(apiFields).length === 0 ? errorMessage(error) : null;
  const text = copy[state.mode];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (question.trim().length < 3) found.question = 'Escreva a pergunta';
    if (!answer.trim()) found.answer = 'Escreva a resposta';
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = { question: question.trim(), answer: answer.trim() };
    setPending(true);
    setError(null);
    try {
      if (!current) await create.mutateAsync(body);
      else {
        if (body.question !== current.question || body.answer !== current.answer)
          await update.mutateAsync({ id: current.id, body });
        if (state.mode === 'approve') await approve.mutateAsync(current.id);
      }
      toast.success(text.done);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <DialogForm
      title={text.title}
      description={text.description}
      error={formError}
      submitLabel={text.submit}
      pending={pending}
      onSubmit={submit}
    >
      <FormField
        id="learned-question"
        label="Pergunta"
        error={errors.question}
        hint="Como um lead perguntaria. A IA reconhece outras formas de dizer o mesmo."
      >
        {(field) => (
          <Textarea
            {...field}
            rows={2}
            maxLength={1000}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            placeholder="Ex.: Vocês entregam em Campinas?"
          />
        )}
      </FormField>
      <FormField id="learned-answer" label="Resposta" error={errors.answer}>
        {(field) => (
          <Textarea
            {...field}
            rows={4}
            maxLength={4000}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            placeholder="Ex.: Sim, entregamos em Campinas em até 2 dias úteis, com frete grátis acima de R$ 300."
          />
        )}
      </FormField>
    </DialogForm>
  );
}
