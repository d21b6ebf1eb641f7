import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const booleanFromEnv = z.enum(['true', 'false', 'yes', 'no']).transform((v) => v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** all = web + workers in one process; web or worker to split them on Cloud Run. */
  ROLE: z.enum(['all', 'web', 'worker']).default('all'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Public URL of the app (links in e-mails, OAuth callbacks, allowed Origin). */
  APP_URL: z.url().optional(),
  /** Unset: embedded PGlite in DATA_DIR. Set: that PostgreSQL. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).default(10),
  /** Signs sessions and tokens. Required in production; in embedded mode one is kept in DATA_DIR. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET precisa de pelo menos 32 caracteres').optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('PilotoDeVendas.IA <nao-responda@pilotodevendas.ia>'),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  /** OpenID issuer for Google sign-in; configurable so tests reach a local fake. */
  GOOGLE_ISSUER: z.url().default('https://accounts.google.com'),
  /**
   * How many proxies in front of us append to X-Forwarded-For (Cloud Run: 1). "true" means 1, never "all":
   * the client writes the leftmost entry itself, and trusting it would let anyone dodge the rate limits.
   */
  TRUST_PROXY: z
    .union([booleanFromEnv, z.coerce.number().int().min(0).max(5)])
    .transform((v) => (v === true ? 1 : v === false ? 0 : v))
    .default(0),
  /** Cloud Storage bucket for media; unset → files under DATA_DIR/files. */
  MEDIA_BUCKET: z.string().optional(),
  /** AI providers: server-wide keys used when a company has none of its own; base URLs reach fakes in tests. */
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().default('https://api.openai.com/v1'),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.url().optional(),
  GEMINI_API_KEY: z.string().optional(),
  GEMINI_BASE_URL: z.url().optional(),
  OPENAI_COMPATIBLE_BASE_URL: z.url().optional(),
  OPENAI_COMPATIBLE_API_KEY: z.string().optional(),
  ELEVENLABS_API_KEY: z.string().optional(),
  ELEVENLABS_BASE_URL: z.url().default('https://api.elevenlabs.io'),
  AI_TIMEOUT_MS: z.coerce.number().int().min(1000).default(45_000),
  /**
   * How long a conversation's AI run lease lasts without renewal (a live run renews it); after that its
   * process is taken for dead and another instance resumes the run from its checkpoint.
   */
  AI_RUN_LEASE_SECONDS: z.coerce.number().int().min(1).default(180),
  /** ffmpeg for voice notes; default: the binary shipped by the @ffmpeg-installer package. */
  FFMPEG_PATH: z.string().optional(),
  GCS_BASE_URL: z.url().default('https://storage.googleapis.com'),
  /** Where the Cloud Run service account's token comes from. */
  GCE_METADATA_URL: z.url().default('http://metadata.google.internal'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /**
   * Whether pages on private networks (localhost, 10.x, 192.168.x…) may be imported into the knowledge
   * base. Default: only outside production (a laptop's intranet page); production fetches the public web.
   */
  ALLOW_PRIVATE_URLS: z.enum(['true', 'false']).optional(),
  /** Sign-in attempts allowed per IP per minute before 429. */
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(10),
});

export type Env = z.infer<typeof envSchema>;
export type Config = Env & {
  appUrl: string;
  isProduction: boolean;
  embedded: boolean;
  /** Without SMTP (and outside production) e-mails go to the log and the dev mailbox page. */
  devMailbox: boolean;
  googleEnabled: boolean;
  allowPrivateUrls: boolean;
};

export class ConfigError extends Error {}

/** The only reader of the environment: main.ts passes process.env, tests pass their own values. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuração inválida:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.AUTH_SECRET) throw new ConfigError('AUTH_SECRET é obrigatório em produção');
  if (isProduction && !e.APP_URL) throw new ConfigError('APP_URL é obrigatório em produção');
  return {
    ...e,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    isProduction,
    embedded: !e.DATABASE_URL,
    devMailbox: !e.SMTP_URL && !isProduction,
    googleEnabled: Boolean(e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET),
    allowPrivateUrls: e.ALLOW_PRIVATE_URLS ? e.ALLOW_PRIVATE_URLS === 'true' : !isProduction,
  };
}
