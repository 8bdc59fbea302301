/**
 * Flask with Flask-CORS, one `resources` entry per part (a path regex). Flask-CORS answers a preflight only for
 * a method on its list and defaults to every method and to reflecting any requested header, so `methods` is
 * every method the part's requests used (safelisted ones add no privilege) and `allow_headers` is always set.
 * Origins and header names holding a regex metacharacter are matched as themselves (flaskPattern).
 */
import { pyString } from '../../explain/literals';
import type { Snippet } from '../../explain/snippets';
import { flaskPattern } from '../../explain/snippets/flask';
import type { Policy } from '../types';
import { advice, comments, pathRegex, type RenderPart, renderInput, where } from './input';

const list = (xs: readonly string[], f: (v: string) => string) => `[${xs.map(f).join(', ')}]`;

function resource(p: RenderPart): string[] {
  const key = p.paths.includes('/') ? pyString('/*') : pyString(pathRegex(p));
  return [
    `        # ${where(p)}`,
    `        ${key}: {`,
    `            "origins": ${list(p.origins, flaskPattern)},`,
    `            "methods": ${list(p.allMethods, pyString)},`,
    `            "allow_headers": ${list(p.headers, flaskPattern)},`,
    `            "supports_credentials": ${p.credentials ? 'True' : 'False'},`,
    ...(p.maxAge !== null ? [`            "max_age": ${p.maxAge},`] : []),
    ...(p.expose.length > 0 ? [`            # "expose_headers": ${list(p.expose, pyString)},`] : []),
    '        },',
  ];
}

export function flaskPolicy(policy: Policy): Snippet<'flask'> {
  const input = renderInput(policy);
  const needsRe = input.parts.some((p) => [...p.origins, ...p.headers].some((v) => flaskPattern(v) !== pyString(v)));
  const lowerMethod = input.parts.some((p) => p.methods.some((m) => m !== m.toUpperCase()));
  const code = [
    '# pip install flask-cors',
    '# Right after app = Flask(__name__): Flask-CORS answers OPTIONS itself, before your views and auth',
    '# decorators, and adds the headers to error responses too.',
    ...comments('#', advice(input.parts, input.split ? 'parts' : 'whole')),
    ...(lowerMethod ? ['# Flask-CORS upper-cases method names; a page sending a lower-case method must send it upper-case.'] : []),
    ...(needsRe ? ['import re', ''] : []),
    'from flask_cors import CORS',
    '',
    'CORS(',
    '    app,',
    '    resources={',
    ...input.parts.flatMap(resource),
    '    },',
    ')',
  ];
  return { stack: 'flask', label: 'Flask (Flask-CORS)', code: code.join('\n') };
}
