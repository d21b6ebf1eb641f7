import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgIdColumn } from './channels.ts';

export type VoiceConsent = {
  speakerName: string;
  /** The statement the speaker agreed to, as recorded. */
  statement: string;
  recordedByMemberId: string;
  recordedAt: string;
};

/** A voice the agent can answer with: a cloned voice (ElevenLabs) or a stock one (OpenAI TTS). */
export const voices = pgTable(
  'voices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    provider: text('provider').$type<'elevenlabs' | 'openai'>().notNull(),
    providerVoiceId: text('provider_voice_id').notNull(),
    consent: jsonb('consent').$type<VoiceConsent>(),
    sampleKeys: jsonb('sample_keys').$type<string[]>().notNull().default([]),
    createdByMemberId: uuid('created_by_member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('voices_org_idx').on(t.orgId)],
);
