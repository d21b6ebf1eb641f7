import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { runContextOf } from './runContext.ts';

export type Passage = { source: string; text: string };
/** The knowledge module plugs in here (hybrid search over the company's documents). */
export type KnowledgeSearch = (orgId: string, query: string, collectionIds: string[]) => Promise<Passage[]>;

export function createSearchKnowledgeTool(search: KnowledgeSearch) {
  return tool(
    async ({ query }, config) => {
      const ctx = runContextOf(config);
      const passages = await search(ctx.orgId, query, ctx.collectionIds);
      ctx.retrieved.push(...passages);
      if (!passages.length) return 'Nenhum trecho encontrado na base de conhecimento da empresa.';
      return passages.map((p, i) => `[${i + 1}] (${p.source}) ${p.text}`).join('\n\n');
    },
    {
      name: 'search_knowledge',
      description:
        'Busca nos procedimentos, catálogos e dados da empresa. Use antes de afirmar preços, prazos, políticas ou detalhes de produtos.',
      schema: z.object({ query: z.string().describe('A pergunta ou assunto a buscar, em português') }),
    },
  );
}
