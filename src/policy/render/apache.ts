/**
 * Apache httpd, all in server context (the <VirtualHost>): there SetEnvIfExpr and mod_rewrite run before
 * authentication, where .htaccess or <Location> would run after it and answer the preflight 401. An env var per
 * part is set only when the Origin is exactly one on the list (ap_expr `in`, a case-sensitive comparison) and
 * the path is the part's; Access-Control-Allow-Origin then sends that Origin, which equals a listed value.
 * Values are Apache strings: apacheString refuses `$` and backslashes, and regexes write a dot as `[.]`.
 */
import { apacheString } from '../../explain/literals';
import type { Snippet } from '../../explain/snippets';
import type { Policy } from '../types';
import { advice, comments, pathRegex, type RenderPart, renderInput, where } from './input';

const q = (v: string) => apacheString(v) as string;

function part(p: RenderPart, env: string): string[] {
  const inList = `%{HTTP:Origin} in {${p.origins.map((o) => `'${o}'`).join(', ')}}`;
  const cond = p.paths.includes('/') ? inList : `%{REQUEST_URI} =~ m#${pathRegex(p)}# && ${inList}`;
  const set = (name: string, value: string) => `Header always set ${name} ${value} env=${env}`;
  return [
    `# For ${where(p)}:`,
    ...(p.origins.length > 0 ? [`SetEnvIfExpr "${cond}" ${env}`] : []),
    set('Access-Control-Allow-Origin', '"%{Origin}i"'),
    ...(p.credentials ? [set('Access-Control-Allow-Credentials', '"true"')] : []),
    ...(p.methods.length > 0 ? [set('Access-Control-Allow-Methods', q(p.methods.join(', ')))] : []),
    ...(p.headers.length > 0 ? [set('Access-Control-Allow-Headers', q(p.headers.join(', ')))] : []),
    ...(p.maxAge !== null ? [set('Access-Control-Max-Age', `"${p.maxAge}"`)] : []),
    ...(p.expose.length > 0 ? [`# ${set('Access-Control-Expose-Headers', q(p.expose.join(', ')))}`] : []),
  ];
}

export function apachePolicy(policy: Policy): Snippet<'apache'> {
  const input = renderInput(policy, (v) => apacheString(v) !== null);
  const preflighted = input.parts.filter((p) => p.preflight);
  const rewrite = preflighted.length === 0 ? [] : [
    '',
    '# Answer preflights with 204 before authentication or any redirect:',
    'RewriteEngine On',
    'RewriteCond %{REQUEST_METHOD} =OPTIONS',
    'RewriteCond %{HTTP:Access-Control-Request-Method} !^$',
    ...(preflighted.some((p) => p.paths.includes('/')) ? [] : [`RewriteCond %{REQUEST_URI} ${preflighted.map(pathRegex).join('|')}`]),
    'RewriteRule ^ - [R=204,L]',
  ];
  const code = [
    '# In the <VirtualHost> that serves this API (server context, not .htaccess or <Location>: there these run',
    '# after authentication). Needs mod_headers, mod_setenvif and mod_rewrite. `always` covers error responses.',
    ...comments('#', advice(input.parts, input.split ? 'parts' : 'whole')),
    ...input.parts.flatMap((p, i) => ['', ...part(p, input.parts.length === 1 ? 'CORS_ALLOWED' : `CORS_PART_${i + 1}`)]),
    'Header always merge Vary "Origin"',
    ...rewrite,
  ];
  return { stack: 'apache', label: 'Apache (mod_headers)', code: code.join('\n') };
}
