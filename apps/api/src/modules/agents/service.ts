import type { Agent, AgentConfig, AgentConfigInput, AiTaskModels, ModelProvider } from '@piloto/contracts';
import { agentConfigSchema, aiTaskModelsSchema } from '@piloto/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { agents, agentVersions, aiSettings, users } from '../../db/schema/index.ts';
import { maskSecret, type SecretBox } from '../../platform/crypto.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { createTtlCache } from '../../platform/ttlCache.ts';
import { type AiKeys, modelProblem, resolveProvider } from './models.ts';

type AgentRow = typeof agents.$inferSelect;

/** Every AI turn reads the company's agents and keys: kept this long per process (writes here clear them). */
const CACHE_TTL_MS = 5_000;

export function createAgentsService(deps: { db: Db; box: SecretBox; config: Config }) {
  const { db, box, config } = deps;
  const activeAgents = createTtlCache<AgentRow[]>(CACHE_TTL_MS);
  const aiSettingsCache = createTtlCache<{ keys: AiKeys; models: AiTaskModels }>(CACHE_TTL_MS);

  async function keysOf(orgId: string): Promise<AiKeys> {
    return (await aiOf(orgId)).keys;
  }

  /** The company's AI keys (decrypted) and its model per task. */
  function aiOf(orgId: string): Promise<{ keys: AiKeys; models: AiTaskModels }> {
    return aiSettingsCache.get(orgId, async () => {
      const [row] = await db.select().from(aiSettings).where(eq(aiSettings.orgId, orgId));
      return {
        keys: row ? box.open<AiKeys>(row.secrets) : {},
        models: aiTaskModelsSchema.parse(row?.models ?? {}),
      };
    });
  }

  async function present(row: AgentRow, keys?: AiKeys): Promise<Agent> {
    const k = keys ?? (await keysOf(row.orgId));
    return {
      ...row.config,
      id: row.id,
      version: row.version,
      active: row.active,
      notReadyReason: modelProblem(row.config.model, k, config),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function getRow(orgId: string, agentId: string): Promise<AgentRow> {
    const [row] = await db
      .select()
      .from(agents)
      .where(and(eq(agents.orgId, orgId), eq(agents.id, agentId), isNull(agents.deletedAt)));
    if (!row) throw notFound('Agente não encontrado');
    return row;
  }

  function parseConfig(input: unknown): AgentConfig {
    const parsed = agentConfigSchema.safeParse(input);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw badRequest('VALIDATION_ERROR', 'Confira os campos destacados', { fields });
    }
    return parsed.data;
  }

  return {
    keysOf,
    aiOf,
    getRow,

    async list(orgId: string): Promise<Agent[]> {
      const keys = await keysOf(orgId);
      const rows = await db
        .select()
        .from(agents)
        .where(and(eq(agents.orgId, orgId), isNull(agents.deletedAt)))
        .orderBy(agents.createdAt);
      return Promise.all(rows.map((r) => present(r, keys)));
    },

    get: async (orgId: string, agentId: string) => present(await getRow(orgId, agentId)),

    async create(orgId: string, userId: string, input: AgentConfigInput): Promise<Agent> {
      const configValue = parseConfig(input);
      // present() reads outside the transaction: on PGlite another connection would wait for it forever.
      const saved = await db.transaction(async (tx) => {
        const [row] = await tx.insert(agents).values({ orgId, config: configValue }).returning();
        await tx
          .insert(agentVersions)
          .values({ orgId, agentId: row.id, version: 1, config: configValue, createdByUserId: userId });
        return row;
      });
      activeAgents.delete(orgId);
      return present(saved);
    },

    /** Every save is a new version; traces name the version that produced them. */
    async update(
      orgId: string,
      agentId: string,
      userId: string,
      patch: Partial<AgentConfigInput>,
    ): Promise<Agent> {
      const row = await getRow(orgId, agentId);
      const configValue = parseConfig({ ...row.config, ...patch });
      // present() reads outside the transaction: on PGlite another connection would wait for it forever.
      const saved = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(agents)
          .set({ config: configValue, version: row.version + 1, updatedAt: new Date() })
          .where(eq(agents.id, row.id))
          .returning();
        await tx
          .insert(agentVersions)
          .values({ orgId, agentId, version: updated.version, config: configValue, createdByUserId: userId });
        return updated;
      });
      activeAgents.delete(orgId);
      return present(saved);
    },

    async setActive(orgId: string, agentId: string, active: boolean): Promise<Agent> {
      const row = await getRow(orgId, agentId);
      const [updated] = await db
        .update(agents)
        .set({ active, updatedAt: new Date() })
        .where(eq(agents.id, row.id))
        .returning();
      activeAgents.delete(orgId);
      return present(updated);
    },

    async remove(orgId: string, agentId: string): Promise<void> {
      const row = await getRow(orgId, agentId);
      await db.update(agents).set({ deletedAt: new Date(), active: false }).where(eq(agents.id, row.id));
      activeAgents.delete(orgId);
    },

    async versions(orgId: string, agentId: string) {
      await getRow(orgId, agentId);
      const rows = await db
        .select({
          version: agentVersions.version,
          createdAt: agentVersions.createdAt,
          createdByName: users.name,
        })
        .from(agentVersions)
        .leftJoin(users, eq(users.id, agentVersions.createdByUserId))
        .where(and(eq(agentVersions.orgId, orgId), eq(agentVersions.agentId, agentId)))
        .orderBy(desc(agentVersions.version));
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },

    /** The active agent answering on a channel (the most recently updated, if several claim it). */
    async forChannel(orgId: string, channelId: string): Promise<AgentRow | null> {
      const rows = await activeAgents.get(orgId, () =>
        db
          .select()
          .from(agents)
          .where(and(eq(agents.orgId, orgId), eq(agents.active, true), isNull(agents.deletedAt)))
          .orderBy(desc(agents.updatedAt)),
      );
      return rows.find((r) => r.config.channelIds.includes(channelId)) ?? null;
    },

    async aiSettingsView(orgId: string) {
      const { keys, models } = await aiOf(orgId);
      const own: Record<ModelProvider, string | null | undefined> = {
        openai: keys.openaiApiKey,
        anthropic: keys.anthropicApiKey,
        gemini: keys.geminiApiKey,
        openai_compatible: keys.compatibleApiKey ?? keys.compatibleBaseUrl,
      };
      return {
        models,
        elevenlabs: {
          configured: Boolean(keys.elevenlabsApiKey),
          fromEnvironment: Boolean(config.ELEVENLABS_API_KEY),
          preview: keys.elevenlabsApiKey ? maskSecret(keys.elevenlabsApiKey) : null,
        },
        providers: (['openai', 'anthropic', 'gemini', 'openai_compatible'] as const).map((provider) => {
          const resolved = resolveProvider(provider, keys, config);
          return {
            provider,
            configured: resolved.configured,
            fromEnvironment: resolved.fromEnvironment,
            preview: own[provider] ? maskSecret(String(own[provider])) : null,
            baseUrl: provider === 'openai_compatible' ? (keys.compatibleBaseUrl ?? null) : null,
          };
        }),
      };
    },

    /** null clears a key; an absent field keeps it. */
    async saveAiSettings(orgId: string, body: AiKeys & { models?: Partial<AiTaskModels> }) {
      const { models: modelsPatch, ...patch } = body;
      const current = await aiOf(orgId);
      const next: AiKeys = { ...current.keys };
      for (const [k, v] of Object.entries(patch) as Array<[keyof AiKeys, string | null | undefined]>) {
        if (v === undefined) continue;
        next[k] = v === null || v === '' ? null : v;
      }
      const models = aiTaskModelsSchema.parse({ ...current.models, ...modelsPatch });
      await db
        .insert(aiSettings)
        .values({ orgId, secrets: box.seal(next), models })
        .onConflictDoUpdate({
          target: aiSettings.orgId,
          set: { secrets: box.seal(next), models, updatedAt: new Date() },
        });
      aiSettingsCache.delete(orgId);
      return this.aiSettingsView(orgId);
    },
  };
}

export type AgentsService = ReturnType<typeof createAgentsService>;
