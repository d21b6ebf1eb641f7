import type { KnowledgeSearchResult } from '@piloto/contracts';
import { Search, SearchX } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { FormField } from '@/components/FormField.tsx';
import { InputField } from '@/components/InputField.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { Button } from '@/components/ui/button.tsx';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card.tsx';
import { NativeSelect } from '@/components/ui/select.tsx';
import { ApiError, errorMessage } from '@/lib/apiClient.ts';
import { useCurrentOrg } from '@/lib/currentOrg.tsx';
import { useCollections, useKnowledgeSearch } from '@/lib/queries/knowledgeQueries.ts';
import { DocumentCollectionOptions } from './DocumentCollectionOptions.tsx';

const retrieverLabels: Record<KnowledgeSearchResult['matchedBy'][number], { label: string; title: string }> =
  {
    fulltext: { label: 'Palavras', title: 'Encontrado pelas palavras da pergunta' },
    vector: { label: 'Significado', title: 'Encontrado pelo sentido da pergunta (embeddings)' },
  };

function ResultItem({ result, position }: { result: KnowledgeSearchResult; position: number }) {
  return (
    <li>
      <Card className="p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <p className="min-w-0 text-sm font-semibold text-slate-900 [overflow-wrap:anywhere]">
            <span className="mr-2 text-slate-400 tabular-nums">{position}.</span>
            {result.documentTitle}
            {result.heading && (
              <>
                <span className="mx-1.5 text-slate-400" aria-hidden="true">
                  ›
                </span>
                {result.heading}
              </>
            )}
          </p>
          <div className="flex flex-wrap items-center gap-1.5">
            {result.page != null && <Badge variant="outline">Página {result.page}</Badge>}
            {result.matchedBy.map((by) => (
              <Badge
                key={by}
                variant={by === 'vector' ? 'info' : 'default'}
                title={retrieverLabels[by].title}
              >
                {retrieverLabels[by].label}
              </Badge>
            ))}
          </div>
        </div>
        <p className="mt-2 text-sm whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">
          {result.text}
        </p>
      </Card>
    </li>
  );
}

/** "Testar busca": what the agent would read for a lead's question, before any lead asks it. */
export function SearchTester() {
  const { orgId } = useCurrentOrg();
  const collections = useCollections(orgId);
  const search = useKnowledgeSearch(orgId);
  const [query, setQuery] = useState('');
  const [collectionId, setCollectionId] = useState('');
  const [queryError, setQueryError] = useState<string | undefined>();
  const fields = search.error instanceof ApiError ? search.error.fields : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim().length < 2) return setQueryError('Escreva uma pergunta');
    setQueryError(undefined);
    search.mutate({ query: query.trim(), collectionIds: collectionId ? [collectionId] : [], limit: 8 });
  };

  const data = search.data;
  return (
    <div className="grid gap-5">
      <Card>
        <CardHeader>
          <CardTitle>Testar busca</CardTitle>
          <CardDescription>
            Escreva uma pergunta como um lead escreveria e veja os trechos que o agente encontraria para
            responder.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form
            onSubmit={submit}
            noValidate
            className="grid items-start gap-3 md:grid-cols-[minmax(0,1fr)_14rem_auto]"
          >
            <InputField
              id="search-query"
              label="Pergunta"
              placeholder="Ex.: Qual o prazo de entrega para Campinas?"
              maxLength={500}
              value={query}
              onValueChange={setQuery}
              error={queryError ?? fields.query}
            />
            <FormField id="search-collection" label="Onde buscar" hint="Respostas aprendidas entram sempre.">
              {(field) => (
                <NativeSelect
                  {...field}
                  value={collectionId}
                  onChange={(e) => setCollectionId(e.target.value)}
                >
                  <option value="">Todas as coleções</option>
                  <DocumentCollectionOptions collections={collections.data} />
                </NativeSelect>
              )}
            </FormField>
            <Button type="submit" loading={search.isPending} className="md:mt-[1.375rem]">
              {!search.isPending && <Search aria-hidden="true" />}
              Buscar
            </Button>
          </form>
        </CardContent>
      </Card>

      {search.isError && Object.keys(fields).length === 0 && (
        <Alert variant="error">{errorMessage(search.error)}</Alert>
      )}
      {data && (
        <section aria-labelledby="search-results-title" aria-live="polite" className="grid gap-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="search-results-title" className="text-sm font-semibold text-slate-900">
              {data.results.length === 0
                ? 'Nenhum trecho encontrado'
                : data.results.length === 1
                  ? '1 trecho encontrado'
                  : `${data.results.length} trechos encontrados`}
            </h2>
            <Badge variant={data.mode === 'hybrid' ? 'success' : 'default'}>
              {data.mode === 'hybrid' ? 'Busca por significado e palavras' : 'Busca só por palavras'}
            </Badge>
          </div>
          {data.notice && <Alert variant="warning">{data.notice}</Alert>}
          {data.results.length === 0 ? (
            <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
              <SearchX className="mb-3 size-8 text-slate-300" aria-hidden="true" />
              <p className="max-w-md text-sm text-slate-600">
                O agente não encontraria nada para essa pergunta e teria de perguntar à equipe. Envie um
                documento que responda a ela ou ensine a resposta em Aprendizado.
              </p>
            </div>
          ) : (
            <ol className="grid gap-3">
              {data.results.map((result, index) => (
                <ResultItem key={result.chunkId} result={result} position={index + 1} />
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
