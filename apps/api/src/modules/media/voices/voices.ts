import type { AgentConfig, AiTaskModels } from '@piloto/contracts';
import { VOICE_CONSENT_STATEMENT, type Voice } from '@piloto/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/client.ts';
import { members, type StoredMedia, users, voices } from '../../../db/schema/index.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import type { HttpClient } from '../../../platform/httpClient.ts';
import type { Storage } from '../../../platform/storage.ts';
import { type AiKeys, resolveProvider } from '../../agents/models.ts';
import type { AgentsService } from '../../agents/service.ts';
import { cloneVoice } from './cloneVoice.ts';
import { deleteVoice } from './deleteVoice.ts';
import { type SpeechEngine, synthesizeSpeech } from './synthesizeSpeech.ts';

type VoiceRow = typeof voices.$inferSelect;
const MAX_SAMPLES = 10;

/**
 * The voices an agent can answer with: cloned from samples of a partner's or seller's voice
 * (ElevenLabs instant voice cloning, only with the speaker's recorded consent) or a stock OpenAI voice.
 */
export function createVoicesService(deps: {
  db: Db;
  storage: Storage;
  agents: AgentsService;
  http: HttpClient;
  config: Config;
  ffmpegPath: string;
  logger: Logger;
}) {
  const { db, storage, agents, logger } = deps;

  async function rowOf(orgId: string, voiceId: string): Promise<VoiceRow> {
    const [row] = await db
      .select()
      .from(voices)
      .where(and(eq(voices.orgId, orgId), eq(voices.id, voiceId), isNull(voices.deletedAt)));
    if (!row) throw notFound('Voz não encontrada');
    return row;
  }

  async function present(row: VoiceRow): Promise<Voice> {
    let recordedByName: string | null = null;
    if (row.consent) {
      const [m] = await db
        .select({ name: users.name })
        .from(members)
        .innerJoin(users, eq(users.id, members.userId))
        .where(eq(members.id, row.consent.recordedByMemberId));
      recordedByName = m?.name ?? null;
    }
    return {
      id: row.id,
      name: row.name,
      provider: row.provider,
      providerVoiceId: row.providerVoiceId,
      consent: row.consent
        ? {
            speakerName: row.consent.speakerName,
            statement: row.consent.statement,
            recordedByName,
            recordedAt: row.consent.recordedAt,
          }
        : null,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Which engine speaks with a voice: the voice's own provider, else the company's speech model. */
  function engineFor(
    ai: { keys: AiKeys; models: AiTaskModels },
    voice: VoiceRow | null,
  ): SpeechEngine | null {
    const { keys, models } = ai;
    if (voice) {
      const name = models.speech?.provider === voice.provider ? models.speech.name : undefined;
      return { provider: voice.provider, name };
    }
    if (models.speech) return models.speech;
    return resolveProvider('openai', keys, deps.config).apiKey ? { provider: 'openai' } : null;
  }

  async function speakBytes(orgId: string, voice: VoiceRow | null, text: string) {
    const ai = await agents.aiOf(orgId);
    const engine = engineFor(ai, voice);
    if (!engine) return null;
    return synthesizeSpeech(deps, { text, engine, voiceId: voice?.providerVoiceId ?? null, keys: ai.keys });
  }

  return {
    async list(orgId: string): Promise<Voice[]> {
      const rows = await db
        .select()
        .from(voices)
        .where(and(eq(voices.orgId, orgId), isNull(voices.deletedAt)))
        .orderBy(voices.createdAt);
      return Promise.all(rows.map(present));
    },

    /** Cloning someone's voice needs their consent, recorded with the voice. */
    async clone(
      orgId: string,
      memberId: string,
      input: {
        name: string;
        speakerName: string;
        consent: boolean;
        samples: Array<{ bytes: Buffer; fileName: string; mimeType: string }>;
      },
    ): Promise<Voice> {
      if (!input.consent)
        throw badRequest(
          'CONSENT_REQUIRED',
          'Para clonar uma voz, registre o consentimento da pessoa dona da voz.',
        );
      if (!input.samples.length)
        throw badRequest(
          'SAMPLES_REQUIRED',
          'Envie ao menos uma gravação da voz (1 a 3 minutos de fala, sem ruído).',
        );
      if (input.samples.length > MAX_SAMPLES)
        throw badRequest('TOO_MANY_SAMPLES', `Envie no máximo ${MAX_SAMPLES} gravações.`);
      const { keys } = await agents.aiOf(orgId);
      const cloned = await cloneVoice(deps, {
        name: input.name,
        samples: input.samples,
        description: `Voz de ${input.speakerName} (PilotoDeVendas.IA)`,
        labels: { speaker: input.speakerName, language: 'pt-BR' },
        keys,
      });
      const sampleKeys: string[] = [];
      for (const sample of input.samples)
        sampleKeys.push(await storage.put(`voices/${orgId}`, sample.bytes, sample.mimeType));
      const [row] = await db
        .insert(voices)
        .values({
          orgId,
          name: input.name,
          provider: 'elevenlabs',
          providerVoiceId: cloned.voiceId,
          consent: {
            speakerName: input.speakerName,
            statement: VOICE_CONSENT_STATEMENT,
            recordedByMemberId: memberId,
            recordedAt: new Date().toISOString(),
          },
          sampleKeys,
          createdByMemberId: memberId,
        })
        .returning();
      return present(row);
    },

    async addStock(orgId: string, memberId: string, input: { name: string; providerVoiceId: string }) {
      const [row] = await db
        .insert(voices)
        .values({
          orgId,
          name: input.name,
          provider: 'openai',
          providerVoiceId: input.providerVoiceId,
          createdByMemberId: memberId,
        })
        .returning();
      return present(row);
    },

    /** Removes the voice here and, for a clone, at ElevenLabs (with its samples). */
    async remove(orgId: string, voiceId: string) {
      const row = await rowOf(orgId, voiceId);
      if (row.provider === 'elevenlabs') {
        const { keys } = await agents.aiOf(orgId);
        await deleteVoice(deps, { voiceId: row.providerVoiceId, keys });
      }
      await db.update(voices).set({ deletedAt: new Date() }).where(eq(voices.id, row.id));
      for (const key of row.sampleKeys) await storage.delete(key).catch(() => {});
    },

    /** Hear a voice before choosing it (the admin waits for exactly this). */
    async preview(orgId: string, voiceId: string, text: string) {
      const row = await rowOf(orgId, voiceId);
      const spoken = await speakBytes(orgId, row, text);
      if (!spoken)
        throw badRequest('SPEECH_NOT_CONFIGURED', 'Configure um modelo de voz em Configurações › IA.');
      return spoken;
    },

    /** The agent's reply as a stored voice note, in its chosen voice (null: no speech engine). */
    async speak(orgId: string, agent: AgentConfig, text: string): Promise<StoredMedia | null> {
      let voice: VoiceRow | null = null;
      if (agent.voiceId) {
        voice = await rowOf(orgId, agent.voiceId).catch(() => {
          logger.warn({ orgId, voiceId: agent.voiceId }, 'agent voice is gone; using the default voice');
          return null;
        });
      }
      const spoken = await speakBytes(orgId, voice, text);
      if (!spoken) return null;
      const storageKey = await storage.put(`media/${orgId}`, spoken.bytes, spoken.mimeType);
      return {
        storageKey,
        mimeType: spoken.mimeType,
        fileName: 'audio.ogg',
        sizeBytes: spoken.bytes.length,
        seconds: spoken.seconds,
        voice: true,
        error: null,
      };
    },
  };
}

export type VoicesService = ReturnType<typeof createVoicesService>;
