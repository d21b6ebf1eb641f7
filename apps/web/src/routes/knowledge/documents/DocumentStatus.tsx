import type { KnowledgeDocument } from '@piloto/contracts';
import { Loader2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge.tsx';
import { isIndexing } from '@/lib/queries/knowledgeQueries.ts';
import { documentStatusInfo } from './documentLabels.ts';

/** "Na fila" / "Processando 40%" with its bar / "Pronto" / "Falhou". */
export function DocumentStatus({ document: doc }: { document: KnowledgeDocument }) {
  const info = documentStatusInfo[doc.status];
  const indexing = isIndexing(doc);
  return (
    <div className="grid w-24 justify-items-start gap-1.5 sm:w-32">
      <Badge variant={info.tone}>
        {indexing && <Loader2 className="size-3 animate-spin" aria-hidden="true" />}
        {info.label}
        {doc.status === 'processing' && <span className="tabular-nums">{doc.progress}%</span>}
      </Badge>
      {indexing && (
        <div
          role="progressbar"
          aria-label={`Indexação de ${doc.title}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={doc.progress}
          className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100"
        >
          <div
            className="h-full rounded-full bg-sky-500 transition-[width] duration-500"
            style={{ width: `${Math.max(doc.progress, 3)}%` }}
          />
        </div>
      )}
    </div>
  );
}
