import { randomBytes } from 'node:crypto';
import type { Channel, ChannelStatus, CreateChannelBody, UpdateChannelBody } from '@piloto/contracts';
import { and, count, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { channels, messages, webhookEvents } from '../../db/schema/index.ts';
import { maskSecret, type SecretBox } from '../../platform/crypto.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { HttpClient } from '../../platform/httpClient.ts';
import type { EventBus } from '../../platform/realtime.ts';
import type { ConnectionState, ProviderContext, ProviderKind, WhatsAppProvider } from './provider.ts';
import { providerFor } from './registry.ts';

type ChannelRow = typeof channels.$inferSelect;
type Sealed = { credentials: Record<string, unknown>; webhookSecret: string };

/** Credential fields shown in clear in the settings form; everything else is masked. */
const PUBLIC_FIELDS = new Set([
  'baseUrl',
  'apiVersion',
  'instanceId',
  'instanceName',
  'phoneNumberId',
  'wabaId',
]);

export type LoadedChannel = {
  row: ChannelRow;
  provider: WhatsAppProvider<unknown>;
  ctx: ProviderContext<unknown>;
};

export function createChannelsService(deps: {
  db: Db;
  box: SecretBox;
  config: Config;
  http: HttpClient;
  bus: EventBus;
  logger: Logger;
}) {
  const { db, box, config, http, bus } = deps;

  function webhookUrl(row: ChannelRow, secret: string): string | null {
    if (row.provider === 'sandbox') return null;
    const base = `${config.appUrl}/webhooks/${row.provider}/${row.id}`;
    return row.provider === 'cloud' ? base : `${base}?token=${secret}`;
  }

  function parseCredentials(kind: ProviderKind, input: unknown): Record<string, unknown> {
    const parsed = providerFor(kind).credentialsSchema.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({
        path: ['credentials', ...i.path].join('.'),
        message: i.message,
      }));
      throw badRequest('VALIDATION_ERROR', 'Confira os dados de conexão', { fields });
    }
    return parsed.data as Record<string, unknown>;
  }

  async function present(row: ChannelRow): Promise<Channel> {
    const sealed = box.open<Sealed>(row.secrets);
    const dayStart = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const [[sent], [rejected]] = await Promise.all([
      db
        .select({ n: count() })
        .from(messages)
        .where(
          and(
            eq(messages.channelId, row.id),
            eq(messages.direction, 'outbound'),
            gte(messages.acceptedAt, startOfUtcDay()),
          ),
        ),
      db
        .select({ n: count() })
        .from(webhookEvents)
        .where(
          and(
            eq(webhookEvents.channelId, row.id),
            eq(webhookEvents.status, 'rejected'),
            gte(webhookEvents.receivedAt, dayStart),
          ),
        ),
    ]);
    return {
      id: row.id,
      name: row.name,
      provider: row.provider,
      phoneNumber: row.phoneNumber,
      status: row.status,
      statusDetail: row.statusDetail,
      statusCheckedAt: row.statusCheckedAt?.toISOString() ?? null,
      webhookUrl: webhookUrl(row, sealed.webhookSecret),
      credentialsPreview: Object.fromEntries(
        Object.entries(sealed.credentials).map(([k, v]) => [
          k,
          PUBLIC_FIELDS.has(k) ? String(v) : maskSecret(String(v)),
        ]),
      ),
      dailySendLimit: row.dailySendLimit,
      sentToday: sent.n,
      rejectedWebhooks24h: rejected.n,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function getRow(orgId: string, channelId: string): Promise<ChannelRow> {
    const [row] = await db
      .select()
      .from(channels)
      .where(and(eq(channels.orgId, orgId), eq(channels.id, channelId), isNull(channels.deletedAt)));
    if (!row) throw notFound('Canal não encontrado');
    return row;
  }

  function load(row: ChannelRow): LoadedChannel {
    const sealed = box.open<Sealed>(row.secrets);
    return {
      row,
      provider: providerFor(row.provider),
      ctx: { credentials: sealed.credentials, webhookSecret: sealed.webhookSecret, http },
    };
  }

  async function setStatus(
    row: Pick<ChannelRow, 'id' | 'orgId'>,
    state: ChannelStatus,
    detail: string | null,
  ) {
    const [before] = await db
      .select({ status: channels.status })
      .from(channels)
      .where(eq(channels.id, row.id));
    await db
      .update(channels)
      .set({ status: state, statusDetail: detail, statusCheckedAt: new Date(), updatedAt: new Date() })
      .where(eq(channels.id, row.id));
    await bus.publish(`org:${row.orgId}`, { type: 'channel.updated', channelId: row.id });
    return { changed: before?.status !== state, previous: before?.status };
  }

  return {
    webhookUrl,
    getRow,
    load,
    setStatus,

    async list(orgId: string): Promise<Channel[]> {
      const rows = await db
        .select()
        .from(channels)
        .where(and(eq(channels.orgId, orgId), isNull(channels.deletedAt)))
        .orderBy(channels.createdAt);
      return Promise.all(rows.map(present));
    },

    async get(orgId: string, channelId: string): Promise<Channel> {
      return present(await getRow(orgId, channelId));
    },

    async create(orgId: string, body: CreateChannelBody): Promise<Channel> {
      const credentials =
        body.provider === 'sandbox' ? {} : parseCredentials(body.provider, body.credentials);
      const webhookSecret = randomBytes(24).toString('base64url');
      const [row] = await db
        .insert(channels)
        .values({
          orgId,
          name: body.name,
          provider: body.provider,
          phoneNumber: 'phoneNumber' in body ? (body.phoneNumber ?? null) : null,
          secrets: box.seal({ credentials, webhookSecret } satisfies Sealed),
          externalId: body.provider === 'cloud' ? String(credentials.phoneNumberId) : null,
          status: body.provider === 'sandbox' ? 'connected' : 'unknown',
          dailySendLimit: 'dailySendLimit' in body ? (body.dailySendLimit ?? null) : null,
        })
        .returning();
      return present(row);
    },

    async update(orgId: string, channelId: string, patch: UpdateChannelBody): Promise<Channel> {
      const row = await getRow(orgId, channelId);
      const sealed = box.open<Sealed>(row.secrets);
      let secrets = row.secrets;
      if (patch.credentials && row.provider !== 'sandbox') {
        // Blank or masked fields keep the stored value.
        const merged = { ...sealed.credentials };
        for (const [k, v] of Object.entries(patch.credentials)) if (v && !v.startsWith('••••')) merged[k] = v;
        secrets = box.seal({
          credentials: parseCredentials(row.provider, merged),
          webhookSecret: sealed.webhookSecret,
        });
      }
      const [updated] = await db
        .update(channels)
        .set({
          name: patch.name ?? row.name,
          phoneNumber: patch.phoneNumber === undefined ? row.phoneNumber : patch.phoneNumber,
          dailySendLimit: patch.dailySendLimit === undefined ? row.dailySendLimit : patch.dailySendLimit,
          secrets,
          updatedAt: new Date(),
        })
        .where(eq(channels.id, row.id))
        .returning();
      return present(updated);
    },

    async remove(orgId: string, channelId: string): Promise<void> {
      const row = await getRow(orgId, channelId);
      await db.update(channels).set({ deletedAt: new Date() }).where(eq(channels.id, row.id));
    },

    /** "Testar conexão": asks the provider now and records the answer. */
    async check(
      orgId: string,
      channelId: string,
    ): Promise<{ status: ConnectionState; detail: string | null }> {
      const loaded = load(await getRow(orgId, channelId));
      try {
        const result = await loaded.provider.checkConnection(loaded.ctx);
        await setStatus(loaded.row, result.state, result.detail ?? null);
        return { status: result.state, detail: result.detail ?? null };
      } catch (error) {
        const detail = (error as Error).message;
        await setStatus(loaded.row, 'disconnected', detail);
        return { status: 'disconnected', detail };
      }
    },

    async listWebhookEvents(orgId: string, channelId: string, status?: string) {
      await getRow(orgId, channelId);
      const rows = await db
        .select()
        .from(webhookEvents)
        .where(
          and(
            eq(webhookEvents.orgId, orgId),
            eq(webhookEvents.channelId, channelId),
            status ? eq(webhookEvents.status, status as 'rejected') : sql`true`,
          ),
        )
        .orderBy(desc(webhookEvents.receivedAt))
        .limit(50);
      return rows.map((r) => ({
        id: r.id,
        status: r.status,
        reason: r.reason,
        receivedAt: r.receivedAt.toISOString(),
        bodyExcerpt: r.body.slice(0, 500),
      }));
    },

    /** Channels the periodic health check asks about. */
    async listForHealthCheck(): Promise<ChannelRow[]> {
      return db
        .select()
        .from(channels)
        .where(and(isNull(channels.deletedAt), sql`${channels.provider} <> 'sandbox'`));
    },
  };
}

export type ChannelsService = ReturnType<typeof createChannelsService>;

function startOfUtcDay(): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
