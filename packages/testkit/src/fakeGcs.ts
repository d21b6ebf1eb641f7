import { bytesResponse, type FakeHttpRequest, jsonResponse, startFakeHttpServer } from './fakeHttpServer.ts';

export type FakeGcs = {
  /** Base URL for both the JSON API (GCS_BASE_URL) and the metadata server (GCE_METADATA_URL). */
  url: string;
  bucket: string;
  objects: Map<string, { data: Buffer; contentType: string }>;
  /** Access tokens handed out by the metadata endpoint, in order. */
  tokensIssued: string[];
  requests: FakeHttpRequest[];
  close(): Promise<void>;
};

/**
 * Cloud Storage's JSON API (media upload, alt=media download, delete) and the Cloud Run metadata
 * server's token endpoint, enough for the app's storage adapter. Tokens expire after `tokenTtlSeconds`.
 */
export async function startFakeGcs(
  options: { bucket?: string; tokenTtlSeconds?: number } = {},
): Promise<FakeGcs> {
  const bucket = options.bucket ?? 'piloto-media-test';
  const objects = new Map<string, { data: Buffer; contentType: string }>();
  const tokensIssued: string[] = [];
  const valid = new Map<string, number>();

  const server = await startFakeHttpServer((req) => {
    if (req.path === '/computeMetadata/v1/instance/service-accounts/default/token') {
      if (req.headers['metadata-flavor'] !== 'Google')
        return jsonResponse(403, { error: 'Missing Metadata-Flavor:Google header.' });
      const token = `ya29.fake-${tokensIssued.length + 1}`;
      const ttl = options.tokenTtlSeconds ?? 3599;
      tokensIssued.push(token);
      valid.set(token, Date.now() + ttl * 1000);
      return jsonResponse(200, { access_token: token, expires_in: ttl, token_type: 'Bearer' });
    }
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(token) || valid.get(token)! < Date.now()) {
      return jsonResponse(401, {
        error: { code: 401, message: 'Invalid Credentials', errors: [{ reason: 'authError' }] },
      });
    }
    const upload = req.path === `/upload/storage/v1/b/${bucket}/o`;
    if (upload && req.method === 'POST' && req.query.uploadType === 'media') {
      objects.set(req.query.name, {
        data: req.rawBody,
        contentType: req.headers['content-type'] ?? 'application/octet-stream',
      });
      return jsonResponse(200, {
        kind: 'storage#object',
        bucket,
        name: req.query.name,
        size: String(req.rawBody.length),
      });
    }
    const prefix = `/storage/v1/b/${bucket}/o/`;
    if (req.path.startsWith(prefix)) {
      const name = decodeURIComponent(req.path.slice(prefix.length));
      const object = objects.get(name);
      if (!object)
        return jsonResponse(404, { error: { code: 404, message: `No such object: ${bucket}/${name}` } });
      if (req.method === 'DELETE') {
        objects.delete(name);
        return { status: 204 };
      }
      if (req.query.alt === 'media') return bytesResponse(200, object.data, object.contentType);
    }
    return jsonResponse(404, { error: { code: 404, message: 'Not Found' } });
  });

  return { url: server.url, bucket, objects, tokensIssued, requests: server.requests, close: server.close };
}
