/**
 * Django with django-cors-headers. Methods and headers extend the package's defaults instead of replacing them,
 * so the requests that already worked keep working. The middleware goes first because CommonMiddleware's
 * APPEND_SLASH redirect and authentication would otherwise answer the preflight before it could.
 */
import { pyString } from '../literals';
import { notesAndAdvice, safeValues, type Snippet, type SnippetInput } from './input';

export function django(input: SnippetInput): Snippet<'django'> {
  const s = safeValues(input, () => true);
  const code = [
    '# settings.py -- pip install django-cors-headers',
    ...notesAndAdvice('#', s, input),
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
