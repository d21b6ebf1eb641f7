import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { runContextOf } from './runContext.ts';

/** The follow-ups module plugs in here; until then the tool says plainly that it cannot schedule. */
export type FollowupScheduler = (input: {
  orgId: string;
  conversationId: string;
  inMinutes: number;
  note: string;
}) => Promise<string>;

export const followupsUnavailable: FollowupScheduler = async () =>
  'Follow-ups automáticos ainda não estão disponíveis nesta empresa: combine o retorno com o lead na própria conversa.';

export function createScheduleFollowupTool(schedule: FollowupScheduler) {
  return tool(
    async ({ inMinutes, note }, config) => {
      const { orgId, conversationId } = runContextOf(config);
      return schedule({ orgId, conversationId, inMinutes, note });
    },
    {
      name: 'schedule_followup',
      description: 'Agenda um retorno ao lead (ex.: ele pediu para falar amanhã).',
      schema: z.object({
        inMinutes: z
          .number()
          .int()
          .min(5)
          .max(60 * 24 * 30)
          .describe('Daqui a quantos minutos'),
        note: z.string().describe('O que retomar'),
      }),
    },
  );
}
