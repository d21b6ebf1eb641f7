import type { KnowledgeCollection, KnowledgeDocument } from '@piloto/contracts';
import { FileText, Globe, MoreHorizontal, Pencil, Sparkles, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useDeleteDocument, useReindexDocument } from '@/lib/queries/knowledgeQueries.ts';
import { DocumentFormDialog, type DocumentFormState } from './DocumentFormDialog.tsx';
import { DocumentSheet } from './DocumentSheet.tsx';
import { type DocumentAction, DocumentsTable } from './DocumentsTable.tsx';
import { UploadArea } from './UploadArea.tsx';
import { UrlDocumentDialog } from './UrlDocumentDialog.tsx';
import type { UploadQueue } from './useUploadQueue.ts';

/** One collection: what it is, how to add to it, and its documents. */
export function CollectionPanel({
  collection,
  collections,
  canManage,
  uploads,
  onRename,
  onDelete,
  onOpenLearned,
}: {
  collection: KnowledgeCollection;
  collections: KnowledgeCollection[];
  canManage: boolean;
  uploads: UploadQueue;
  onRename: () => void;
  onDelete: () => void;
  onOpenLearned: () => void;
}) {
  const { orgId } = useCurrentOrg();
  const learned = collection.kind === 'learned';
  const canAdd = canManage && !learned;
  const reindex = useReindexDocument(orgId);
  const deleteDocument = useDeleteDocument(orgId);
  const [form, setForm] = useState<DocumentFormState>(null);
  const [urlOpen, setUrlOpen] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<KnowledgeDocument | null>(null);

  const onAction = (action: DocumentAction, doc: KnowledgeDocument) => {
    if (action === 'open') return setOpenId(doc.id);
    if (action === 'edit') return setForm({ mode: 'edit', document: doc });
    if (action === 'delete') return setToDelete(doc);
    reindex.mutate(doc.id, {
      onSuccess: () => toast.success(`${doc.title}: reindexando.`),
      onError: (error) => toast.error(errorMessage(error)),
    });
  };

  return (
    <section aria-labelledby="collection-title" className="grid min-w-0 content-start gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="collection-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
            {learned && <Sparkles className="size-4 text-violet-600" aria-hidden="true" />}
            <span className="truncate">{collection.name}</span>
          </h2>
          {collection.description && <p className="text-sm text-slate-600">{collection.description}</p>}
        </div>
        {canAdd && (
          <div className="flex flex-wrap items-center gap-2">
            <Button
              variant="outline"
              size="sm"
              onClick={() => setForm({ mode: 'create', collectionId: collection.id })}
            >
              <FileText aria-hidden="true" />
              Escrever texto
            </Button>
            <Button variant="outline" size="sm" onClick={() => setUrlOpen(true)}>
              <Globe aria-hidden="true" />
              Importar página
            </Button>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={`Mais ações da coleção ${collection.name}`}
                >
                  <MoreHorizontal aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem onSelect={onRename}>
                  <Pencil aria-hidden="true" />
                  Renomear coleção
                </DropdownMenuItem>
                <DropdownMenuSeparator />
                <DropdownMenuItem onSelect={onDelete} className="text-red-700 [&_svg]:text-red-600!">
                  <Trash2 aria-hidden="true" />
                  Excluir coleção
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        )}
      </div>

      {learned && (
        <Alert variant="info">
          O que a equipe ensinou à IA, uma resposta por documento. Valem para todos os agentes.{' '}
          <button type="button" className="font-medium underline" onClick={onOpenLearned}>
            Aprovar, editar ou arquivar em Aprendizado
          </button>
        </Alert>
      )}
      {canAdd && <UploadArea collectionId={collection.id} uploads={uploads} />}
      <DocumentsTable
        collection={collection}
        canManage={canManage}
        reindexingId={reindex.isPending ? reindex.variables : undefined}
        onAction={onAction}
      />

      <DocumentFormDialog state={form} collections={collections} onClose={() => setForm(null)} />
      <UrlDocumentDialog collectionId={collection.id} open={urlOpen} onOpenChange={setUrlOpen} />
      <DocumentSheet documentId={openId} canManage={canManage} onClose={() => setOpenId(null)} />
      <ConfirmDialog
        open={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        title={`Excluir ${toDelete?.title ?? 'documento'}?`}
        description="Os agentes deixam de usar o que está nele. Para voltar a usá-lo, envie de novo."
        confirmLabel="Excluir documento"
        destructive
        loading={deleteDocument.isPending}
        onConfirm={() =>
          toDelete &&
          deleteDocument.mutate(toDelete.id, {
            onSuccess: () => {
              toast.success(`${toDelete.title} excluído.`);
              setToDelete(null);
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </section>
  );
}
