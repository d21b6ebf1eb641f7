export type GoogleTokenError = { status: number; error: string; description: string };

/**
 * Checks token-endpoint client credentials sent by client_secret_basic or client_secret_post (Google
 * accepts both), answering the error Google would, or undefined when the client is authenticated.
 */
export function authenticateGoogleClient(
  authorization: string | undefined,
  form: Record<string, string>,
  client: { clientId: string; clientSecret: string },
): GoogleTokenError | undefined {
  let presented = { id: form.client_id, secret: form.client_secret };
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return { status: 401, error: 'invalid_client', description: 'Unauthorized' };
    // RFC 6749 §2.3.1: both halves are form-urlencoded before base64.
    const id = formUrlDecode(decoded.slice(0, separator));
    const secret = formUrlDecode(decoded.slice(separator + 1));
    if ((form.client_id && form.client_id !== id) || form.client_secret) {
      return {
        status: 400,
        error: 'invalid_request',
        description: 'Client authenticated by more than one method.',
      };
    }
    presented = { id, secret };
  }
  if (!presented.id) {
    return {
      status: 400,
      error: 'invalid_request',
      description: 'Could not determine client ID from request.',
    };
  }
  if (presented.id !== client.clientId) {
    return { status: 401, error: 'invalid_client', description: 'The OAuth client was not found.' };
  }
  if (presented.secret !== client.clientSecret) {
    return { status: 401, error: 'invalid_client', description: 'Unauthorized' };
  }
  return undefined;
}

function formUrlDecode(value: string): string {
  return new URLSearchParams(`v=${value}`).get('v') ?? '';
}
