import { describe, expect, it } from 'vitest';
import { urlFetchProblem } from './publicUrl.ts';

describe('urlFetchProblem', () => {
  it('refuses private networks unless they are allowed, and the metadata server always', async () => {
    const strict = { allowPrivate: false };
    for (const url of [
      'http://127.0.0.1:8080/x',
      'http://10.1.2.3/',
      'http://192.168.0.10/',
      'http://[::1]/',
      'http://localhost/',
    ])
      expect(await urlFetchProblem(url, strict), url).toMatch(/páginas públicas/);
    expect(await urlFetchProblem('http://127.0.0.1:8080/x', { allowPrivate: true })).toBeNull();
    for (const url of ['http://169.254.169.254/computeMetadata/v1/', 'http://metadata.google.internal/'])
      expect(await urlFetchProblem(url, { allowPrivate: true }), url).toMatch(/não pode ser importado/);
    expect(await urlFetchProblem('http://8.8.8.8/', strict)).toBeNull();
  });

  it('explains bad addresses', async () => {
    expect(await urlFetchProblem('ftp://exemplo.com/a', { allowPrivate: true })).toMatch(/http/);
    expect(await urlFetchProblem('nao é url', { allowPrivate: true })).toMatch(/inválido/);
    expect(await urlFetchProblem('http://nao-existe.invalid/', { allowPrivate: true })).toMatch(
      /Não encontramos/,
    );
  });
});
