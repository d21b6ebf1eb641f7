import { ExternalLink, RefreshCw } from 'lucide-react';
import { toast } from 'sonner';
import { QueryError } from '@/components/QueryStates.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '@/components/ui/sheet.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatDateTime } from '@/lib/formatDate.ts';
import {
  isIndexing,
  type KnowledgeDocumentWithChunks,
  useDocument,
  useReindexDocument,
} from '@/lib/queries/knowledgeQueries.ts';
import { DocumentStatus } from './DocumentStatus.tsx';
import { documentSummary } from './documentLabels.ts';

/** A document opened on the side: its state and the chunks the agent can retrieve from it. */
export function DocumentSheet({
  documentId,
  canManage,
  onClose,
}: {
  documentId: string | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { orgId } = useCurrentOrg();
  const doc = useDocument(orgId, documentId);
  return (
    <Sheet open={documentId !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent side="right" closeLabel="Fechar" className="max-w-2xl">
        {doc.isPending ? (
          <div className="grid gap-3 p-5" aria-busy="true">
            <SheetTitle className="sr-only">Carregando documento</SheetTitle>
            <SheetDescription className="sr-only">Os trechos do documento</SheetDescription>
            <Skeleton className="h-6 w-2/3" />
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
        ) : doc.isError ? (
          <div className="p-5 pt-12">
            <SheetTitle className="sr-only">Documento</SheetTitle>
            <SheetDescription className="sr-only">Não foi possível carregar</SheetDescription>
            <QueryError error={doc.error} onRetry={() => doc.refetch()} />
          </div>
        ) : (
          <DocumentDetail document={doc.data} canManage={canManage} />
        )}
      </SheetContent>
    </Sheet>
  );
}

function DocumentDetail({
  document: doc,
  canManage,
}: {
  document: KnowledgeDocumentWithChunks;
  canManage: boolean;
}) {
  const { orgId } = useCurrentOrg();
  const reindex = useReindexDocument(orgId);
  const reindexButton = canManage && (
    <Button
      variant="outline"
      size="sm"
      className="mt-2"
      loading={reindex.isPending}
      onClick={() =>
        reindex.mutate(doc.id, {
          onSuccess: () => toast.success(`${doc.title}: reindexando.`),
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      {!reindex.isPending && <RefreshCw aria-hidden="true" />}
      Reindexar
    </Button>
  );
  return (
    <>
      <div className="border-b px-5 py-4 pr-12">
        <SheetTitle className="text-base font-semibold text-slate-900 [overflow-wrap:anywhere]">
          {doc.title}
        </SheetTitle>
        <SheetDescription className="mt-0.5 text-sm text-slate-600 [overflow-wrap:anywhere]">
          {documentSummary(doc)}
        </SheetDescription>
        <div className="mt-3 flex flex-wrap items-start gap-x-5 gap-y-2 text-xs text-slate-600">
          <DocumentStatus document={doc} />
          {doc.indexedAt && <span>Indexado em {formatDateTime(doc.indexedAt)}</span>}
          {doc.url && (
            <a
              href={doc.url}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline"
            >
              <ExternalLink className="size-3.5" aria-hidden="true" />
              Abrir página
            </a>
          )}
        </div>
      </div>
      <div className="flex-1 overflow-y-auto px-5 py-4">
        {doc.status === 'failed' && doc.error && (
          <Alert variant="error" title="Não foi possível indexar" className="mb-4">
            <p>{doc.error.message}</p>
            {reindexButton}
          </Alert>
        )}
        {doc.status === 'ready' && doc.error && (
          <Alert variant="warning" className="mb-4">
            <p>{doc.error.message}</p>
            {reindexButton}
          </Alert>
        )}
        {isIndexing(doc) ? (
          <p className="text-sm text-slate-600">Os trechos aparecem aqui assim que a indexação terminar.</p>
        ) : doc.chunks.length > 0 ? (
          <section aria-labelledby="chunks-title">
            <h3 id="chunks-title" className="text-sm font-semibold text-slate-900">
              {doc.chunks.length === 1 ? '1 trecho' : `${doc.chunks.length.toLocaleString('pt-BR')} trechos`}
            </h3>
            <p className="mb-3 text-xs text-slate-600">
              O agente busca trecho por trecho e lê só os que combinam com a pergunta do lead.
            </p>
            <ol className="grid gap-3">
              {doc.chunks.map((chunk) => (
                <li key={chunk.id} className="rounded-lg border bg-slate-50/60 p-3">
                  <p className="mb-1.5 flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
                    <span className="font-semibold text-slate-700 tabular-nums">#{chunk.ord + 1}</span>
                    {chunk.heading && <span className="font-medium text-slate-800">{chunk.heading}</span>}
                    {chunk.page != null && <span>Página {chunk.page}</span>}
                  </p>
                  <p className="text-sm whitespace-pre-wrap text-slate-800 [overflow-wrap:anywhere]">
                    {chunk.text}
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ) : (
          doc.status === 'ready' && <p className="text-sm text-slate-600">Nenhum trecho neste documento.</p>
        )}
      </div>
    </>
  );
}
