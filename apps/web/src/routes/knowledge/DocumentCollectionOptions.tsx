import type { KnowledgeCollection } from '@piloto/contracts';

/** The <option>s of the company's document collections (the learned-answers collection is not picked). */
export function DocumentCollectionOptions({
  collections,
}: {
  collections: KnowledgeCollection[] | undefined;
}) {
  return (collections ?? [])
    .filter((c) => c.kind === 'documents')
    .map((c) => (
      <option key={c.id} value={c.id}>
        {c.name}
      </option>
    ));
}
