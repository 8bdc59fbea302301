/**
 * Apache httpd with mod_headers. Values are Apache config strings, which cannot carry `$` (`${...}` is expanded
 * at startup, with no escape) or a backslash reliably, so such values are left out. Vary is merged, not set, so
 * a Vary the application already sends survives. The preflight is answered by a RewriteRule in server context
 * because there it runs before authentication; in .htaccess it would run after, and a protected API would
 * answer the preflight 401.
 */
import { apacheString } from '../literals';
import { notesAndAdvice, safeValues, type Snippet, type SnippetInput } from './input';

export function apache(input: SnippetInput): Snippet<'apache'> {
  const s = safeValues(input, (v) => apacheString(v) !== null);
  const set = (name: string, value: string | null): string[] => (value === null ? [] : [`Header always set ${name} ${value}`]);
  const code = [
    '# In the <VirtualHost> that serves the API (server context, not .htaccess: there mod_rewrite runs after',
    '# authentication). Needs mod_headers and mod_rewrite. `always` covers error responses too.',
    ...notesAndAdvice('#', s, input),
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
