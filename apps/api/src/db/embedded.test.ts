import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeDataDirLock } from './embedded.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'piloto-lock-'));

describe('one process per data directory', () => {
  it('refuses a directory held by a live process, with a clear message', async () => {
    const dir = tmp();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'pg.lock'), String(other.pid));
      expect(() => takeDataDirLock(dir)).toThrow(/já está em uso pelo processo \d+/);
    } finally {
      other.kill();
    }
  });

  it('takes over a stale lock left by a dead process, and releases it', async () => {
    const dir = tmp();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    fs.writeFileSync(path.join(dir, 'pg.lock'), String(dead.pid));
    const release = takeDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'pg.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'pg.lock'))).toBe(false);
  });
});
