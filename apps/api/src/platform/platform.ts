import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createAgentInsights } from '../modules/agents/insights.ts';
import { createChatModelFactory } from '../modules/agents/models.ts';
import { AGENT_RECOVER_QUEUE } from '../modules/agents/recovery.ts';
import { AGENT_RESUME_QUEUE, AGENT_RUN_QUEUE, createAgentRuns } from '../modules/agents/runs.ts';
import { createAgentsService } from '../modules/agents/service.ts';
import { followupsUnavailable } from '../modules/agents/tools/scheduleFollowup.ts';
import { createOutbox, SEND_QUEUE } from '../modules/channels/outbox.ts';
import { createChannelsService } from '../modules/channels/service.ts';
import { MEDIA_QUEUE, processWebhookEvents, WEBHOOK_QUEUE } from '../modules/channels/webhooks.ts';
import { createWebhookWriter } from '../modules/channels/webhookWriter.ts';
import { createIngest } from '../modules/conversations/ingest.ts';
import { createMediaService } from '../modules/conversations/media.ts';
import { createSellerTools } from '../modules/conversations/sellerTools.ts';
import { createConversationsService } from '../modules/conversations/service.ts';
import { createEmbedderFactory } from '../modules/knowledge/embeddings.ts';
import { createDocumentIngestion } from '../modules/knowledge/ingestDocument.ts';
import { createKnowledgeService, KNOWLEDGE_INGEST_QUEUE } from '../modules/knowledge/service.ts';
import { createImageOcr } from '../modules/media/imageOcr.ts';
import { createMessageUnderstanding, MEDIA_UNDERSTAND_QUEUE } from '../modules/media/understandMessage.ts';
import { createVoicesService } from '../modules/media/voices/voices.ts';
import { createInvitationsService } from '../modules/orgs/invitations.ts';
import { createOrgsService } from '../modules/orgs/service.ts';
import { createAuth } from './auth.ts';
import { createCloudStorage } from './cloudStorage.ts';
import { createSecretBox } from './crypto.ts';
import { createHttpClient } from './httpClient.ts';
import { type Jobs, startJobs } from './jobs.ts';
import { createMailer, MAIL_QUEUE } from './mail.ts';
import { createInProcessEventBus, createPostgresEventBus, type EventBus } from './realtime.ts';
import { resolveAuthSecret } from './secret.ts';
import { createLocalStorage, storageRoot } from './storage.ts';
import { defaultFfmpegPath } from './voiceNote.ts';

const HEALTH_QUEUE = 'channel.health';
const WEBHOOK_RETRY_LIMIT = 5;
const MEDIA_RETRY_LIMIT = 4;
const KNOWLEDGE_RETRY_LIMIT = 3;

/** Everything a server or worker process holds: database, jobs, event bus and the module services. */
export async function startPlatform(config: Config, logger: Logger) {
  const database: Database = await openDatabase(config);
  try {
    await runMigrations(database.pool);
    const jobs: Jobs = await startJobs(database.url, logger, { listenNotify: !database.embedded });
    const bus: EventBus = database.embedded
      ? createInProcessEventBus()
      : await createPostgresEventBus(database.url, database.pool, logger);
    const mailer = createMailer({ config, db: database.db, jobs, logger });
    await jobs.defineQueue({ name: MAIL_QUEUE, retryLimit: 5, retryDelay: 30 });
    const secret = resolveAuthSecret(config);
    const auth = createAuth({ config, db: database.db, mailer, secret });
    const db = database.db;
    const http = createHttpClient(logger);
    const storage = config.MEDIA_BUCKET
      ? createCloudStorage({
          bucket: config.MEDIA_BUCKET,
          baseUrl: config.GCS_BASE_URL,
          metadataUrl: config.GCE_METADATA_URL,
          http,
        })
      : createLocalStorage(storageRoot(config));
    const box = createSecretBox(secret);
    const channels = createChannelsService({ db, box, config, http, bus, logger });
    const outbox = createOutbox({
      db,
      jobs,
      bus,
      storage,
      channels,
      logger,
      ffmpegPath: config.FFMPEG_PATH ?? defaultFfmpegPath(),
    });
    const agents = createAgentsService({ db, box, config });
    const embedders = createEmbedderFactory(config);
    const knowledge = createKnowledgeService({ db, jobs, bus, storage, agents, embedders, logger });
    const checkpointer = new PostgresSaver(database.pool);
    await checkpointer.setup();
    const modelFactory = createChatModelFactory(config);
    const ffmpegPath = config.FFMPEG_PATH ?? defaultFfmpegPath();
    const voices = createVoicesService({ db, storage, agents, http, config, ffmpegPath, logger });
    const orgs = createOrgsService(db);
    const agentRuns = createAgentRuns({
      db,
      jobs,
      bus,
      outbox,
      agents,
      orgRow: (orgId) => orgs.orgRow(orgId),
      modelFactory,
      checkpointer,
      knowledge: async (orgId, query, collectionIds) =>
        (await knowledge.search(orgId, query, { collectionIds, limit: 5 })).results.map((r) => ({
          source:
            r.heading && r.heading !== r.documentTitle
              ? `${r.documentTitle} › ${r.heading}`
              : r.documentTitle,
          text: r.text,
        })),
      teach: (orgId, memberId, input) => knowledge.learn(orgId, memberId, input),
      speak: (orgId, agent, text) => voices.speak(orgId, agent, text),
      followups: followupsUnavailable,
      logger,
      config,
    });
    const ingest = createIngest({
      db,
      bus,
      afterInbound: (orgId, id, channelId) => agentRuns.onInbound(orgId, id, channelId),
    });
    const conversations = createConversationsService({ db, bus, outbox });
    const media = createMediaService({
      db,
      storage,
      channels,
      bus,
      afterFetch: async (messageId) => {
        await jobs.send(MEDIA_UNDERSTAND_QUEUE, { messageId });
      },
    });
    const ocr = createImageOcr();
    const understandMessage = createMessageUnderstanding({
      media,
      agents,
      modelFactory,
      ocr,
      http,
      config,
      ffmpegPath,
      logger,
      retryLimit: MEDIA_RETRY_LIMIT,
      afterUnderstood: (orgId, conversationId) => agentRuns.onInbound(orgId, conversationId),
    });
    const services = {
      orgs,
      invitations: createInvitationsService({ db, mailer, config }),
      channels,
      ingest,
      outbox,
      conversations,
      media,
      sellerTools: createSellerTools({ db, bus }),
      agents,
      agentRuns,
      knowledge,
      voices,
      agentInsights: createAgentInsights({ db }),
      webhookWriter: createWebhookWriter({ pool: database.pool, jobs, queue: WEBHOOK_QUEUE }),
      storage,
      http,
    };
    await jobs.defineQueue({
      name: WEBHOOK_QUEUE,
      retryLimit: WEBHOOK_RETRY_LIMIT,
      retryDelay: 2,
      notify: true,
    });
    await jobs.defineQueue({ name: SEND_QUEUE, retryLimit: 5, retryDelay: 5, notify: true });
    await jobs.defineQueue({ name: MEDIA_QUEUE, retryLimit: MEDIA_RETRY_LIMIT, retryDelay: 10 });
    await jobs.defineQueue({
      name: MEDIA_UNDERSTAND_QUEUE,
      retryLimit: MEDIA_RETRY_LIMIT,
      retryDelay: 5,
      notify: true,
    });
    await jobs.defineQueue({ name: HEALTH_QUEUE, retryLimit: 0 });
    await jobs.defineQueue({ name: AGENT_RUN_QUEUE, retryLimit: 2, retryDelay: 3, notify: true });
    await jobs.defineQueue({ name: AGENT_RESUME_QUEUE, retryLimit: 2, retryDelay: 3, notify: true });
    await jobs.defineQueue({ name: AGENT_RECOVER_QUEUE, retryLimit: 0 });
    await jobs.defineQueue({
      name: KNOWLEDGE_INGEST_QUEUE,
      retryLimit: KNOWLEDGE_RETRY_LIMIT,
      retryDelay: 10,
      notify: true,
    });
    const ingestDocument = createDocumentIngestion({
      db,
      bus,
      storage,
      http,
      agents,
      embedders,
      logger,
      retryLimit: KNOWLEDGE_RETRY_LIMIT,
      allowPrivateUrls: config.allowPrivateUrls,
    });
    const webhookDeps = {
      db,
      jobs,
      channels,
      ingest,
      webhookWriter: services.webhookWriter,
      onConnected: (id: string) => outbox.resumeChannel(id),
    };

    return {
      config,
      logger,
      database,
      db: database.db,
      jobs,
      bus,
      mailer,
      auth,
      ...services,
      /** Queue handlers; only processes with ROLE all or worker call this. */
      async startWorkers() {
        await jobs.work<{ mailId: string }>(MAIL_QUEUE, (data) => mailer.deliver(data.mailId));
        await jobs.work<{ eventIds?: string[]; eventId?: string }>(
          WEBHOOK_QUEUE,
          // `eventId`: a job queued by an earlier version, one webhook per job.
          (data, job) =>
            processWebhookEvents(webhookDeps, data.eventIds ?? [data.eventId!], job, WEBHOOK_RETRY_LIMIT),
          { batchSize: 5, pollingIntervalSeconds: 0.5 },
        );
        await jobs.work<{ messageId: string }>(SEND_QUEUE, (data) => outbox.send(data.messageId), {
          batchSize: 1,
          pollingIntervalSeconds: 0.5,
        });
        await jobs.work<{ messageId: string }>(MEDIA_QUEUE, (data, job) =>
          media.fetch(data.messageId, job, MEDIA_RETRY_LIMIT),
        );
        await jobs.work<{ messageId: string }>(MEDIA_UNDERSTAND_QUEUE, understandMessage, {
          pollingIntervalSeconds: 0.5,
        });
        // Connection health: unofficial numbers drop; the inbox shows it and queued messages wait.
        await jobs.work(HEALTH_QUEUE, async () => {
          for (const row of await channels.listForHealthCheck()) {
            const loaded = channels.load(row);
            const result = await loaded.provider.checkConnection(loaded.ctx).catch((error: Error) => ({
              state: 'disconnected' as const,
              detail: error.message,
            }));
            const { changed } = await channels.setStatus(row, result.state, result.detail ?? null);
            if (changed && result.state === 'connected') await outbox.resumeChannel(row.id);
          }
        });
        await jobs.schedule(HEALTH_QUEUE, '*/5 * * * *');
        await jobs.work<{ conversationId: string }>(
          AGENT_RUN_QUEUE,
          (data) => agentRuns.run(data.conversationId),
          {
            batchSize: 1,
            pollingIntervalSeconds: 0.5,
          },
        );
        await jobs.work<{ questionId: string }>(AGENT_RESUME_QUEUE, (data) =>
          agentRuns.resume(data.questionId),
        );
        agentRuns.allowInlineRuns();
        // Runs a crash cut short: found now, then every minute, rather than at their job's expiry.
        await jobs.work(AGENT_RECOVER_QUEUE, async () => {
          await agentRuns.recoverStaleRuns();
        });
        await jobs.schedule(AGENT_RECOVER_QUEUE, '* * * * *');
        await agentRuns.recoverStaleRuns();
        await jobs.work<{ documentId: string; revision: number }>(KNOWLEDGE_INGEST_QUEUE, ingestDocument, {
          pollingIntervalSeconds: 0.5,
        });
      },
      async stop() {
        await Promise.all([
          agentRuns.drain(),
          jobs.stop().catch((error) => logger.error({ err: error }, 'stopping jobs')),
        ]);
        await ocr.close();
        await bus.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;
