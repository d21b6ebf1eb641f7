import { createAuthClient } from 'better-auth/react';

/** better-auth lives on the same origin at /api/auth; the session is an HttpOnly cookie. */
export const authClient = createAuthClient({ baseURL: window.location.origin });
