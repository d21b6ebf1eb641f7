import type { HandoffReason } from '@piloto/contracts';
import { eq, sql } from 'drizzle-orm';
import { type Db, statementName } from '../../db/client.ts';
import { conversations, type MediaUnderstanding, type StoredMedia } from '../../db/schema/index.ts';

/** The history window: tokens per turn stop growing with the conversation's length. */
export const HISTORY_WINDOW = 20;
/** How long a turn waits for its media to be understood before a human takes over. */
export const UNDERSTAND_WAIT_MS = 3 * 60_000;
export const MEDIA_RETRY_MESSAGE =
  'Desculpe, não consegui abrir o que você enviou. Pode mandar de novo ou me escrever?';

export type HistoryMessage = {
  seq: number;
  direction: string;
  text: string | null;
  kind: string;
  media: StoredMedia | null;
  understanding: MediaUnderstanding | null;
};

/** Everything a new turn reads about its conversation. */
export type TurnContext = {
  conversation: typeof conversations.$inferSelect;
  /**
   * The conversation's newest message as stored (by seq, not by the provider's clock; reactions aside):
   * outbound means someone already answered.
   */
  last: { direction: string; text: string | null; understanding: MediaUnderstanding | null } | null;
  /** The lead's messages since the business last wrote (reactions aside): what the media gate looks at. */
  leadTurn: Array<{ kind: string; understanding: MediaUnderstanding | null; createdAtMs: number }>;
  profile: { fields: Record<string, string>; score: number | null; stage: string | null } | null;
  /**
   * The newest messages after the rolling summary, oldest first: at most two windows, plus one more
   * when older ones are left to fold into the summary.
   */
  history: HistoryMessage[];
  /** The lead's last message this turn answers. */
  cutoffSeq: number;
  /** The newest message this turn saw: any message after it (lead or team; not a reaction) makes the answer stale. */
  seenSeq: number;
  /** The lead's number (the output guard lets the model repeat it). */
  phone: string | null;
};

/**
 * One statement for the whole context of a turn (null when the conversation is gone). What it saw is
 * checked again when the answer is written (`seenSeq`), so it may be read while the lease is taken.
 */
export async function readTurnContext(db: Db, conversationId: string): Promise<TurnContext | null> {
  let query = prepared.get(db);
  if (!query) {
    query = prepareTurnContext(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ id: conversationId });
  if (!row) return null;
  // The conversation's newest message as this read saw it (kept on its row with every message).
  return { ...row, cutoffSeq: Number(row.cutoffSeq), seenSeq: row.conversation.lastSeq };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareTurnContext>>();

/** Parsed and planned once per connection: planning this statement costs more than running it. */
function prepareTurnContext(db: Db) {
  const id = sql.placeholder('id');
  // Outer columns spelled out: drizzle leaves them unqualified in a one-table select.
  return db
    .select({
      conversation: conversations,
      last: sql<TurnContext['last']>`(
        select json_build_object('direction', m.direction, 'text', m.text, 'understanding', m.understanding)
          from messages m where m.conversation_id = ${id} and m.kind <> 'reaction'
         order by m.seq desc limit 1)`,
      leadTurn: sql<TurnContext['leadTurn']>`(
        select coalesce(json_agg(json_build_object('kind', m.kind, 'understanding', m.understanding,
                 'createdAtMs', extract(epoch from m.created_at) * 1000)), '[]')
          from messages m
         where m.conversation_id = ${id} and m.direction = 'inbound' and m.kind <> 'reaction'
           and m.seq > coalesce((select max(o.seq) from messages o
                                  where o.conversation_id = ${id} and o.direction = 'outbound'), 0))`,
      profile: sql<TurnContext['profile']>`(
        select json_build_object('fields', p.fields, 'score', p.score, 'stage', p.stage)
          from lead_profiles p where p.org_id = conversations.org_id and p.contact_id = conversations.contact_id)`,
      history: sql<HistoryMessage[]>`(
        select coalesce(json_agg(json_build_object('seq', h.seq, 'direction', h.direction, 'text', h.text,
                 'kind', h.kind, 'media', h.media, 'understanding', h.understanding) order by h.created_at, h.seq), '[]')
          from (select m.seq, m.direction, m.text, m.kind, m.media, m.understanding, m.created_at
                  from messages m
                 where m.conversation_id = ${id} and m.seq > conversations.ai_summary_seq and m.kind <> 'reaction'
                 order by m.created_at desc, m.seq desc limit ${HISTORY_WINDOW * 2 + 1}) h)`,
      cutoffSeq: sql<string>`(select coalesce(max(m.seq), 0) from messages m
        where m.conversation_id = ${id} and m.direction = 'inbound' and m.kind <> 'reaction')`,
      phone: sql<string | null>`(select c.phone_e164 from contacts c where c.id = conversations.contact_id)`,
    })
    .from(conversations)
    .where(eq(conversations.id, id))
    .prepare(statementName(db, 'agent_turn_context'));
}

export type MediaGate =
  | { action: 'wait' }
  | { action: 'reply'; text: string }
  | { action: 'handoff'; reason: HandoffReason; note: string }
  | null;

/**
 * The lead's media in this turn: wait while any is being understood; when every message of the turn
 * is media we could not understand, answer without the model — a polite request to resend (bad
 * media), or a human (no transcription model, provider down). Null: the model answers.
 */
export function mediaGate(leadTurn: TurnContext['leadTurn'], now = Date.now()): MediaGate {
  const pending = leadTurn.filter((m) => m.understanding?.status === 'pending');
  if (pending.some((m) => now - m.createdAtMs < UNDERSTAND_WAIT_MS)) return { action: 'wait' };
  if (!leadTurn.length || !leadTurn.every((m) => m.understanding && m.understanding.status !== 'done'))
    return null;
  const failures = leadTurn.map((m) => m.understanding!);
  const human = failures.find(
    (u) => u.status === 'pending' || u.code === 'not_configured' || u.code === 'provider_failed',
  );
  if (human)
    return {
      action: 'handoff',
      reason: human.code === 'not_configured' ? 'no_model' : 'tool_failure',
      note: human.error ?? 'A mídia do lead ainda não foi processada',
    };
  return { action: 'reply', text: failures.at(-1)!.error ?? MEDIA_RETRY_MESSAGE };
}
