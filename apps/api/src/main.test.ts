import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './testing/wait.ts';

const mainPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function start(dataDir: string) {
  const child = spawn(process.execPath, [mainPath], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_DIST: '/nonexistent',
    },
  });
  running.push(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code === null) output += `\n[terminated by ${signal}]`;
      resolve(code);
    }),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = output.match(/no ar em (http:\/\/localhost:\d+)/);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 50);
    exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited before ready:\n${output}`));
    });
  });
  ready.catch(() => {}); // awaited only by callers that expect a start
  return { child, ready, exited, output: () => output };
}

describe('the server process', () => {
  it('starts on embedded PGlite, refuses a second process on the same data, and shuts down gracefully', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piloto-main-'));
    const first = start(dataDir);
    const url = await first.ready;
    // The first-access hint is a separate log line right after the banner: wait for it to arrive.
    await waitFor(
      () =>
        /Primeiro acesso: abra http:\/\/localhost:\d+\/cadastro/.test(first.output()) ? true : undefined,
      10_000,
      'first-access hint',
    );
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready' });

    const second = start(dataDir);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/O diretório de dados .* já está em uso pelo processo \d+/);

    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg.lock'))).toBe(false);

    // Data survives the restart.
    const third = start(dataDir);
    await third.ready;
    third.child.kill('SIGTERM');
    expect(await third.exited, third.output()).toBe(0);
  }, 90_000);
});
