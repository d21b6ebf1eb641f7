/** A Google account as the fake signs it in. */
export type FakeGoogleUser = {
  sub: string;
  email: string;
  name: string;
  picture?: string;
  emailVerified?: boolean;
};

export const GOOGLE_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';
export const GOOGLE_PROFILE_SCOPE = 'https://www.googleapis.com/auth/userinfo.profile';

/** Google accepts the short names and answers with the long ones. */
const SCOPE_NAMES: Record<string, string> = {
  openid: 'openid',
  email: GOOGLE_EMAIL_SCOPE,
  profile: GOOGLE_PROFILE_SCOPE,
  [GOOGLE_EMAIL_SCOPE]: GOOGLE_EMAIL_SCOPE,
  [GOOGLE_PROFILE_SCOPE]: GOOGLE_PROFILE_SCOPE,
};

export function unknownGoogleScopes(requested: string[]): string[] {
  return requested.filter((scope) => !SCOPE_NAMES[scope]);
}

/** The scopes Google reports as granted, long names in Google's order. */
export function grantedGoogleScopes(requested: string[]): string[] {
  const names = new Set(requested.map((scope) => SCOPE_NAMES[scope]));
  return [GOOGLE_EMAIL_SCOPE, GOOGLE_PROFILE_SCOPE, 'openid'].filter((scope) => names.has(scope));
}

export function googleEmailClaims(user: FakeGoogleUser, scopes: string[]): Record<string, unknown> {
  if (!scopes.includes(GOOGLE_EMAIL_SCOPE)) return {};
  return { email: user.email, email_verified: user.emailVerified ?? true };
}

export function googleProfileClaims(user: FakeGoogleUser, scopes: string[]): Record<string, unknown> {
  if (!scopes.includes(GOOGLE_PROFILE_SCOPE)) return {};
  const [givenName, ...rest] = user.name.split(' ');
  const claims: Record<string, unknown> = { name: user.name };
  if (user.picture) claims.picture = user.picture;
  claims.given_name = givenName;
  // Google leaves family_name out for one-word names rather than sending it empty.
  if (rest.length > 0) claims.family_name = rest.join(' ');
  return claims;
}
