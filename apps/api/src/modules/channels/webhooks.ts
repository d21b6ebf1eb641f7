import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Job } from 'pg-boss';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { channels, webhookEvents } from '../../db/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs.ts';
import type { Ingest } from '../conversations/ingest.ts';
import {
  type NormalizedEvent,
  type ProviderKind,
  WebhookPayloadError,
  type WebhookRequest,
} from './provider.ts';
import type { ChannelsService, LoadedChannel } from './service.ts';
import type { WebhookWriter } from './webhookWriter.ts';

export const WEBHOOK_QUEUE = 'channel.webhook';
export const MEDIA_QUEUE = 'media.fetch';
const WEBHOOK_BODY_LIMIT = 25 * 1024 * 1024; // Evolution can inline media as base64
const REJECTED_BODY_KEEP = 64 * 1024;
/** Channel rows (with decrypted credentials) are read on every webhook: keep them a few seconds. */
const CHANNEL_CACHE_MS = 10_000;

const params = z.object({ provider: z.enum(['zapi', 'evolution', 'cloud']), channelId: z.string() });

type Deps = {
  db: Db;
  jobs: Jobs;
  channels: ChannelsService;
  ingest: Ingest;
  webhookWriter: WebhookWriter;
  onConnected: (channelId: string) => Promise<void>;
};

/**
 * POST /webhooks/{provider}/{channelId}: authenticate, parse, store the raw event with its job, answer
 * 200. Nothing slow happens before the answer; a bad delivery is stored with its reason and answered 4xx.
 */
export function registerWebhookRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, channels: channelsService } = deps;
  const cache = new Map<string, { loaded: LoadedChannel; until: number }>();

  app.register(async (scope) => {
    // Signatures are computed over the exact bytes: keep the raw body.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    scope.get(
      '/webhooks/cloud/:channelId',
      { config: { access: 'public' }, schema: { hide: true } },
      async (request, reply) => {
        const { channelId } = request.params as { channelId: string };
        const { provider, ctx } = await findChannel(channelId, 'cloud');
        const answer = provider.verifySubscription!(request.query as Record<string, string>, ctx.credentials);
        return reply.status(answer.status).type('text/plain').send(answer.body);
      },
    );

    scope.post(
      '/webhooks/:provider/:channelId',
      { config: { access: 'public' }, bodyLimit: WEBHOOK_BODY_LIMIT, schema: { hide: true } },
      receive,
    );
  });

  async function findChannel(channelId: string, provider: ProviderKind): Promise<LoadedChannel> {
    const hit = cache.get(channelId);
    if (hit && hit.until > Date.now() && hit.loaded.row.provider === provider) return hit.loaded;
    if (!z.uuid().safeParse(channelId).success)
      throw new AppError(404, 'CHANNEL_NOT_FOUND', 'Canal não encontrado');
    const [row] = await db
      .select()
      .from(channels)
      .where(and(eq(channels.id, channelId), eq(channels.provider, provider), isNull(channels.deletedAt)));
    if (!row) throw new AppError(404, 'CHANNEL_NOT_FOUND', 'Canal não encontrado');
    const loaded = channelsService.load(row);
    cache.set(channelId, { loaded, until: Date.now() + CHANNEL_CACHE_MS });
    return loaded;
  }

  async function reject(
    row: { id: string; orgId: string } | null,
    provider: string,
    rawBody: Buffer,
    error: AppError,
  ) {
    await db.insert(webhookEvents).values({
      orgId: row?.orgId ?? null,
      channelId: row?.id ?? null,
      provider,
      status: 'rejected',
      reason: `${error.code}: ${error.message}`,
      body: rawBody.subarray(0, REJECTED_BODY_KEEP).toString('utf8'),
    });
    return error;
  }

  async function receive(request: FastifyRequest, reply: FastifyReply) {
    const parsedParams = params.safeParse(request.params);
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    if (!parsedParams.success) throw new AppError(404, 'ROUTE_NOT_FOUND', 'Provedor desconhecido');
    const { provider: kind, channelId } = parsedParams.data;
    let loaded: LoadedChannel;
    try {
      loaded = await findChannel(channelId, kind);
    } catch (error) {
      throw await reject(null, kind, rawBody, error as AppError);
    }
    const { provider, ctx, row } = loaded;
    const webhookRequest: WebhookRequest = {
      headers: request.headers,
      query: request.query as Record<string, string | undefined>,
      rawBody,
    };
    try {
      provider.authenticateWebhook(webhookRequest, ctx);
    } catch (error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError(401, 'WEBHOOK_UNAUTHENTICATED', 'Webhook não autenticado');
      throw await reject(row, kind, rawBody, appError);
    }
    let events: NormalizedEvent[];
    try {
      events = provider.parseWebhook(JSON.parse(rawBody.toString('utf8')));
    } catch (error) {
      const reason =
        error instanceof WebhookPayloadError ? error.message : `JSON inválido: ${(error as Error).message}`;
      throw await reject(row, kind, rawBody, new AppError(400, 'WEBHOOK_MALFORMED', reason));
    }
    const worth = events.some((e) => e.type !== 'ignored');
    await deps.webhookWriter.write({
      orgId: row.orgId,
      channelId: row.id,
      provider: kind,
      status: worth ? 'accepted' : 'processed',
      reason: worth ? null : events.map((e) => (e.type === 'ignored' ? e.reason : '')).join('; ') || null,
      body: rawBody.toString('utf8'),
    });
    return reply.status(200).send({ received: true });
  }
}

/**
 * The job of a batch of stored webhooks: each applied in arrival order. One that fails does not stop
 * the rest; the job then fails and is retried, and the events already applied are skipped.
 */
export async function processWebhookEvents(
  deps: Deps,
  eventIds: string[],
  job: Pick<Job, 'retryCount'>,
  retryLimit: number,
) {
  const failures: unknown[] = [];
  for (const eventId of eventIds) {
    await processWebhookEvent(deps, eventId, job, retryLimit).catch((error) => failures.push(error));
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length) throw new AggregateError(failures, `${failures.length} webhooks could not be applied`);
}

async function processWebhookEvent(
  deps: Deps,
  eventId: string,
  job: Pick<Job, 'retryCount'>,
  retryLimit: number,
) {
  const { db, jobs, ingest } = deps;
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!event || event.status === 'processed' || !event.channelId || !event.orgId) return;
  const [channelRow] = await db.select().from(channels).where(eq(channels.id, event.channelId));
  // Parsing is pure and cheap: the worker parses the stored body again instead of storing it twice.
  const events = deps.channels.load(channelRow).provider.parseWebhook(JSON.parse(event.body));
  const result = await ingest.apply(
    { id: event.channelId, orgId: event.orgId },
    events.filter((e) => e.type !== 'ignored'),
  );
  for (const messageId of result.mediaToFetch) await jobs.send(MEDIA_QUEUE, { messageId });
  if (result.connection) {
    const { changed } = await deps.channels.setStatus(
      channelRow,
      result.connection.state,
      result.connection.detail ?? null,
    );
    if (changed && result.connection.state === 'connected') await deps.onConnected(channelRow.id);
  }
  if (result.unknownStatusIds.length && job.retryCount < retryLimit) {
    // Most likely our own send has not stored the provider id yet: try again shortly.
    throw new Error(`status for unknown messages: ${result.unknownStatusIds.join(', ')}`);
  }
  await db
    .update(webhookEvents)
    .set({
      status: 'processed',
      processedAt: new Date(),
      reason: result.unknownStatusIds.length
        ? `status de mensagens desconhecidas: ${result.unknownStatusIds.join(', ')}`
        : null,
    })
    .where(eq(webhookEvents.id, eventId));
}
