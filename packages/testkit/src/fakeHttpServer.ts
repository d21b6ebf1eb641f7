import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a fake saw it: forms and JSON arrive parsed, anything else as text. */
export type FakeHttpRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  /** The bytes as sent (multipart uploads, signatures). */
  rawBody: Buffer;
  /** Date.now() when the request arrived (pacing assertions). */
  receivedAt: number;
};

export type FakeHttpResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

export type FakeHttpHandler = (request: FakeHttpRequest) => FakeHttpResponse | Promise<FakeHttpResponse>;

export type FakeHttpServer = {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request in arrival order, for assertions. */
  requests: FakeHttpRequest[];
  close(): Promise<void>;
};

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): FakeHttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export function bytesResponse(status: number, body: Buffer, contentType: string): FakeHttpResponse {
  return { status, headers: { 'content-type': contentType, 'content-length': String(body.length) }, body };
}

export function htmlResponse(status: number, html: string): FakeHttpResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

export function redirectResponse(location: string): FakeHttpResponse {
  return { status: 302, headers: { location } };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Starts a server on 127.0.0.1 with a free port; `handle` sees parsed requests. */
export async function startFakeHttpServer(handle: FakeHttpHandler): Promise<FakeHttpServer> {
  const requests: FakeHttpRequest[] = [];

  const server = createServer((req, res) => {
    readRequest(req)
      .then(async (request) => {
        requests.push(request);
        writeResponse(res, await handle(request));
      })
      .catch((error: unknown) => {
        // A fake that throws is a bug in the fake or the test: make it loud, not a hang.
        console.error('fake http server handler failed', error);
        writeResponse(
          res,
          jsonResponse(500, { error: 'fake_server_error', error_description: String(error) }),
        );
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function readRequest(req: IncomingMessage): Promise<FakeHttpRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks);
  const text = rawBody.toString('utf8');

  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }

  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: text === '' ? undefined : parseBody(text, headers['content-type'] ?? ''),
    rawBody,
    receivedAt: Date.now(),
  };
}

function parseBody(text: string, contentType: string): unknown {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (mediaType === 'application/json') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function writeResponse(res: ServerResponse, response: FakeHttpResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}
