import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Mailer } from './mail.ts';

/** Health, public client configuration and (in development without SMTP) the dev mailbox. */
export function registerPlatformRoutes(
  fastify: FastifyInstance,
  deps: { config: Config; database: Database; mailer: Mailer; isShuttingDown: () => boolean },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, database, mailer } = deps;

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    if (deps.isShuttingDown()) return reply.status(503).send({ status: 'shutting_down' });
    try {
      await database.pool.query('select 1');
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database_unavailable' });
    }
  });

  app.get('/api/v1/config', {
    config: { access: 'public' },
    schema: {
      tags: ['Plataforma'],
      summary: 'Configuração pública para a interface',
      response: { 200: z.object({ googleEnabled: z.boolean(), devMailbox: z.boolean() }) },
    },
    handler: async () => ({ googleEnabled: config.googleEnabled, devMailbox: config.devMailbox }),
  });

  if (config.devMailbox) {
    app.get('/api/v1/dev/mails', {
      config: { access: 'public' },
      schema: { tags: ['Plataforma'], summary: 'Caixa de e-mails de desenvolvimento (sem SMTP)' },
      handler: async () => ({
        mails: (await mailer.listDevMailbox()).map((m) => ({
          id: m.id,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
        })),
      }),
    });
  }
}
