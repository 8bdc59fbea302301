/**
 * Server configuration that makes the failing response pass, per server stack, built from the observed values
 * (the exact origin, the method, the header names the preflight asked about) rather than placeholders.
 * Every observed value is attacker-controlled text from web traffic: each one goes through the escaper of
 * the language it lands in (literals.ts), header names and methods must be HTTP tokens, and a value that
 * cannot be written safely is left out with a comment saying so. Comments never quote observed values.
 */
import { type Evaluation, type ExchangeRecord, headerValue, isSafelistedMethod } from '../cors';
import type { Fix } from './fix';
import { apacheString, goString, isFieldValue, isToken, javaString, jsString, nginxString, pyString } from './literals';

export type Stack = 'express' | 'nginx' | 'apache' | 'flask' | 'django' | 'spring' | 'go';

export interface Snippet {
  readonly stack: Stack;
  readonly label: string;
  readonly code: string;
}

/** What every snippet is built from: the Fix's values plus the facts that change how a stack must be set up. */
export interface SnippetInput {
  /** The origin to allow, exactly as Chrome compares it. */
  readonly origin: string;
  readonly credentials: boolean;
  /** Methods for Access-Control-Allow-Methods (empty: no preflight involved). */
  readonly methods: readonly string[];
  /** Header names for Access-Control-Allow-Headers. */
  readonly headers: readonly string[];
  /** Access-Control-Max-Age to suggest, or null when no preflight is involved. */
  readonly maxAge: number | null;
  /** The preflight answered a non-2xx status: it must answer 204. */
  readonly preflightMustSucceed: boolean;
  /** The preflight was redirected: it must be answered where it arrives. */
  readonly preflightMustNotRedirect: boolean;
  /** The preflight was answered 401/403: OPTIONS must pass before authentication. */
  readonly optionsBeforeAuth: boolean;
  /** Two layers sent Access-Control-Allow-Origin: only one may. */
  readonly oneLayerOnly: boolean;
  /** The failing response was an error (4xx/5xx): error responses need the headers too. */
  readonly onErrorResponses: boolean;
}

/** Chrome keeps a preflight for at most 7200 s; without a usable Max-Age it keeps one for 5 s. */
const CHROME_MAX_AGE = 7200;
const SUGGESTED_MAX_AGE = 600;

function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The snippet input for a blocked exchange, or null when the fix is not on the server (or there is none). */
export function snippetInput(record: ExchangeRecord, evaluation: Evaluation, fix: Fix | null): SnippetInput | null {
  const error = evaluation.error;
  if (!fix || !error || fix.pageSide !== null) return null;
  const acao = fix.headers.find((h) => h.name === 'Access-Control-Allow-Origin');
  if (!acao) return null;
  const outcome = evaluation.hops[fix.hop];
  const hop = record.hops[fix.hop];
  const preflighted = outcome !== undefined && outcome.preflight !== 'not-needed';
  const fromFix = (name: string): string[] | null => {
    const line = fix.headers.find((h) => h.name === name);
    return line ? splitList(line.value) : null;
  };
  const methods = fromFix('Access-Control-Allow-Methods') ?? (preflighted && outcome && !isSafelistedMethod(outcome.method) ? [outcome.method] : []);
  const headers = fromFix('Access-Control-Allow-Headers') ?? (preflighted && outcome ? [...new Set(outcome.unsafeHeaders.map((h) => h.name))] : []);
  const pfResponse = hop?.preflight?.response ?? null;
  let maxAge: number | null = null;
  if (preflighted || methods.length > 0 || headers.length > 0) {
    const seen = pfResponse ? headerValue(pfResponse.headers, 'access-control-max-age') : null;
    const n = seen !== null && /^\d+$/.test(seen) ? Number(seen) : NaN;
    maxAge = Number.isFinite(n) && n > 0 ? Math.min(n, CHROME_MAX_AGE) : SUGGESTED_MAX_AGE;
  }
  const failingStatus = fix.stage === 'preflight' ? (pfResponse?.status ?? 0) : (hop?.response?.status ?? 0);
  return {
    origin: acao.value,
    credentials: fix.headers.some((h) => h.name === 'Access-Control-Allow-Credentials' && h.value === 'true'),
    methods,
    headers,
    maxAge,
    preflightMustSucceed: fix.stage === 'preflight' && fix.status !== null && error.code !== 'PreflightDisallowedRedirect',
    preflightMustNotRedirect: error.code === 'PreflightDisallowedRedirect',
    optionsBeforeAuth: fix.stage === 'preflight' && (failingStatus === 401 || failingStatus === 403),
    oneLayerOnly: error.code === 'MultipleAllowOriginValues' || error.code === 'PreflightMultipleAllowOriginValues',
    onErrorResponses: failingStatus >= 400,
  };
}

/** The values a snippet may use, and notes about those it must leave out. */
interface Safe {
  readonly origin: string | null;
  readonly methods: readonly string[];
  readonly headers: readonly string[];
  readonly notes: readonly string[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Tokens only, and whatever else a stack's own string syntax cannot hold (`accept` answers false). */
function safeValues(input: SnippetInput, accept: (v: string) => boolean): Safe {
  const notes: string[] = [];
  const origin = isFieldValue(input.origin) && input.origin !== '' && accept(input.origin) ? input.origin : null;
  if (origin === null) notes.push('The observed origin cannot be written safely here and was left out: allow your page\'s origin by hand.');
  const methods = input.methods.filter((m) => isToken(m) && accept(m));
  const headers = input.headers.filter((h) => isToken(h) && accept(h));
  const droppedM = input.methods.length - methods.length;
  const droppedH = input.headers.length - headers.length;
  if (droppedM > 0) notes.push(`Left out ${plural(droppedM, 'method that is', 'methods that are')} not a valid HTTP token or cannot be written safely here.`);
  if (droppedH > 0) notes.push(`Left out ${plural(droppedH, 'header name that is', 'header names that are')} not a valid HTTP token or cannot be written safely here.`);
  return { origin, methods, headers, notes };
}

const comment = (prefix: string, lines: readonly string[]): string[] => lines.map((l) => `${prefix} ${l}`);

/** Advice every stack shares, as comment text. */
function advice(input: SnippetInput): string[] {
  const out: string[] = [];
  if (input.optionsBeforeAuth) out.push('Preflights never carry cookies or Authorization: answer OPTIONS before authentication runs.');
  if (input.preflightMustNotRedirect) out.push('The preflight must be answered where it arrives: no http->https, trailing-slash or login redirect for OPTIONS.');
  if (input.oneLayerOnly) out.push('Send Access-Control-Allow-Origin from one layer only: remove it from the app or from the proxy.');
  if (input.onErrorResponses) out.push('Error responses (4xx/5xx) need these headers too, or the page sees a CORS error instead of the status.');
  return out;
}

function express(input: SnippetInput): Snippet {
  const s = safeValues(input, () => true);
  const list = (xs: readonly string[]) => `[${xs.map(jsString).join(', ')}]`;
  const opts: string[] = [];
  if (s.origin !== null) opts.push(`  origin: ${jsString(s.origin)},`);
  if (s.methods.length > 0) opts.push(`  methods: ${list(s.methods)},`);
  if (s.headers.length > 0) opts.push(`  allowedHeaders: ${list(s.headers)},`);
  if (input.credentials) opts.push('  credentials: true,');
  if (input.maxAge !== null) opts.push(`  maxAge: ${input.maxAge},`);
  opts.push('  optionsSuccessStatus: 204,');
  const code = [
    '// npm install cors',
    ...comment('//', s.notes),
    ...comment('//', advice(input)),
    "const cors = require('cors');",
    '',
    'const corsOptions = {',
    ...opts,
    '};',
    '// First middleware, before authentication, redirects and routes: it answers preflights itself (204)',
    '// and sets the headers before any handler, error responses included, can run.',
    'app.use(cors(corsOptions));',
  ];
  return { stack: 'express', label: 'Express (cors package)', code: code.join('\n') };
}

function nginx(input: SnippetInput): Snippet {
  const s = safeValues(input, (v) => nginxString(v) !== null);
  const add = (name: string, value: string | null): string[] => (value === null ? [] : [`add_header ${name} ${value} always;`]);
  const originLines = [
    ...add('Access-Control-Allow-Origin', s.origin === null ? null : nginxString(s.origin)),
    ...(input.credentials ? add('Access-Control-Allow-Credentials', '"true"') : []),
    ...add('Vary', '"Origin"'),
  ];
  const preflightLines = [
    ...originLines,
    ...(s.methods.length > 0 ? add('Access-Control-Allow-Methods', nginxString(s.methods.join(', '))) : []),
    ...(s.headers.length > 0 ? add('Access-Control-Allow-Headers', nginxString(s.headers.join(', '))) : []),
    ...(input.maxAge !== null ? add('Access-Control-Max-Age', `"${input.maxAge}"`) : []),
  ];
  const code = [
    '# Inside the location block that serves the API.',
    ...comment('#', s.notes),
    ...comment('#', advice(input)),
    '# `always` adds the headers to error responses too. The `if` runs in the rewrite phase, so it answers',
    '# the preflight before auth_basic / auth_request and before any proxy_pass.',
    'if ($request_method = OPTIONS) {',
    ...preflightLines.map((l) => `    ${l}`),
    '    return 204;',
    '}',
    ...originLines,
  ];
  return { stack: 'nginx', label: 'nginx', code: code.join('\n') };
}

function apache(input: SnippetInput): Snippet {
  const s = safeValues(input, (v) => apacheString(v) !== null);
  const set = (name: string, value: string | null): string[] => (value === null ? [] : [`Header always set ${name} ${value}`]);
  const code = [
    '# In the <VirtualHost> that serves the API (server context, not .htaccess: there mod_rewrite runs after',
    '# authentication). Needs mod_headers and mod_rewrite. `always` covers error responses too.',
    ...comment('#', s.notes),
    ...comment('#', advice(input)),
    ...set('Access-Control-Allow-Origin', s.origin === null ? null : apacheString(s.origin)),
    ...(input.credentials ? set('Access-Control-Allow-Credentials', '"true"') : []),
    'Header always merge Vary "Origin"',
    ...(s.methods.length > 0 ? set('Access-Control-Allow-Methods', apacheString(s.methods.join(', '))) : []),
    ...(s.headers.length > 0 ? set('Access-Control-Allow-Headers', apacheString(s.headers.join(', '))) : []),
    ...(input.maxAge !== null ? set('Access-Control-Max-Age', `"${input.maxAge}"`) : []),
    '# Answer preflights with 204 before authentication or any redirect:',
    'RewriteEngine On',
    'RewriteCond %{REQUEST_METHOD} =OPTIONS',
    'RewriteRule ^ - [R=204,L]',
  ];
  return { stack: 'apache', label: 'Apache (mod_headers)', code: code.join('\n') };
}

/** Flask-CORS treats a string holding * \ ] ? $ ^ [ ( ) as a regular expression: such values are escaped as one. */
function flaskPattern(value: string): string {
  return /[*\\\]?$^[()]/.test(value) ? `re.compile(re.escape(${pyString(value)}) + r"\\Z")` : pyString(value);
}

function flask(input: SnippetInput): Snippet {
  const s = safeValues(input, () => true);
  const needsRe = [s.origin ?? '', ...s.headers].some((v) => flaskPattern(v) !== pyString(v));
  const args: string[] = ['    app,'];
  if (s.origin !== null) args.push(`    origins=[${flaskPattern(s.origin)}],`);
  if (s.methods.length > 0) args.push(`    methods=[${s.methods.map(pyString).join(', ')}],`);
  if (s.headers.length > 0) args.push(`    allow_headers=[${s.headers.map(flaskPattern).join(', ')}],`);
  if (input.credentials) args.push('    supports_credentials=True,');
  if (input.maxAge !== null) args.push(`    max_age=${input.maxAge},`);
  const lowerMethod = s.methods.some((m) => m !== m.toUpperCase());
  const code = [
    '# pip install flask-cors',
    ...comment('#', s.notes),
    ...comment('#', advice(input)),
    ...(lowerMethod ? ['# Flask-CORS upper-cases method names; a page sending a lower-case method must send it upper-case.'] : []),
    ...(needsRe ? ['import re', ''] : []),
    'from flask_cors import CORS',
    '',
    '# Right after app = Flask(__name__): Flask-CORS answers OPTIONS itself, before your views and auth decorators.',
    'CORS(',
    ...args,
    ')',
  ];
  return { stack: 'flask', label: 'Flask (Flask-CORS)', code: code.join('\n') };
}

function django(input: SnippetInput): Snippet {
  const s = safeValues(input, () => true);
  const code = [
    '# settings.py -- pip install django-cors-headers',
    ...comment('#', s.notes),
    ...comment('#', advice(input)),
    'from corsheaders.defaults import default_headers, default_methods',
    '',
    'INSTALLED_APPS += ["corsheaders"]',
    '# First in MIDDLEWARE: before CommonMiddleware (APPEND_SLASH redirects) and authentication.',
    'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")',
    ...(s.origin !== null ? [`CORS_ALLOWED_ORIGINS = [${pyString(s.origin)}]`] : []),
    ...(s.methods.length > 0 ? [`CORS_ALLOW_METHODS = (*default_methods, ${s.methods.map(pyString).join(', ')})`] : []),
    ...(s.headers.length > 0 ? [`CORS_ALLOW_HEADERS = (*default_headers, ${s.headers.map(pyString).join(', ')})`] : []),
    ...(input.credentials ? ['CORS_ALLOW_CREDENTIALS = True'] : []),
    ...(input.maxAge !== null ? [`CORS_PREFLIGHT_MAX_AGE = ${input.maxAge}`] : []),
  ];
  return { stack: 'django', label: 'Django (django-cors-headers)', code: code.join('\n') };
}

function spring(input: SnippetInput): Snippet {
  const s = safeValues(input, () => true);
  const list = (xs: readonly string[]) => `List.of(${xs.map(javaString).join(', ')})`;
  const body = [
    'CorsConfiguration config = new CorsConfiguration();',
    ...(s.origin !== null ? [`config.setAllowedOrigins(${list([s.origin])});`] : []),
    ...(s.methods.length > 0 ? [`config.setAllowedMethods(${list(s.methods)});`] : []),
    ...(s.headers.length > 0 ? [`config.setAllowedHeaders(${list(s.headers)});`] : []),
    ...(input.credentials ? ['config.setAllowCredentials(true);'] : []),
    ...(input.maxAge !== null ? [`config.setMaxAge(${input.maxAge}L);`] : []),
    'UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    'source.registerCorsConfiguration("/**", config);',
    'return source;',
  ];
  const code = [
    '// Spring (CorsConfiguration). With Spring Security, also call http.cors(Customizer.withDefaults()):',
    '// the CorsFilter then answers preflights before authentication.',
    ...comment('//', s.notes),
    ...comment('//', advice(input)),
    '@Bean',
    'CorsConfigurationSource corsConfigurationSource() {',
    ...body.map((l) => `    ${l}`),
    '}',
  ];
  return { stack: 'spring', label: 'Spring (CorsConfiguration)', code: code.join('\n') };
}

function go(input: SnippetInput): Snippet {
  const s = safeValues(input, () => true);
  const inner: string[] = ['h := w.Header()', 'h.Add("Vary", "Origin")'];
  if (s.origin !== null) {
    inner.push('if r.Header.Get("Origin") == allowedOrigin {', '\th.Set("Access-Control-Allow-Origin", allowedOrigin)');
    if (input.credentials) inner.push('\th.Set("Access-Control-Allow-Credentials", "true")');
    inner.push('}');
  }
  inner.push('if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {');
  if (s.methods.length > 0) inner.push(`\th.Set("Access-Control-Allow-Methods", ${goString(s.methods.join(', '))})`);
  if (s.headers.length > 0) inner.push(`\th.Set("Access-Control-Allow-Headers", ${goString(s.headers.join(', '))})`);
  if (input.maxAge !== null) inner.push(`\th.Set("Access-Control-Max-Age", "${input.maxAge}")`);
  inner.push('\tw.WriteHeader(http.StatusNoContent)', '\treturn', '}', 'next.ServeHTTP(w, r)');
  const code = [
    '// Go, plain net/http middleware (no library: exact string comparison, nothing is a pattern).',
    '// Wrap the outermost handler, outside authentication and redirecting routers: withCORS(mux).',
    '// Headers are set before the handler runs, so its error responses carry them too.',
    ...comment('//', s.notes),
    ...comment('//', advice(input)),
    'func withCORS(next http.Handler) http.Handler {',
    ...(s.origin !== null ? [`\tconst allowedOrigin = ${goString(s.origin)}`] : []),
    '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
    ...inner.map((l) => `\t\t${l}`),
    '\t})',
    '}',
  ];
  return { stack: 'go', label: 'Go (net/http middleware)', code: code.join('\n') };
}

const BUILDERS: readonly ((input: SnippetInput) => Snippet)[] = [express, nginx, apache, flask, django, spring, go];

export function buildSnippets(input: SnippetInput): Snippet[] {
  return BUILDERS.map((b) => b(input));
}

/** Snippets for a blocked exchange; empty when the fix is not on the server. */
export function snippetsFor(record: ExchangeRecord, evaluation: Evaluation, fix: Fix | null): Snippet[] {
  const input = snippetInput(record, evaluation, fix);
  return input ? buildSnippets(input) : [];
}
