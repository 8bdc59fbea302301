/**
 * Secrets out of everything an export shows, on by default. A bug report travels: to a vendor, into a public
 * tracker, into a screenshot. Three layers, each closing a way around the one before:
 *  1. by header name, compared case-insensitively (HTTP/2 lowercases names, hand-made HARs use any case):
 *     Cookie and Set-Cookie keep their cookie names and attributes (SameSite and Secure matter for CORS with
 *     credentials) and lose their values; Authorization keeps its scheme; other secret headers lose all;
 *  2. by shape, in any header, URL and body: bearer tokens, JWTs, well-known API key prefixes, query
 *     parameters and form or JSON fields named like secrets, and URL passwords;
 *  3. by value: every secret found by 1 or 2 is then removed wherever else it appears (the same token in the
 *     query string, in Referer, in the body, percent-encoded or not).
 * Redaction can only be switched off per export, never partly.
 */
import { type ExchangeRecord, type Header, type HeaderList, headerValue } from '../cors';
import { TCHAR } from '../http';
import type { HttpRequest, HttpResponse, Reproduction, Step } from './request';

export const REDACTED = '[REDACTED]';

/** Headers that are credentials whatever their value looks like. */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'set-cookie2',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-refresh-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-csrftoken',
  'csrf-token',
  'x-amz-security-token',
  'x-goog-api-key',
  'private-token',
  'x-session-id',
  'x-session-token',
  'ocp-apim-subscription-key',
]);

/**
 * A header, query parameter or field whose name says it holds a secret. Names are tested as words: camelCase
 * is split first (authToken → auth-Token), so `apiToken`, `sessionToken` and `newPassword` count.
 */
const SECRET_WORD = /(?:^|[-_.\[])(?:auth|authorization|authentication|token|access[-_]?token|id[-_]?token|refresh[-_]?token|secret|client[-_]?secret|api[-_]?key|apikey|key|password|passwd|pwd|pass|session|sessionid|sid|csrf|xsrf|signature|sig|credential|x-amz-credential|x-amz-signature|jwt|private[-_]?key|secret[-_]?key)s?(?:$|[-_.\]])/i;

export function isSecretName(name: string): boolean {
  return SECRET_WORD.test(name.trim().replace(/([a-z0-9])([A-Z])/g, '$1-$2'));
}

/** CORS's own headers and the fetch metadata ones name other headers or describe the request: never secrets. */
/** `Scheme credentials` (Authorization, Proxy-Authorization): the scheme is a token, the rest is the secret. */
const SCHEME_CREDENTIALS = new RegExp(`^\\s*(${TCHAR}+)(\\s+)(\\S.*)$`, 's');

const NEVER_SECRET = /^(?:access-control-|sec-fetch-|origin$|vary$|timing-allow-origin$)/i;

export function isSecretHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (NEVER_SECRET.test(lower)) return false;
  return SECRET_HEADERS.has(lower) || isSecretName(name);
}

/** Values that are credentials wherever they appear. */
const SECRET_SHAPES: readonly RegExp[] = [
  // A JWT: three base64url parts, the first two JSON objects ("eyJ" is base64 of '{"').
  /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  // Provider key prefixes: Stripe, GitHub, Slack, AWS access key ids, Google API keys, GitLab.
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}/g,
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
];

/** An auth scheme followed by its credentials, in any header (some APIs put them in custom headers). */
const AUTH_SCHEME = /\b(Bearer|Basic|Token|Negotiate|NTLM|ApiKey|SharedKey)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi;

/** Basic-auth passwords shorter than this are not recorded at all. */
const MIN_HUNTED = 6;

/**
 * Whether a secret found in one place is hunted everywhere else. Cookie values like "dark", "accepted" or
 * "app.example" are replaced where found but not hunted: removing every "app.example" would rewrite Origin
 * and Access-Control-Allow-Origin, the very headers the report is about. Real credentials are long or mix
 * letters and digits.
 */
function worthHunting(s: string): boolean {
  return s.length >= 24 || (s.length >= 8 && /\d/.test(s) && /[A-Za-z]/.test(s));
}

/** A pattern for a secret as it may appear anywhere: raw, percent-encoded in either case, '+' for space, JSON '\/'. */
function looseSource(secret: string): string {
  let out = '';
  for (const ch of secret) {
    if (/[A-Za-z0-9\-._~]/.test(ch)) {
      out += ch;
      continue;
    }
    const bytes = [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const alts = [escapeRegExp(ch), bytes.replace(/%([0-9a-f]{2})/g, (_, h: string) => `%[${h[0]}${h[0]?.toUpperCase()}][${h[1]}${h[1]?.toUpperCase()}]`)];
    if (ch === ' ') alts.push('\\+');
    if (ch === '/') alts.push('\\\\/');
    out += `(?:${alts.join('|')})`;
  }
  return out;
}

export class Redactor {
  private readonly found = new Set<string>();
  private hunt: RegExp | null = null;

  /** Records a secret so that every later `text()` removes it; returns the placeholder. */
  private secret(value: string): string {
    const v = value.trim();
    if (v !== '' && v !== REDACTED) {
      this.found.add(v);
      this.hunt = null;
    }
    return REDACTED;
  }

  /** Layer 1 and 2 for one header, before any text pass. */
  header(h: Header): Header {
    const lower = h.name.trim().toLowerCase();
    if (NEVER_SECRET.test(lower)) return h;
    if (lower === 'cookie') return { name: h.name, value: this.cookiePairs(h.value, false) };
    if (lower === 'set-cookie' || lower === 'set-cookie2') return { name: h.name, value: this.cookiePairs(h.value, true) };
    if (!isSecretHeader(h.name)) return { name: h.name, value: /^https?:\/\//i.test(h.value) ? this.url(h.value) : this.shapes(h.value) };
    // "Scheme credentials": the scheme stays readable, the credentials are what may be repeated elsewhere.
    const m = SCHEME_CREDENTIALS.exec(h.value);
    if (m) {
      this.basicParts(m[1] as string, m[3] as string);
      this.secret(h.value);
      return { name: h.name, value: `${m[1]}${m[2]}${this.secret(m[3] as string)}` };
    }
    return { name: h.name, value: this.secret(h.value) };
  }

  /** Basic credentials are base64 of user:password: the password alone may be repeated elsewhere. */
  private basicParts(scheme: string, credentials: string): void {
    if (scheme.toLowerCase() !== 'basic') return;
    try {
      const decoded = atob(credentials.trim());
      const colon = decoded.indexOf(':');
      if (colon >= 0 && decoded.length - colon - 1 >= MIN_HUNTED) this.secret(decoded.slice(colon + 1));
    } catch {
      // Not base64: the whole value is still redacted.
    }
  }

  /** Cookie: a=1; b=2 and Set-Cookie: a=1; Path=/; Secure. Names and attributes stay, values go. */
  private cookiePairs(value: string, firstOnly: boolean): string {
    return value
      .split(';')
      .map((part, i) => {
        if (firstOnly && i > 0) return part;
        const eq = part.indexOf('=');
        if (eq < 0) return part.trim() === '' ? part : this.secret(part);
        const v = part.slice(eq + 1);
        return v.trim() === '' ? part : `${part.slice(0, eq + 1)}${this.secret(v)}`;
      })
      .join(';');
  }

  /** Layer 2 on a URL: password, secret-named query parameters, secret shapes. */
  url(url: string): string {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return this.shapes(url);
    }
    // user:password@ (an API key is often the user name alone): both go.
    for (const part of ['username', 'password'] as const) {
      if (u[part] === '') continue;
      this.secret(decodeURIComponentSafe(u[part]));
      this.secret(u[part]);
      u[part] = REDACTED_URL;
    }
    if (u.search.length > 1) u.search = this.params(u.search.slice(1));
    // OAuth's implicit flow puts access_token in the fragment.
    if (u.hash.includes('=')) u.hash = this.params(u.hash.slice(1));
    return this.shapes(u.href.replaceAll(REDACTED_URL, REDACTED).replaceAll(encodeURIComponent(REDACTED), REDACTED));
  }

  /** a=1&token=2 (a query string or a form body): secret-named values go, names stay. */
  private params(text: string): string {
    return text
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return pair;
        const name = decodeURIComponentSafe(pair.slice(0, eq).replace(/\+/g, ' '));
        const value = pair.slice(eq + 1);
        if (value === '' || !isSecretName(name)) return pair;
        this.secret(decodeURIComponentSafe(value.replace(/\+/g, ' ')));
        this.secret(value);
        return `${pair.slice(0, eq + 1)}${REDACTED}`;
      })
      .join('&');
  }

  /** A request body: form fields and JSON string fields named like secrets, then shapes. */
  body(text: string, contentType: string | null): string {
    const type = (contentType ?? '').toLowerCase();
    let out = text;
    if (type.includes('application/x-www-form-urlencoded')) out = this.params(out);
    // JSON (or anything that looks like it): "password": "..." with any escapes inside the string.
    out = out.replace(/("((?:[^"\\\n]|\\.){1,100})"\s*:\s*")((?:[^"\\]|\\.)*)(")/g, (all, head: string, name: string, value: string, tail: string) => {
      if (value === '' || !isSecretName(name)) return all;
      this.secret(value);
      return `${head}${REDACTED}${tail}`;
    });
    return this.shapes(out);
  }

  private shapes(text: string): string {
    // name=value after ? & # or ; anywhere (a relative Location, a Link header, a URL inside a JSON body).
    let out = text.replace(/([?&#;]\s*)([^=&#\s<>"';,?]{1,100})=([^&#\s<>"';,]+)/g, (all, lead: string, name: string, value: string) => {
      if (value.startsWith(REDACTED) || !isSecretName(decodeURIComponentSafe(name))) return all;
      this.secret(decodeURIComponentSafe(value));
      this.secret(value);
      return `${lead}${name}=${REDACTED}`;
    });
    out = out.replace(AUTH_SCHEME, (all, scheme: string, space: string, creds: string) => {
      if (creds.startsWith(REDACTED)) return all;
      this.basicParts(scheme, creds);
      return `${scheme}${space}${this.secret(creds)}`;
    });
    for (const shape of SECRET_SHAPES) out = out.replace(shape, (m) => this.secret(m));
    return out;
  }

  /** Layer 3: every secret found so far, wherever it appears, raw or percent-encoded. */
  text(text: string): string {
    if (this.found.size === 0) return text;
    if (!this.hunt) {
      const sorted = [...this.found].filter(worthHunting).sort((a, b) => b.length - a.length).map(looseSource);
      this.hunt = sorted.length > 0 ? new RegExp(sorted.join('|'), 'g') : /(?!)/g;
    }
    return text.replace(this.hunt, REDACTED);
  }
}

/** A placeholder URL.password accepts without percent-encoding, swapped back for REDACTED afterwards. */
const REDACTED_URL = 'REDACTED-0f3c';

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Layers 1 and 2 over every URL, header and body an exchange's record holds, so layer 3 knows every secret
 * before any format writes a line: a token seen only in the last response's Set-Cookie still leaves the first URL.
 */
export function primeRedactor(redactor: Redactor, record: ExchangeRecord, bodies: readonly ({ text: string; mimeType: string } | null)[]): Redactor {
  record.hops.forEach((hop, i) => {
    redactor.url(hop.url);
    for (const h of hop.requestHeaders) redactor.header(h);
    for (const h of hop.preflight?.requestHeaders ?? []) redactor.header(h);
    for (const h of hop.preflight?.response?.headers ?? []) redactor.header(h);
    for (const h of hop.response?.headers ?? []) redactor.header(h);
    if (hop.response?.redirectUrl) redactor.url(hop.response.redirectUrl);
    const body = bodies[i];
    if (body) redactor.body(body.text, bodyType(hop.requestHeaders, body.mimeType));
  });
  for (const h of record.authorHeaders) redactor.header(h);
  return redactor;
}

/** The body's type: the Content-Type the request carried, else the type the HAR recorded with the body. */
export function bodyType(headers: HeaderList, mimeType: string | null | undefined): string | null {
  return headerValue(headers, 'content-type') ?? (mimeType || null);
}

/**
 * Redacts a whole reproduction. Two passes: the first finds secrets in every step (so a token first seen in
 * the last step's Cookie is still removed from the first step's URL), the second removes them everywhere.
 */
export function redactReproduction(r: Reproduction, redactor: Redactor = new Redactor()): { reproduction: Reproduction; redactor: Redactor } {
  const first = r.steps.map((s) => ({
    ...s,
    request: redactRequest(s.request, redactor),
    response: s.response ? { status: s.response.status, headers: s.response.headers.map((h) => redactor.header(h)) } : null,
  }));
  const steps: Step[] = first.map((s) => ({
    ...s,
    request: {
      method: s.request.method,
      url: redactor.text(s.request.url),
      headers: textHeaders(s.request.headers, redactor),
      body: s.request.body === null ? null : redactor.text(s.request.body),
      mimeType: s.request.mimeType,
    },
    response: s.response ? ({ status: s.response.status, headers: textHeaders(s.response.headers, redactor) } satisfies HttpResponse) : null,
  }));
  return { reproduction: { steps, notes: r.notes, unfaithful: r.unfaithful, browser: r.browser }, redactor };
}

function redactRequest(r: HttpRequest, redactor: Redactor): HttpRequest {
  return {
    method: r.method,
    url: redactor.url(r.url),
    headers: r.headers.map((h) => redactor.header(h)),
    body: r.body === null ? null : redactor.body(r.body, bodyType(r.headers, r.mimeType)),
    mimeType: r.mimeType,
  };
}

/** Layer 3 on headers, except CORS's own: they name origins and headers, and are what the export is about. */
function textHeaders(headers: HeaderList, redactor: Redactor): HeaderList {
  return headers.map((h) => (NEVER_SECRET.test(h.name.trim()) ? h : { name: h.name, value: redactor.text(h.value) }));
}
