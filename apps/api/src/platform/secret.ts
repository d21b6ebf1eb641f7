import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { MEMORY_DATA_DIR } from '../db/embedded.ts';

/**
 * AUTH_SECRET when set (required in production). Otherwise one generated on first start and kept in
 * DATA_DIR, so sessions survive restarts on a laptop without any setup.
 */
export function resolveAuthSecret(config: Config): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.DATA_DIR === MEMORY_DATA_DIR) return randomBytes(32).toString('base64url');
  const file = path.join(config.DATA_DIR, 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.DATA_DIR, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
