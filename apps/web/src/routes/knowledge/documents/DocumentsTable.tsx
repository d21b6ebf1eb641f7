import type { KnowledgeCollection, KnowledgeDocument } from '@piloto/contracts';
import {
  AlertCircle,
  Eye,
  FileSpreadsheet,
  FileText,
  Globe,
  type LucideIcon,
  MoreHorizontal,
  Pencil,
  RefreshCw,
  Sparkles,
  Trash2,
  TriangleAlert,
} from 'lucide-react';
import { QueryError } from '@/components/QueryStates.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card } from '@/components/ui/card.tsx';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { formatRelative } from '@/lib/formatDate.ts';
import { useDocuments } from '@/lib/queries/knowledgeQueries.ts';
import { DocumentStatus } from './DocumentStatus.tsx';
import { documentSummary } from './documentLabels.ts';

export type DocumentAction = 'open' | 'edit' | 'reindex' | 'delete';

function documentIcon(doc: KnowledgeDocument): LucideIcon {
  if (doc.sourceType === 'url') return Globe;
  if (doc.sourceType === 'learned') return Sparkles;
  if (doc.format === 'csv' || doc.format === 'xlsx') return FileSpreadsheet;
  return FileText;
}

/** Why it failed (red), or a warning on a usable document (amber, e.g. indexed without embeddings). */
function DocumentProblem({ document: doc }: { document: KnowledgeDocument }) {
  if (!doc.error) return null;
  const failed = doc.status === 'failed';
  const Icon = failed ? AlertCircle : TriangleAlert;
  return (
    <p className={`mt-1 flex items-start gap-1.5 text-xs ${failed ? 'text-red-800' : 'text-amber-800'}`}>
      <Icon className="mt-px size-3.5 shrink-0" aria-hidden="true" />
      <span>{doc.error.message}</span>
    </p>
  );
}

function RowActions({
  document: doc,
  canManage,
  onAction,
}: {
  document: KnowledgeDocument;
  canManage: boolean;
  onAction: (action: DocumentAction, doc: KnowledgeDocument) => void;
}) {
  const learned = doc.sourceType === 'learned';
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Ações de ${doc.title}`}>
          <MoreHorizontal aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onAction('open', doc)}>
          <Eye aria-hidden="true" />
          Ver trechos
        </DropdownMenuItem>
        {canManage && !learned && (
          <DropdownMenuItem onSelect={() => onAction('edit', doc)}>
            <Pencil aria-hidden="true" />
            Editar
          </DropdownMenuItem>
        )}
        {canManage && (
          <DropdownMenuItem onSelect={() => onAction('reindex', doc)}>
            <RefreshCw aria-hidden="true" />
            Reindexar
          </DropdownMenuItem>
        )}
        {canManage && !learned && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem
              onSelect={() => onAction('delete', doc)}
              className="text-red-700 [&_svg]:text-red-600!"
            >
              <Trash2 aria-hidden="true" />
              Excluir
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** The collection's documents with their live indexing state. */
export function DocumentsTable({
  collection,
  canManage,
  reindexingId,
  onAction,
}: {
  collection: KnowledgeCollection;
  canManage: boolean;
  reindexingId: string | undefined;
  onAction: (action: DocumentAction, doc: KnowledgeDocument) => void;
}) {
  const { orgId } = useCurrentOrg();
  const documents = useDocuments(orgId, collection.id);

  if (documents.isPending) {
    return (
      <Card className="grid gap-3 p-5" aria-busy="true">
        <Skeleton className="h-10" />
        <Skeleton className="h-10" />
      </Card>
    );
  }
  if (documents.isError) return <QueryError error={documents.error} onRetry={() => documents.refetch()} />;
  if (documents.data.length === 0) {
    return (
      <p className="rounded-xl border bg-white px-6 py-10 text-center text-sm text-slate-600">
        {collection.kind === 'learned'
          ? 'Nenhuma resposta aprendida ainda. Elas aparecem quando a equipe responde às perguntas da IA.'
          : canManage
            ? 'Nenhum documento nesta coleção. Envie um arquivo, escreva um texto ou importe uma página.'
            : 'Nenhum documento nesta coleção ainda.'}
      </p>
    );
  }
  return (
    <Card>
      <Table aria-label={`Documentos de ${collection.name}`}>
        <TableHeader>
          <TableRow>
            <TableHead className="w-full">Documento</TableHead>
            <TableHead className="w-px">Situação</TableHead>
            <TableHead className="hidden w-px text-right md:table-cell">Trechos</TableHead>
            <TableHead className="hidden w-px 2xl:table-cell">Atualizado</TableHead>
            <TableHead className="w-px">
              <span className="sr-only">Ações</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {documents.data.map((doc) => {
            const Icon = documentIcon(doc);
            return (
              <TableRow key={doc.id} aria-busy={reindexingId === doc.id || undefined}>
                <TableCell className="w-full max-w-0 align-top">
                  <div className="flex min-w-0 items-start gap-3">
                    <Icon className="mt-0.5 size-4 shrink-0 text-slate-500" aria-hidden="true" />
                    <div className="min-w-0">
                      <button
                        type="button"
                        onClick={() => onAction('open', doc)}
                        className="block max-w-full text-left font-medium text-slate-900 [overflow-wrap:anywhere] hover:underline focus-visible:outline-2 focus-visible:outline-ring sm:truncate"
                      >
                        {doc.title}
                      </button>
                      <p className="text-xs text-slate-500 [overflow-wrap:anywhere]">
                        {documentSummary(doc)}
                      </p>
                      <DocumentProblem document={doc} />
                    </div>
                  </div>
                </TableCell>
                <TableCell className="align-top">
                  <DocumentStatus document={doc} />
                </TableCell>
                <TableCell className="hidden text-right align-top text-slate-700 tabular-nums md:table-cell">
                  {doc.status === 'ready' ? doc.chunkCount.toLocaleString('pt-BR') : '—'}
                </TableCell>
                <TableCell className="hidden align-top whitespace-nowrap text-slate-600 2xl:table-cell">
                  <time dateTime={doc.updatedAt}>{formatRelative(doc.updatedAt)}</time>
                </TableCell>
                <TableCell className="align-top">
                  <RowActions document={doc} canManage={canManage} onAction={onAction} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}
