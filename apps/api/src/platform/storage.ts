import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config.ts';
import { MEMORY_DATA_DIR } from '../db/embedded.ts';

/**
 * Where files live (inbound media, uploads, generated audio). Local folder by default;
 * Cloud Storage is selected by MEDIA_BUCKET (see infra/terraform).
 */
export type Storage = {
  put(prefix: string, data: Buffer, mimeType: string): Promise<string>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
};

export function createLocalStorage(root: string): Storage {
  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error('invalid storage key');
    return full;
  };
  return {
    async put(prefix, data) {
      const key = `${prefix.replace(/[^\w/-]/g, '')}/${randomUUID()}`;
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data);
      return key;
    },
    get: (key) => fs.readFile(resolve(key)),
    delete: (key) => fs.rm(resolve(key), { force: true }),
  };
}

export function storageRoot(config: Pick<Config, 'DATA_DIR'>): string {
  return config.DATA_DIR === MEMORY_DATA_DIR
    ? path.join(os.tmpdir(), `piloto-files-${process.pid}`)
    : path.join(config.DATA_DIR, 'files');
}
