import type { FieldErrors } from './apiClient.ts';

type Issues = { issues: { path: PropertyKey[]; message: string }[] };

/** Zod issues keyed like the API's field errors ("credentials.token"), first message per field. */
export function zodFieldErrors(error: Issues): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}
