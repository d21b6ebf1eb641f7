import { randomUUID } from 'node:crypto';
import { type HttpClient, ProviderError } from './httpClient.ts';
import type { Storage } from './storage.ts';

/**
 * Cloud Storage through its JSON API, authenticated with the Cloud Run service account's token from
 * the metadata server: no SDK, no key file. Both base URLs are configurable (tests use a local fake).
 */
export function createCloudStorage(opts: {
  bucket: string;
  baseUrl: string;
  metadataUrl: string;
  http: HttpClient;
}): Storage {
  const { bucket, http } = opts;
  const base = opts.baseUrl.replace(/\/$/, '');
  let token: { value: string; until: number } | undefined;

  async function accessToken(force = false): Promise<string> {
    if (!force && token && token.until > Date.now()) return token.value;
    const res = await http.request('gcs', {
      url: `${opts.metadataUrl.replace(/\/$/, '')}/computeMetadata/v1/instance/service-accounts/default/token`,
      headers: { 'metadata-flavor': 'Google' },
    });
    if (res.status !== 200)
      throw new ProviderError('gcs', `Sem credenciais do Cloud Storage (HTTP ${res.status})`, {
        retryable: true,
      });
    const body = res.json<{ access_token: string; expires_in: number }>();
    token = { value: body.access_token, until: Date.now() + (body.expires_in - 60) * 1000 };
    return token.value;
  }

  /** One retry with a fresh token when the cached one was refused. */
  async function call(req: Parameters<HttpClient['request']>[1]) {
    let res = await http.request('gcs', {
      ...req,
      headers: { ...req.headers, authorization: `Bearer ${await accessToken()}` },
    });
    if (res.status === 401) {
      res = await http.request('gcs', {
        ...req,
        headers: { ...req.headers, authorization: `Bearer ${await accessToken(true)}` },
      });
    }
    return res;
  }

  const objectUrl = (key: string) => `${base}/storage/v1/b/${bucket}/o/${encodeURIComponent(key)}`;
  const fail = (what: string, status: number) =>
    new ProviderError('gcs', `Cloud Storage: falha ao ${what} (HTTP ${status})`, {
      status,
      retryable: status >= 500 || status === 429,
    });

  return {
    async put(prefix, data, mimeType) {
      const key = `${prefix.replace(/[^\w/-]/g, '')}/${randomUUID()}`;
      const res = await call({
        method: 'POST',
        url: `${base}/upload/storage/v1/b/${bucket}/o?uploadType=media&name=${encodeURIComponent(key)}`,
        headers: { 'content-type': mimeType },
        body: data,
        timeoutMs: 60_000,
      });
      if (res.status !== 200) throw fail('gravar o arquivo', res.status);
      return key;
    },
    async get(key) {
      const res = await call({ url: `${objectUrl(key)}?alt=media`, timeoutMs: 60_000 });
      if (res.status !== 200) throw fail('ler o arquivo', res.status);
      return res.body;
    },
    async delete(key) {
      const res = await call({ method: 'DELETE', url: objectUrl(key) });
      if (res.status !== 204 && res.status !== 404) throw fail('apagar o arquivo', res.status);
    },
  };
}
