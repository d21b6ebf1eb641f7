import type { KnowledgeCollection } from '@piloto/contracts';
import { Folder, Plus, Sparkles } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button.tsx';
import { cn } from '@/lib/cn.ts';

/** The company's collections (documents first, the learned answers last) and a way to add one. */
export function CollectionsNav({
  collections,
  selectedId,
  canManage,
  onCreate,
}: {
  collections: KnowledgeCollection[];
  selectedId: string | undefined;
  canManage: boolean;
  onCreate: () => void;
}) {
  return (
    <nav aria-label="Coleções" className="grid content-start gap-2">
      <div className="flex h-8 items-center justify-between gap-2">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Coleções</h2>
        {canManage && (
          <Button variant="ghost" size="sm" onClick={onCreate}>
            <Plus aria-hidden="true" />
            Nova coleção
          </Button>
        )}
      </div>
      <ul className="grid gap-0.5">
        {collections.map((collection) => {
          const selected = collection.id === selectedId;
          const Icon = collection.kind === 'learned' ? Sparkles : Folder;
          return (
            <li key={collection.id}>
              <Link
                to={`?colecao=${collection.id}`}
                aria-current={selected ? 'page' : undefined}
                className={cn(
                  'group flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring',
                  selected
                    ? 'bg-white text-slate-900 shadow-xs ring-1 ring-slate-200'
                    : 'text-slate-700 hover:bg-slate-200/60 hover:text-slate-900',
                )}
              >
                <Icon
                  className={cn(
                    'size-4 shrink-0',
                    collection.kind === 'learned'
                      ? 'text-violet-600'
                      : selected
                        ? 'text-brand-600'
                        : 'text-slate-500 group-hover:text-slate-700',
                  )}
                  aria-hidden="true"
                />
                <span className="min-w-0 flex-1 truncate">{collection.name}</span>
                <span className="text-xs font-normal text-slate-500 tabular-nums">
                  {collection.documentCount}
                  <span className="sr-only"> documentos</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
