import { hasRole, type KnowledgeCollection } from '@piloto/contracts';
import { BookOpen, Plus } from 'lucide-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/ConfirmDialog.tsx';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCollections, useDeleteCollection } from '@/lib/queries/knowledgeQueries.ts';
import { CollectionDialog, type CollectionDialogState } from '../CollectionDialog.tsx';
import { CollectionsNav } from '../CollectionsNav.tsx';
import { CollectionPanel } from './CollectionPanel.tsx';
import { useUploadQueue } from './useUploadQueue.ts';

function NoCollections({ canManage, onCreate }: { canManage: boolean; onCreate: () => void }) {
  return (
    <section className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-700 ring-1 ring-brand-100">
        <BookOpen className="size-6" aria-hidden="true" />
      </div>
      <h2 className="text-base font-semibold text-slate-900">Nenhum documento ainda</h2>
      <p className="mt-2 mb-6 max-w-md text-sm text-slate-600">
        {canManage
          ? 'Crie uma coleção (ex.: Catálogo, Preços, Políticas) e envie PDFs, planilhas e textos. Os agentes respondem com o que estiver aqui.'
          : 'Peça a um administrador para enviar os documentos da empresa. Os agentes respondem com o que estiver aqui.'}
      </p>
      {canManage && (
        <Button onClick={onCreate}>
          <Plus aria-hidden="true" />
          Criar coleção
        </Button>
      )}
    </section>
  );
}

/** Collections on the side, the chosen one's documents beside them. */
export function DocumentsTab({ onOpenLearned }: { onOpenLearned: () => void }) {
  const { orgId, role } = useCurrentOrg();
  const canManage = hasRole(role, 'admin');
  const collections = useCollections(orgId);
  const deleteCollection = useDeleteCollection(orgId);
  const uploads = useUploadQueue(orgId);
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<CollectionDialogState>(null);
  const [toDelete, setToDelete] = useState<KnowledgeCollection | null>(null);
  const select = (collectionId: string | null) =>
    setParams(collectionId ? { colecao: collectionId } : {}, { replace: true });

  if (collections.isPending) {
    return (
      <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]" aria-busy="true">
        <Skeleton className="h-40" />
        <Skeleton className="h-72" />
      </div>
    );
  }
  if (collections.isError) {
    return <QueryError error={collections.error} onRetry={() => collections.refetch()} />;
  }
  const list = collections.data;
  const selected =
    list.find((c) => c.id === params.get('colecao')) ?? list.find((c) => c.kind === 'documents') ?? list[0];
  const create = () => setDialog({ mode: 'create' });

  return (
    <>
      {selected ? (
        <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
          <CollectionsNav
            collections={list}
            selectedId={selected.id}
            canManage={canManage}
            onCreate={create}
          />
          <CollectionPanel
            key={selected.id}
            collection={selected}
            collections={list}
            canManage={canManage}
            uploads={uploads}
            onRename={() => setDialog({ mode: 'rename', collection: selected })}
            onDelete={() => setToDelete(selected)}
            onOpenLearned={onOpenLearned}
          />
        </div>
      ) : (
        <NoCollections canManage={canManage} onCreate={create} />
      )}
      <CollectionDialog state={dialog} onClose={() => setDialog(null)} onCreated={(c) => select(c.id)} />
      <ConfirmDialog
        open={toDelete !== null}
        onOpenChange={(open) => !open && setToDelete(null)}
        title={`Excluir a coleção ${toDelete?.name ?? ''}?`}
        description={
          toDelete?.documentCount
            ? `Os ${toDelete.documentCount} documentos dela também serão excluídos e os agentes deixam de usá-los.`
            : 'A coleção está vazia.'
        }
        confirmLabel="Excluir coleção"
        destructive
        loading={deleteCollection.isPending}
        onConfirm={() =>
          toDelete &&
          deleteCollection.mutate(toDelete.id, {
            onSuccess: () => {
              toast.success(`Coleção ${toDelete.name} excluída.`);
              setToDelete(null);
              select(null);
            },
            onError: (error) => toast.error(errorMessage(error)),
          })
        }
      />
    </>
  );
}
