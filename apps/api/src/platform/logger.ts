import type { LoggerOptions } from 'pino';

/** Secrets and personal data never reach the log (CONVENTIONS.md rule 10). */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["client-token"]',
  'req.headers.apikey',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.secret',
  '*.phone',
];

/** JSON lines for Cloud Logging; readable colored lines when a person runs it in a terminal. */
export function loggerOptions(level: string, pretty = false): LoggerOptions {
  return {
    level,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {
          // Cloud Logging reads `severity`; pino's numeric level alone shows up as DEFAULT.
          formatters: { level: (label: string, level: number) => ({ level, severity: label.toUpperCase() }) },
        }),
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      req: (req) => ({ method: req.method, url: redactUrl(req.url), id: req.id }),
    },
  };
}

/** Invitation and reset tokens travel in URLs: keep them out of the log. */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](token|hub\.verify_token|code|state)=)[^&]+/g, '$1[redacted]')
    .replace(/(\/invitations\/)[A-Za-z0-9_-]{20,}/g, '$1[redacted]');
}
