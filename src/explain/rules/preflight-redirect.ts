/**
 * Why the preflight was redirected, read from its Location: http to https, a trailing slash, a login page.
 * Each has a different fix, and the user usually does not know their server redirects at all.
 */
import type { Rule } from '../context';
import { cap } from '../captured';
import { redactUrl } from '../display';

function parseUrl(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

const LOGIN = /(log-?in|sign-?in|auth|sso|oauth|saml|cas\/|account)/i;

export const preflightRedirect: Rule = (c) => {
  if (c.code !== 'PreflightDisallowedRedirect') return null;
  const from = c.hop?.url ?? c.x.url;
  const toRaw = c.response?.redirectUrl ?? null;
  const a = parseUrl(from);
  const b = toRaw !== null ? parseUrl(toRaw, from) : null;
  const tail = 'Preflights are never allowed to redirect: the page must call the final URL directly, or the server must answer OPTIONS where it arrives.';
  if (!a || !b) return `The OPTIONS request got a redirect. ${tail}`;
  if (a.protocol === 'http:' && b.protocol === 'https:' && a.host === b.host.replace(/:443$/, '') && a.pathname === b.pathname) {
    return `The server redirects http to https. Call ${cap(redactUrl(b.href))} (https) from the page. ${tail}`;
  }
  if (a.origin === b.origin && (a.pathname + '/' === b.pathname || a.pathname === b.pathname + '/')) {
    const adds = b.pathname.endsWith('/');
    return `The server ${adds ? 'adds' : 'removes'} a trailing slash (${cap(a.pathname)} -> ${cap(b.pathname)}). Call ${cap(redactUrl(b.href))} from the page. ${tail}`;
  }
  if (LOGIN.test(b.pathname) || LOGIN.test(b.hostname)) {
    return `The OPTIONS request was sent to a login page (${cap(redactUrl(b.href))}): authentication ran before CORS. Preflights never carry credentials, so let OPTIONS through before authentication.`;
  }
  return `The OPTIONS request was redirected to ${cap(redactUrl(b.href))}. ${tail}`;
};
