import { type Job, PgBoss, type QueueOptions, type SendOptions } from 'pg-boss';
import type { Logger } from 'pino';

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<void>;

export type QueueDefinition = { name: string } & Pick<
  QueueOptions,
  'retryLimit' | 'retryDelay' | 'retryBackoff' | 'retryDelayMax' | 'expireInSeconds'
> & {
    /** Wake workers at once through LISTEN/NOTIFY (real PostgreSQL only) instead of at the next poll. */
    notify?: boolean;
  };

/** The one job runner (pg-boss on the app's own database: SKIP LOCKED, retries, cron). */
export type Jobs = {
  defineQueue(queue: QueueDefinition): Promise<void>;
  send<T extends object>(queue: string, data: T, options?: SendOptions): Promise<string | null>;
  work<T extends object>(
    queue: string,
    handler: JobHandler<T>,
    options?: { batchSize?: number; pollingIntervalSeconds?: number },
  ): Promise<void>;
  schedule(queue: string, cron: string, data?: object, timeZone?: string): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
};

export async function startJobs(
  connectionString: string,
  logger: Logger,
  opts: { listenNotify: boolean },
): Promise<Jobs> {
  // Embedded PGlite does not deliver NOTIFY across connections: there, workers poll.
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 4,
    application_name: 'piloto-jobs',
    useListenNotify: opts.listenNotify,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job runner error'));
  await boss.start();
  const defined = new Set<string>();

  return {
    boss,
    async defineQueue({ name, notify, ...options }) {
      if (defined.has(name)) return;
      await boss.createQueue(name, {
        retryLimit: 3,
        retryDelay: 5,
        retryBackoff: true,
        ...options,
        ...(notify && opts.listenNotify ? { notify: true } : {}),
      });
      defined.add(name);
    },
    send: (queue, data, options) => boss.send(queue, data, options ?? {}),
    async work(queue, handler, options) {
      await boss.work<Parameters<typeof handler>[0]>(
        queue,
        {
          batchSize: options?.batchSize ?? 1,
          pollingIntervalSeconds: options?.pollingIntervalSeconds ?? 1,
          // NOTIFY wakes workers only when a job is created; delayed jobs (debounce, retries) become due
          // silently, so the backstop poll must stay as frequent as without NOTIFY (pg-boss defaults it to 30 s).
          notifyPollingIntervalSeconds: options?.pollingIntervalSeconds ?? 1,
        },
        // Each fetched job settles on its own: a failing one is failed (and retried) alone, and the
        // others still run and complete (throwing would fail the whole fetched batch, unrun).
        async (jobs) => {
          for (const job of jobs) {
            try {
              await handler(job.data, job);
            } catch (error) {
              logger.warn({ err: error, queue, jobId: job.id, retry: job.retryCount }, 'job failed');
              if (jobs.length === 1) throw error;
              await boss.fail(queue, job.id, { message: String((error as Error)?.message ?? error) });
            }
          }
        },
      );
    },
    schedule: (queue, cron, data, timeZone) =>
      boss.schedule(queue, cron, data ?? {}, { tz: timeZone ?? 'UTC' }),
    stop: () => boss.stop({ graceful: true, timeout: 7_000 }),
  };
}
