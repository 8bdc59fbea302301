/**
 * nginx: a `map` per part turns the request's Origin into the value to send (empty, so no header at all, for
 * an origin outside the list), then add_header lines in the location(s) serving the part's paths. The map's
 * value is the listed origin itself, never `$http_origin`, so nothing the request sent is echoed. The preflight
 * lines are repeated inside the OPTIONS `if` because an add_header there replaces every inherited one.
 */
import { nginxString } from '../../explain/literals';
import type { Snippet } from '../../explain/snippets';
import type { Policy } from '../types';
import { advice, comments, type RenderPart, renderInput, where } from './input';

const q = (v: string) => nginxString(v) as string;
const add = (name: string, value: string) => `add_header ${name} ${value} always;`;

function part(p: RenderPart, variable: string): { map: string[]; lines: string[] } {
  const map = [`map $http_origin ${variable} {`, '    default "";', ...p.origins.map((o) => `    ${q(o)} ${q(o)};`), '}'];
  const origin = [add('Access-Control-Allow-Origin', variable), ...(p.credentials ? [add('Access-Control-Allow-Credentials', '"true"')] : []), add('Vary', '"Origin"')];
  const preflight = [
    ...origin,
    ...(p.methods.length > 0 ? [add('Access-Control-Allow-Methods', q(p.methods.join(', ')))] : []),
    ...(p.headers.length > 0 ? [add('Access-Control-Allow-Headers', q(p.headers.join(', ')))] : []),
    ...(p.maxAge !== null ? [add('Access-Control-Max-Age', `"${p.maxAge}"`)] : []),
  ];
  const lines = [
    `# In the location block(s) serving ${where(p)}:`,
    ...(p.preflight ? ['if ($request_method = OPTIONS) {', ...preflight.map((l) => `    ${l}`), '    return 204;', '}'] : []),
    ...origin,
    ...(p.expose.length > 0 ? [`# ${add('Access-Control-Expose-Headers', q(p.expose.join(', ')))}`] : []),
  ];
  return { map, lines };
}

export function nginxPolicy(policy: Policy): Snippet<'nginx'> {
  const input = renderInput(policy, (v) => nginxString(v) !== null);
  const built = input.parts.map((p, i) => part(p, input.parts.length === 1 ? '$cors_origin' : `$cors_origin_${i + 1}`));
  const code = [
    '# `always` adds the headers to error responses too. The `if` runs in the rewrite phase, so it answers',
    '# the preflight before auth_basic / auth_request and before any proxy_pass.',
    ...comments('#', advice(input.parts, input.split ? 'parts' : 'whole')),
    '# In the http block (a map is defined there): the value to send for each allowed Origin.',
    ...built.flatMap((b) => b.map),
    ...built.flatMap((b) => ['', ...b.lines]),
  ];
  return { stack: 'nginx', label: 'nginx', code: code.join('\n') };
}
