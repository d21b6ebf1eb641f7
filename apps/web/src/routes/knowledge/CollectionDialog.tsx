import type { KnowledgeCollection } from '@piloto/contracts';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { DialogForm } from '@/components/DialogForm.tsx';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
import { Dialog, DialogContent } from '@/components/ui/dialog.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCreateCollection, useUpdateCollection } from '@/lib/queries/knowledgeQueries.ts';

export type CollectionDialogState =
  | { mode: 'create' }
  | { mode: 'rename'; collection: KnowledgeCollection }
  | null;

/** Create a collection, or rename one (name and description). */
export function CollectionDialog({
  state,
  onClose,
  onCreated,
}: {
  state: CollectionDialogState;
  onClose: () => void;
  onCreated: (collection: KnowledgeCollection) => void;
}) {
  return (
    <Dialog open={state !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        {state && (
          <CollectionForm
            key={state.mode === 'rename' ? state.collection.id : 'new'}
            collection={state.mode === 'rename' ? state.collection : null}
            onClose={onClose}
            onCreated={onCreated}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function CollectionForm({
  collection,
  onClose,
  onCreated,
}: {
  collection: KnowledgeCollection | null;
  onClose: () => void;
  onCreated: (collection: KnowledgeCollection) => void;
}) {
  const { orgId } = useCurrentOrg();
  const create = useCreateCollection(orgId);
  const update = useUpdateCollection(orgId);
  const save = collection ? update : create;
  const [name, setName] = useState(collection?.name ?? '');
  const [description, setDescription] = useState(collection?.description ?? '');
  const [nameError, setNameError] = useState<string | undefined>();
  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const formError = save.isError && Object.keys(fields).length === 0 ? errorMessage(save.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), description: description.trim() };
    if (body.name.length < 2) return setNameError('Dê um nome à coleção');
    setNameError(undefined);
    if (collection) {
      update.mutate(
        { collectionId: collection.id, body },
        {
          onSuccess: (saved) => {
            toast.success(`Coleção ${saved.name} salva.`);
            onClose();
          },
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (saved) => {
          toast.success(`Coleção ${saved.name} criada.`);
          onCreated(saved);
          onClose();
        },
      });
    }
  };

  return (
    <DialogForm
      title={collection ? 'Renomear coleção' : 'Nova coleção'}
      description="Organize os documentos por assunto (catálogo, preços, políticas) e escolha em cada agente quais coleções ele consulta."
      error={formError}
      submitLabel={collection ? 'Salvar' : 'Criar coleção'}
      pending={save.isPending}
      onSubmit={submit}
    >
      <InputField
        id="collection-name"
        label="Nome"
        placeholder="Ex.: Catálogo 2025"
        maxLength={80}
        value={name}
        onValueChange={setName}
        error={nameError ?? fields.name}
      />
      <FormField
        id="collection-description"
        label="Descrição (opcional)"
        error={fields.description}
        hint="Para a equipe saber o que entra aqui."
      >
        {(field) => (
          <Textarea
            {...field}
            rows={2}
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </FormField>
    </DialogForm>
  );
}
