import { Folder, Sparkles } from 'lucide-react';
import { Link } from 'react-router';
import { CheckboxCard } from '@/components/CheckboxCard.tsx';
import { Skeleton } from '@/components/ui/skeleton.tsx';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCollections } from '@/lib/queries/knowledgeQueries.ts';
import { errorUnder, type SectionProps } from './agentFormState.ts';
import { EditorSection } from './EditorSection.tsx';

/** Which knowledge collections the agent searches; none checked = all of them. */
export function KnowledgeSection({ values, onChange, errors }: SectionProps) {
  const { orgId } = useCurrentOrg();
  const collections = useCollections(orgId);
  const documentCollections = collections.data?.filter((c) => c.kind === 'documents') ?? [];
  const selected = new Set(values.knowledgeCollectionIds);
  const toggle = (id: string, on: boolean) =>
    onChange({
      knowledgeCollectionIds: on
        ? [...values.knowledgeCollectionIds, id]
        : values.knowledgeCollectionIds.filter((c) => c !== id),
    });
  const error = errorUnder(errors, 'knowledgeCollectionIds');
  const all = values.knowledgeCollectionIds.length === 0;
  // A collection deleted after it was chosen: the agent would search nothing for it.
  const known = new Set(collections.data?.map((c) => c.id));
  const gone = collections.data ? values.knowledgeCollectionIds.filter((id) => !known.has(id)) : [];
  return (
    <EditorSection
      id="conhecimento"
      title="Base de conhecimento"
      description="Em quais coleções o agente procura as respostas. Sem nenhuma marcada, ele usa todas."
    >
      {collections.isPending ? (
        <Skeleton className="h-24" />
      ) : documentCollections.length === 0 ? (
        <p className="text-sm text-slate-600">
          Nenhuma coleção de documentos ainda.{' '}
          <Link to="/conhecimento" className="font-medium text-brand-700 underline">
            Enviar documentos
          </Link>
        </p>
      ) : (
        <fieldset aria-describedby={error ? 'knowledge-error' : 'knowledge-summary'}>
          <legend className="sr-only">Coleções do agente</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {documentCollections.map((collection) => {
              const checked = selected.has(collection.id);
              return (
                <li key={collection.id}>
                  <CheckboxCard
                    checked={checked}
                    onChange={(on) => toggle(collection.id, on)}
                    icon={Folder}
                    title={collection.name}
                    detail={
                      collection.documentCount === 1
                        ? '1 documento'
                        : `${collection.documentCount} documentos`
                    }
                  />
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {gone.length > 0 && (
        <p className="text-sm text-amber-800">
          {gone.length === 1
            ? 'Uma coleção escolhida foi excluída.'
            : `${gone.length} coleções escolhidas foram excluídas.`}{' '}
          <button
            type="button"
            className="font-medium underline"
            onClick={() =>
              onChange({
                knowledgeCollectionIds: values.knowledgeCollectionIds.filter((id) => known.has(id)),
              })
            }
          >
            Tirar da lista
          </button>
        </p>
      )}
      <div id="knowledge-summary" className="grid gap-1 text-sm text-slate-600">
        {documentCollections.length > 0 && (
          <p>
            {all ? (
              <>
                <span className="font-medium text-slate-900">Todas as coleções</span> — inclusive as que forem
                criadas depois.
              </>
            ) : (
              `Só ${selected.size - gone.length === 1 ? 'a coleção marcada' : `as ${selected.size - gone.length} coleções marcadas`}.`
            )}
          </p>
        )}
        <p className="flex items-start gap-1.5">
          <Sparkles className="mt-0.5 size-3.5 shrink-0 text-violet-600" aria-hidden="true" />
          As respostas aprendidas (o que a equipe ensinou à IA) valem sempre, para todos os agentes.
        </p>
      </div>
      {error && (
        <p id="knowledge-error" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </EditorSection>
  );
}
