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

describe('embedded PGlite under concurrent connections', () => {
  it('keeps each connection’s extended queries whole (no interleaved Parse/Bind)', async () => {
    const { startEmbeddedPostgres, MEMORY_DATA_DIR } = await import('./embedded.ts');
    const pg = (await import('pg')).default;
    const embedded = await startEmbeddedPostgres(MEMORY_DATA_DIR, 12);
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: embedded.url, max: 4 }));
    try {
      const queries = Array.from({ length: 150 }, (_, i) => {
        const pool = pools[i % pools.length];
        // Different parameter counts and sizes, so any interleaving would surface as a protocol error.
        const params = Array.from(
          { length: (i % 7) + 1 },
          (_, k) => `${'x'.repeat(((i * 7919) % 200) * 1000)}${k}`,
        );
        const sql = `select ${params.map((_, k) => `length($${k + 1}::text)`).join(' + ')} as n`;
        return pool.query(sql, params).then((r) => Number(r.rows[0].n));
      });
      const results = await Promise.all(queries);
      expect(results).toHaveLength(150);
      expect(results.every((n) => Number.isFinite(n) && n > 0)).toBe(true);
    } finally {
      for (const pool of pools) await pool.end();
      await embedded.stop();
    }
  }, 60_000);
});
