/**
 * A path on this site to go to after signing in, or '/'. Anything else (another origin,
 * a protocol-relative '//host') is refused so a sign-in link cannot send people elsewhere.
 */
export function safeRedirectPath(target: unknown): string {
  return typeof target === 'string' &&
    target.startsWith('/') &&
    !target.startsWith('//') &&
    !target.startsWith('/\\')
    ? target
    : '/';
}
