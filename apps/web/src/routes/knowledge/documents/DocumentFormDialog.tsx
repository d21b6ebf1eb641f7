import type { KnowledgeCollection, KnowledgeDocument } from '@piloto/contracts';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { DialogForm } from '@/components/DialogForm.tsx';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
import { Dialog, DialogContent } from '@/components/ui/dialog.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { Textarea } from '@/components/ui/textarea.tsx';
import { ApiError, errorMessage, type FieldErrors } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { type DocumentPatch, useAddTextDocument, useUpdateDocument } from '@/lib/queries/knowledgeQueries.ts';
import { DocumentCollectionOptions } from '../DocumentCollectionOptions.tsx';

export type DocumentFormState =
  | { mode: 'create'; collectionId: string }
  | { mode: 'edit'; document: KnowledgeDocument }
  | null;

/** Write a text document, or edit one (title and collection; the text of typed-in documents). */
export function DocumentFormDialog({
  state,
  collections,
  onClose,
}: {
  state: DocumentFormState;
  collections: KnowledgeCollection[];
  onClose: () => void;
}) {
  return (
    <Dialog open={state !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-2xl">
        {state && (
          <DocumentForm
            key={state.mode === 'edit' ? state.document.id : 'new'}
            state={state}
            collections={collections}
            onClose={onClose}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function validate(title: string, content: string | null): FieldErrors {
  const errors: FieldErrors = {};
  if (title.trim().length < 2) errors.title = 'Dê um título ao documento';
  if (content !== null && !content.trim()) errors.content = 'Escreva o conteúdo';
  return errors;
}

function DocumentForm({
  state,
  collections,
  onClose,
}: {
  state: NonNullable<DocumentFormState>;
  collections: KnowledgeCollection[];
  onClose: () => void;
}) {
  const { orgId } = useCurrentOrg();
  const create = useAddTextDocument(orgId);
  const update = useUpdateDocument(orgId);
  const doc = state.mode === 'edit' ? state.document : null;
  const save = doc ? update : create;
  const hasContent = !doc || doc.sourceType === 'text';
  const [title, setTitle] = useState(doc?.title ?? '');
  const [content, setContent] = useState(doc?.content ?? '');
  const [collectionId, setCollectionId] = useState(doc?.collectionId ?? '');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const apiFields = save.error instanceof ApiError ? save.error.fields : {};
  const errors = { ...apiFields, ...localErrors };
  const formError = save.isError && Object.keys(apiFields).length === 0 ? errorMessage(save.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(title, hasContent ? content : null);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    if (state.mode === 'create') {
      create.mutate(
        { collectionId: state.collectionId, title: title.trim(), content: content.trim() },
        {
          onSuccess: (saved) => {
            toast.success(`${saved.title} salvo. Indexando…`);
            onClose();
          },
        },
      );
      return;
    }
    const edited = state.document;
    const body: DocumentPatch = {};
    if (title.trim() !== edited.title) body.title = title.trim();
    if (collectionId !== edited.collectionId) body.collectionId = collectionId;
    if (hasContent && content.trim() !== (edited.content ?? '').trim()) body.content = content.trim();
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { documentId: edited.id, body },
      {
        onSuccess: (saved) => {
          toast.success(`${saved.title} salvo. Reindexando…`);
          onClose();
        },
      },
    );
  };

  return (
    <DialogForm
      title={doc ? `Editar ${doc.title}` : 'Escrever um texto'}
      description={
        doc
          ? hasContent
            ? 'Ao salvar, o documento é indexado de novo.'
            : 'Para mudar o conteúdo de um arquivo ou página, envie a nova versão. Ao salvar, o documento é indexado de novo.'
          : 'Perguntas frequentes, políticas, diferenciais: o que o agente precisa saber, em texto corrido.'
      }
      error={formError}
      submitLabel={doc ? 'Salvar' : 'Salvar texto'}
      pending={save.isPending}
      onSubmit={submit}
    >
      <InputField
        id="document-title"
        label="Título"
        placeholder="Ex.: Política de trocas"
        maxLength={200}
        value={title}
        onValueChange={setTitle}
        error={errors.title}
      />
      {doc && (
        <FormField id="document-collection" label="Coleção" error={errors.collectionId}>
          {(field) => (
            <NativeSelect {...field} value={collectionId} onChange={(e) => setCollectionId(e.target.value)}>
              <DocumentCollectionOptions collections={collections} />
            </NativeSelect>
          )}
        </FormField>
      )}
      {hasContent && (
        <FormField
          id="document-content"
          label="Conteúdo"
          error={errors.content}
          hint="Dica: comece cada assunto com um título (# Trocas, # Entrega). Cada seção vira um trecho que o agente encontra sozinho."
        >
          {(field) => (
            <Textarea
              {...field}
              rows={12}
              maxLength={200_000}
              value={content}
              onChange={(e) => setContent(e.target.value)}
              placeholder={'# Trocas\nAceitamos trocas em até 30 dias com a nota fiscal.'}
            />
          )}
        </FormField>
      )}
    </DialogForm>
  );
}
