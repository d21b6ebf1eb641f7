import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAgentRoutes } from './modules/agents/routes.ts';
import { registerChannelRoutes } from './modules/channels/routes.ts';
import { registerWebhookRoutes } from './modules/channels/webhooks.ts';
import { registerConversationRoutes } from './modules/conversations/routes.ts';
import { registerKnowledgeRoutes } from './modules/knowledge/routes.ts';
import { registerMediaRoutes } from './modules/media/routes.ts';
import { registerOrgsRoutes } from './modules/orgs/routes.ts';
import { registerAuthRoutes } from './platform/auth.ts';
import { registerHttpConventions } from './platform/http.ts';
import type { Platform } from './platform/platform.ts';
import { registerPlatformRoutes } from './platform/publicRoutes.ts';
import { registerTenancy } from './platform/tenancy.ts';

z.config(z.locales.ptBR());

/** Builds the HTTP server over a started platform; tests call it too (app.inject). */
export async function buildApp(
  platform: Platform,
): Promise<FastifyInstance & { markShuttingDown: () => void }> {
  const { config } = platform;
  let shuttingDown = false;
  const options: FastifyServerOptions & { loggerInstance: FastifyBaseLogger } = {
    loggerInstance: platform.logger as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Trust exactly TRUST_PROXY hops from our side (the socket peer first); the client is the next address.
    // Fastify's own numeric option fails closed, so say it as a function. 0 trusts nobody.
    trustProxy: (_address: string, hop: number) => hop < config.TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  };
  const app: FastifyInstance = Fastify(options);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'PilotoDeVendas.IA API',
        version: '1.0.0',
        description: 'API REST do PilotoDeVendas.IA',
      },
      servers: [{ url: config.appUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerHttpConventions(app, { appUrl: config.appUrl, spaIndex: spaIndexPath(config.WEB_DIST) });
  registerTenancy(app, { auth: platform.auth, db: platform.db });
  registerAuthRoutes(app, platform.auth, config);
  registerPlatformRoutes(app, { ...platform, isShuttingDown: () => shuttingDown });
  registerOrgsRoutes(app, platform);
  registerChannelRoutes(app, platform);
  registerConversationRoutes(app, platform);
  registerAgentRoutes(app, platform);
  registerKnowledgeRoutes(app, platform);
  registerMediaRoutes(app, platform);
  registerWebhookRoutes(app, {
    ...platform,
    onConnected: (channelId) => platform.outbox.resumeChannel(channelId),
  });

  if (spaIndexPath(config.WEB_DIST)) {
    // wildcard: files are looked up per request, so a rebuilt SPA is served without a restart.
    await app.register(fastifyStatic, { root: config.WEB_DIST, wildcard: true, index: false });
  }

  return Object.assign(app, {
    markShuttingDown: () => {
      shuttingDown = true;
    },
  });
}

function spaIndexPath(webDist: string): string | undefined {
  const index = path.join(webDist, 'index.html');
  return fs.existsSync(index) ? index : undefined;
}
