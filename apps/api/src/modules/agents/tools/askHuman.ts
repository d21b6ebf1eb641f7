import { tool } from '@langchain/core/tools';
import { interrupt } from '@langchain/langgraph';
import { z } from 'zod';

/**
 * The agent lacks an answer: it asks the team. The graph stops here (LangGraph interrupt,
 * checkpointed in Postgres) and resumes with the seller's answer as this tool's result.
 */
export function createAskHumanTool() {
  return tool(
    async ({ question }) => {
      const answer = interrupt({ question }) as string;
      return `Resposta da equipe: ${answer}`;
    },
    {
      name: 'ask_human',
      description:
        'Pergunta à equipe quando a informação não está nas instruções nem na base de conhecimento. Nunca invente.',
      schema: z.object({
        question: z.string().describe('A pergunta objetiva para a equipe, com o contexto necessário'),
      }),
    },
  );
}
