import { Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import {
  useCreateQuickReply,
  useDeleteQuickReply,
  useQuickReplies,
} from '@/lib/queries/inboxExtrasQueries.ts';

/** The company's canned answers: typed as "/atalho" in the composer. */
export function QuickRepliesDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { orgId } = useCurrentOrg();
  const replies = useQuickReplies(orgId);
  const create = useCreateQuickReply(orgId);
  const remove = useDeleteQuickReply(orgId);
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');
  const fields = create.error instanceof ApiError ? create.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { shortcut: shortcut.trim().replace(/^\//, ''), text: text.trim() },
      {
        onSuccess: () => {
          setShortcut('');
          setText('');
          toast.success('Resposta rápida criada.');
        },
        onError: (error) =>
          !(error instanceof ApiError && Object.keys(error.fields).length) &&
          toast.error(errorMessage(error)),
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Respostas rápidas</DialogTitle>
          <DialogDescription>
            Digite “/” e o atalho na conversa para usar. Valem para toda a equipe.
          </DialogDescription>
        </DialogHeader>
        <ul className="grid max-h-64 gap-2 overflow-y-auto">
          {replies.data?.map((r) => (
            <li key={r.id} className="flex items-start gap-2 rounded-lg border p-2.5">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-slate-900">/{r.shortcut}</p>
                <p className="line-clamp-2 text-xs whitespace-pre-wrap text-slate-600">{r.text}</p>
              </div>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={`Excluir /${r.shortcut}`}
                loading={remove.isPending && remove.variables === r.id}
                onClick={() => remove.mutate(r.id, { onError: (error) => toast.error(errorMessage(error)) })}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </li>
          ))}
          {replies.data?.length === 0 && (
            <li className="text-sm text-slate-500">Nenhuma resposta rápida ainda.</li>
          )}
        </ul>
        <form onSubmit={submit} className="grid gap-3 border-t pt-4" noValidate>
          <InputField
            id="qr-shortcut"
            label="Atalho"
            error={fields.shortcut}
            hint="Ex.: preco, horario, pix"
            maxLength={30}
            value={shortcut}
            onValueChange={setShortcut}
          />
          <FormField id="qr-text" label="Texto" error={fields.text}>
            {(field) => (
              <Textarea {...field} value={text} onChange={(e) => setText(e.target.value)} rows={3} />
            )}
          </FormField>
          <Button
            type="submit"
            className="justify-self-end"
            loading={create.isPending}
            disabled={!shortcut.trim() || !text.trim()}
          >
            Adicionar
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
