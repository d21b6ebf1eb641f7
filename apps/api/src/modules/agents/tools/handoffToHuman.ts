import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { runContextOf } from './runContext.ts';

export function createHandoffTool() {
  return tool(
    async ({ reason, note }, config) => {
      runContextOf(config).handoff = { reason, note };
      return 'Conversa transferida para a equipe.';
    },
    {
      name: 'handoff_to_human',
      description:
        'Transfere a conversa para um vendedor humano: quando o lead pede uma pessoa, está irritado, o negócio é grande, ou você não pode ajudar.',
      schema: z.object({
        reason: z.enum(['lead_requested', 'negative_sentiment', 'value_threshold', 'missing_knowledge']),
        note: z.string().describe('Resumo para o vendedor: o que o lead quer e o que já foi conversado'),
      }),
    },
  );
}
