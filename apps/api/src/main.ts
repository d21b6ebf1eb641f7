import { count } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { users } from './db/schema/index.ts';
import { AppError } from './platform/errors.ts';
import { loggerOptions } from './platform/logger.ts';
import { startPlatform } from './platform/platform.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = pino(loggerOptions(config.LOG_LEVEL, !config.isProduction && process.stdout.isTTY));
  const platform = await startPlatform(config, logger);
  const app = await buildApp(platform);
  // Signals are handled from here on: a stop during start-up still closes the data directory cleanly.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'encerrando: terminando requisições e jobs em andamento');
    app.markShuttingDown();
    const force = setTimeout(() => {
      logger.error('encerramento demorou demais; saindo à força');
      process.exit(1);
    }, 9_000); // Cloud Run kills the instance 10 s after SIGTERM
    force.unref();
    try {
      await app.close();
      await platform.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'erro ao encerrar');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  if (config.ROLE !== 'web') await platform.startWorkers();
  if (config.ROLE !== 'worker') await app.listen({ port: config.PORT, host: config.HOST });

  const [{ value: userCount }] = await platform.db.select({ value: count() }).from(users);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info(
    `PilotoDeVendas.IA no ar em http://localhost:${port} (${config.embedded ? `PGlite em ${config.DATA_DIR}` : 'PostgreSQL'})`,
  );
  if (userCount === 0) {
    logger.info(
      `Primeiro acesso: abra http://localhost:${port}/cadastro e crie sua conta.` +
        (config.devMailbox
          ? ` Sem SMTP configurado, o link de confirmação aparece em http://localhost:${port}/dev/emails e neste log.`
          : ''),
    );
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof AppError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
