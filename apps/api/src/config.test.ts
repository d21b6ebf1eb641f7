import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('config', () => {
  it('defaults to embedded PGlite on port 3000 with a dev mailbox', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      embedded: true,
      devMailbox: true,
      appUrl: 'http://localhost:3000',
      googleEnabled: false,
    });
    expect(c.DATA_DIR).toMatch(/data$/);
  });

  it('takes PORT, HOST, DATA_DIR and DATABASE_URL from the environment', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://db/app',
    });
    expect(c).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/x',
      embedded: false,
      appUrl: 'http://localhost:8080',
    });
  });

  it('demands a secret and public URL in production, and never exposes the dev mailbox there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    const c = loadConfig({
      NODE_ENV: 'production',
      AUTH_SECRET: 'k'.repeat(32),
      APP_URL: 'https://app.exemplo.com.br/',
    });
    expect(c).toMatchObject({ devMailbox: false, appUrl: 'https://app.exemplo.com.br', isProduction: true });
  });

  it('explains invalid values in pt-BR', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Configuração inválida:\n {2}PORT/);
    expect(() => loadConfig({ AUTH_SECRET: 'curta' })).toThrow(/pelo menos 32/);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts a number of proxy hops, never every X-Forwarded-For entry', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  });
});
