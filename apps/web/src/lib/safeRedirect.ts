/** Only same-site paths are accepted in ?next= so a link cannot send people elsewhere. */
export function safeRedirect(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
