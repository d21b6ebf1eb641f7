import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import { createInvitationsService } from '../modules/orgs/invitations.ts';
import { createOrgsService } from '../modules/orgs/service.ts';
import { createAuth } from './auth.ts';
import { type Jobs, startJobs } from './jobs.ts';
import { createMailer, MAIL_QUEUE } from './mail.ts';
import { createInProcessEventBus, createPostgresEventBus, type EventBus } from './realtime.ts';
import { resolveAuthSecret } from './secret.ts';

/** Everything a server or worker process holds: database, jobs, event bus and the module services. */
export async function startPlatform(config: Config, logger: Logger) {
  const database: Database = await openDatabase(config);
  try {
    await runMigrations(database.pool);
    const jobs: Jobs = await startJobs(database.url, logger);
    const bus: EventBus = database.embedded
      ? createInProcessEventBus()
      : await createPostgresEventBus(database.url, database.pool, logger);
    const mailer = createMailer({ config, db: database.db, jobs, logger });
    await jobs.defineQueue({ name: MAIL_QUEUE, retryLimit: 5, retryDelay: 30 });
    const auth = createAuth({ config, db: database.db, mailer, secret: resolveAuthSecret(config) });
    const services = {
      orgs: createOrgsService(database.db),
      invitations: createInvitationsService({ db: database.db, mailer, config }),
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
      },
      async stop() {
        await jobs.stop().catch((error) => logger.error({ err: error }, 'stopping jobs'));
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
