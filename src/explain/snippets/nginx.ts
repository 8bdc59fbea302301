/**
 * nginx. add_header values are nginx strings, in which `$` starts a variable and has no escape, so a value
 * holding one is left out rather than expanded. The origin lines are written inside the OPTIONS `if` as well as
 * after it because an `add_header` in a nested block replaces every `add_header` inherited from outside it:
 * without the repeat the preflight answer would carry no Access-Control-Allow-Origin at all.
 */
import { nginxString } from '../literals';
import { notesAndAdvice, safeValues, type Snippet, type SnippetInput } from './input';

export function nginx(input: SnippetInput): Snippet<'nginx'> {
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
    ...notesAndAdvice('#', s, input),
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
