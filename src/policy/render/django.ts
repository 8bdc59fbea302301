/**
 * Django with django-cors-headers. The package takes one configuration per site, so it gets the whole origin's
 * (the union of the parts, said so in a comment when the target is split) and CORS_URLS_REGEX limits it to the
 * parts' paths. Every list is set even when empty: the package's defaults allow methods and headers (DELETE,
 * authorization, x-csrftoken, ...) the capture did not show.
 */
import { pyString } from '../../explain/literals';
import type { Snippet } from '../../explain/snippets';
import type { Policy } from '../types';
import { advice, comments, pathRegex, renderInput } from './input';

export function djangoPolicy(policy: Policy): Snippet<'django'> {
  const input = renderInput(policy);
  const w = input.whole;
  const list = (xs: readonly string[]) => `[${xs.map(pyString).join(', ')}]`;
  const urls = input.split ? pathRegex({ ...w, paths: input.parts.flatMap((p) => p.paths) }) : null;
  const code = [
    '# settings.py -- pip install django-cors-headers',
    ...comments('#', advice([w], input.split ? 'whole-of-split' : 'whole')),
    'INSTALLED_APPS += ["corsheaders"]',
    '# First in MIDDLEWARE: before CommonMiddleware (APPEND_SLASH redirects) and authentication, so it answers',
    '# preflights itself and its headers reach error responses too.',
    'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")',
    '',
    `CORS_ALLOWED_ORIGINS = ${list(w.origins)}`,
    ...(urls !== null ? [`CORS_URLS_REGEX = ${pyString(urls)}`] : []),
    `CORS_ALLOW_METHODS = ${list(w.allMethods)}`,
    `CORS_ALLOW_HEADERS = ${list(w.headers)}`,
    `CORS_ALLOW_CREDENTIALS = ${w.credentials ? 'True' : 'False'}`,
    ...(w.maxAge !== null ? [`CORS_PREFLIGHT_MAX_AGE = ${w.maxAge}`] : []),
    ...(w.expose.length > 0 ? [`# CORS_EXPOSE_HEADERS = ${list(w.expose)}`] : []),
  ];
  return { stack: 'django', label: 'Django (django-cors-headers)', code: code.join('\n') };
}
