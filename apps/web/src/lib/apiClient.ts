/** The one way the SPA talks to /api/v1: same-origin JSON with the session cookie. */

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const genericMessage = 'Algo deu errado. Tente de novo em instantes.';
const networkMessage = 'Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.';

function readFieldErrors(details: unknown): FieldErrors {
  const fields = (details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return {};
  const out: FieldErrors = {};
  for (const f of fields) {
    if (f && typeof f.path === 'string' && typeof f.message === 'string' && !(f.path in out)) {
      out[f.path] = f.message;
    }
  }
  return out;
}

async function toApiError(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => null);
  const error = body?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      res.status,
      error.code,
      error.message || genericMessage,
      readFieldErrors(error.details),
    );
  }
  return new ApiError(res.status, `HTTP_${res.status}`, genericMessage);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', networkMessage);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * multipart/form-data with one file in the field "file" (uploads). Extra fields go first: the API
 * reads them before it streams the file.
 */
async function uploadFile<T>(
  path: string,
  file: Blob,
  fileName?: string,
  fields: Record<string, string> = {},
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'arquivo'));
  return postForm<T>(path, form);
}

/** multipart/form-data built by the caller (several files, or fields after files). */
async function postForm<T>(path: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', networkMessage);
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

/** A JSON request answered with bytes (e.g. a voice preview); errors still come as JSON. */
async function postForBlob(path: string, body: unknown): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', networkMessage);
  }
  if (!res.ok) throw await toApiError(res);
  return res.blob();
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
  upload: uploadFile,
  postForm,
  postForBlob,
};

/** Builds "?a=1&b=2" from the defined, non-empty values. */
export function toQueryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return genericMessage;
}
