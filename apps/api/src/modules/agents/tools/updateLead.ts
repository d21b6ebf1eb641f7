import { tool } from '@langchain/core/tools';
import type { QualificationField } from '@piloto/contracts';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { leadProfiles } from '../../../db/schema/index.ts';
import { runContextOf } from './runContext.ts';

export function createUpdateLeadTool(db: Db, fields: QualificationField[]) {
  const keys = fields.map((f) => f.key);
  return tool(
    async ({ fields: values, score, stage }, config) => {
      const ctx = runContextOf(config);
      const known = Object.fromEntries(
        Object.entries(values ?? {}).filter(([k, v]) => keys.includes(k) && v.trim()),
      );
      await db
        .insert(leadProfiles)
        .values({
          orgId: ctx.orgId,
          contactId: ctx.contactId,
          fields: known,
          score: score ?? null,
          stage: stage ?? null,
        })
        .onConflictDoUpdate({
          target: [leadProfiles.orgId, leadProfiles.contactId],
          set: {
            fields: sql`${leadProfiles.fields} || ${JSON.stringify(known)}::jsonb`,
            score: score ?? sql`${leadProfiles.score}`,
            stage: stage ?? sql`${leadProfiles.stage}`,
            updatedAt: new Date(),
          },
        });
      return 'Ficha do lead atualizada.';
    },
    {
      name: 'update_lead',
      description: `Registra o que você descobriu sobre o lead. Campos de qualificação: ${fields.map((f) => `${f.key} (${f.label})`).join(', ')}.`,
      schema: z.object({
        fields: z
          .record(z.string(), z.string())
          .optional()
          .describe('Campo → valor, só os que o lead confirmou'),
        score: z.number().min(0).max(100).optional().describe('Pontuação do lead pela regra da empresa'),
        stage: z.string().optional().describe('Etapa: novo, qualificando, qualificado, desqualificado'),
      }),
    },
  );
}
