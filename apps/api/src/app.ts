import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
  const app: FastifyInstance = Fastify({
    loggerInstance: platform.logger as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
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
