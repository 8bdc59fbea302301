/**
 * Express, through the `cors` package, one middleware per part. Its options are always written out: left out,
 * `methods` sends the package's default list (PUT, PATCH, DELETE, ...) and `allowedHeaders` reflects whatever a
 * preflight asks for, both more than the capture showed. `origin` as an array of strings is compared exactly.
 */
import { jsString } from '../../explain/literals';
import type { Snippet } from '../../explain/snippets';
import type { Policy } from '../types';
import { advice, comments, type RenderPart, renderInput, where } from './input';

const list = (xs: readonly string[]) => `[${xs.map(jsString).join(', ')}]`;

function options(p: RenderPart): string[] {
  return [
    `  origin: ${list(p.origins)},`,
    `  methods: ${list(p.methods)},`,
    `  allowedHeaders: ${list(p.headers)},`,
    `  credentials: ${p.credentials},`,
    ...(p.maxAge !== null ? [`  maxAge: ${p.maxAge},`] : []),
    ...(p.expose.length > 0 ? [`  // exposedHeaders: ${list(p.expose)},`] : []),
    '  optionsSuccessStatus: 204,',
  ];
}

export function expressPolicy(policy: Policy): Snippet<'express'> {
  const input = renderInput(policy);
  const blocks = input.parts.flatMap((p, i) => {
    const name = input.parts.length === 1 ? 'corsPolicy' : `corsPart${i + 1}`;
    const mount = p.paths.includes('/') ? `app.use(${name});` : `app.use(${list(p.paths)}, ${name});`;
    return ['', `// For ${where(p)}.`, `const ${name} = cors({`, ...options(p), '});', mount];
  });
  const code = [
    '// npm install cors',
    '// Mount before authentication, redirects and routes: the cors middleware answers preflights itself (204)',
    '// and sets the headers before any handler runs, so error responses carry them too. Origins are compared',
    '// exactly; methods and allowedHeaders are set even when empty, or cors would allow more than the app uses.',
    ...comments('//', advice(input.parts, input.split ? 'parts' : 'whole')),
    "const cors = require('cors');",
    ...blocks,
  ];
  return { stack: 'express', label: 'Express (cors package)', code: code.join('\n') };
}
