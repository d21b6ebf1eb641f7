import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { DialogForm } from '@/components/DialogForm.tsx';
import { InputField } from '@/components/InputField.tsx';
import { Dialog, DialogContent } from '@/components/ui/dialog.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useAddUrlDocument } from '@/lib/queries/knowledgeQueries.ts';

/** Import a public web page (or a file at a URL) into the collection. */
export function UrlDocumentDialog({
  collectionId,
  open,
  onOpenChange,
}: {
  collectionId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        {open && <UrlForm collectionId={collectionId} onClose={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function UrlForm({ collectionId, onClose }: { collectionId: string; onClose: () => void }) {
  const { orgId } = useCurrentOrg();
  const add = useAddUrlDocument(orgId);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>();
  const fields = add.error instanceof ApiError ? add.error.fields : {};
  const formError = add.isError && Object.keys(fields).length === 0 ? errorMessage(add.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (!/^https?:\/\/\S+\.\S+/.test(trimmed)) return setUrlError('Informe um endereço válido (https://...)');
    setUrlError(undefined);
    add.mutate(
      { collectionId, url: trimmed, title: title.trim() || undefined },
      {
        onSuccess: (saved) => {
          toast.success(`${saved.title}: importando a página…`);
          onClose();
        },
      },
    );
  };

  return (
    <DialogForm
      title="Importar uma página"
      description="O texto da página é lido agora; se ela mudar, use “Reindexar” para buscar de novo."
      error={formError}
      submitLabel="Importar"
      pending={add.isPending}
      onSubmit={submit}
    >
      <InputField
        id="document-url"
        label="Endereço"
        type="url"
        inputMode="url"
        placeholder="https://suaempresa.com.br/perguntas-frequentes"
        value={url}
        onValueChange={setUrl}
        error={urlError ?? fields.url}
      />
      <InputField
        id="document-url-title"
        label="Título (opcional)"
        hint="Sem título, usamos o endereço."
        maxLength={200}
        value={title}
        onValueChange={setTitle}
        error={fields.title}
      />
    </DialogForm>
  );
}
