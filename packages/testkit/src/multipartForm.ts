import type { FakeHttpRequest } from './fakeHttpServer.ts';

export type MultipartFile = {
  /** The form field, e.g. `file` or `files`. */
  field: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
};

export type MultipartForm = {
  /** Text fields; a repeated field keeps every value in order. */
  fields: Record<string, string[]>;
  files: MultipartFile[];
};

/**
 * A multipart/form-data body as the fake received it, parsed by the platform's own parser (undici's
 * `Response.formData()`), or undefined when the body is not a valid multipart form.
 */
export async function readMultipartForm(request: FakeHttpRequest): Promise<MultipartForm | undefined> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;/i.test(contentType)) return undefined;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(request.rawBody), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    return undefined;
  }
  const fields: Record<string, string[]> = {};
  const files: MultipartFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      fields[field] ??= [];
      fields[field].push(value);
    } else {
      files.push({
        field,
        fileName: value.name,
        contentType: value.type,
        bytes: Buffer.from(await value.arrayBuffer()),
      });
    }
  }
  return { fields, files };
}

/** The last value of a text field, as servers that take one value read it. */
export function formField(form: MultipartForm, name: string): string | undefined {
  return form.fields[name]?.at(-1);
}
