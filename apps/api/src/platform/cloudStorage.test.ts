import { type FakeGcs, startFakeGcs } from '@piloto/testkit';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCloudStorage } from './cloudStorage.ts';
import { createHttpClient } from './httpClient.ts';

let gcs: FakeGcs;
beforeEach(async () => {
  gcs = await startFakeGcs({ tokenTtlSeconds: 3599 });
});
afterEach(() => gcs.close());

const storageFor = (fake: FakeGcs) =>
  createCloudStorage({
    bucket: fake.bucket,
    baseUrl: fake.url,
    metadataUrl: fake.url,
    http: createHttpClient(pino({ level: 'silent' })),
  });

describe('Cloud Storage adapter (against a local fake of the JSON API and metadata server)', () => {
  it('stores, reads and deletes files with the service account token', async () => {
    const storage = storageFor(gcs);
    const data = Buffer.from('%PDF-1.4 proposta');
    const key = await storage.put('media/org-1', data, 'application/pdf');
    expect(key).toMatch(/^media\/org-1\/[0-9a-f-]{36}$/);
    expect(gcs.objects.get(key)).toEqual({ data, contentType: 'application/pdf' });
    expect((await storage.get(key)).equals(data)).toBe(true);
    await storage.delete(key);
    expect(gcs.objects.has(key)).toBe(false);
    expect(gcs.tokensIssued).toHaveLength(1);
  });

  it('refreshes the service account token before it expires', async () => {
    const short = await startFakeGcs({ tokenTtlSeconds: 61 });
    try {
      const storage = storageFor(short);
      const key = await storage.put('media/x', Buffer.from('a'), 'text/plain');
      // The adapter refreshes 60 s early, so a 61 s token is reused for about a second; after that a new one.
      await new Promise((r) => setTimeout(r, 1100));
      expect((await storage.get(key)).toString()).toBe('a');
      expect(short.tokensIssued.length).toBe(2);
    } finally {
      await short.close();
    }
  });

  it('reports a missing file as a non-retryable error', async () => {
    await expect(storageFor(gcs).get('media/nao-existe')).rejects.toMatchObject({
      retryable: false,
      status: 404,
    });
  });
});

describe('media on Cloud Storage when MEDIA_BUCKET is set', () => {
  it('keeps uploaded files in the bucket and serves them back to members', async () => {
    const { startTestApp } = await import('../testing/harness.ts');
    const { ownerWithCompany } = await import('../testing/company.ts');
    const t = await startTestApp({
      MEDIA_BUCKET: gcs.bucket,
      GCS_BASE_URL: gcs.url,
      GCE_METADATA_URL: gcs.url,
    });
    try {
      const { owner, orgId } = await ownerWithCompany(t.app, t.platform);
      const boundary = '----piloto';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tabela.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        Buffer.from('produto;preço\ncafé;12,90\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await owner.request('POST', `/api/v1/orgs/${orgId}/uploads`, body, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
      expect(res.statusCode, res.body).toBe(201);
      const stored = [...gcs.objects.entries()].find(([key]) => key.startsWith(`uploads/${orgId}/`));
      expect(stored?.[1]).toMatchObject({ contentType: 'text/csv' });
      expect(stored?.[1].data.toString()).toBe('produto;preço\ncafé;12,90\n');
    } finally {
      await t.close();
    }
  });
});
