/**
 * Express, through the `cors` package rather than hand-set headers: mounted first, it answers preflights itself
 * and sets the headers before any route, redirect or error handler can send a response without them. Values
 * land in JavaScript string literals, which can hold any string, so only non-tokens are left out.
 */
import { jsString } from '../literals';
import { notesAndAdvice, safeValues, type Snippet, type SnippetInput } from './input';

export function express(input: SnippetInput): Snippet<'express'> {
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
    ...notesAndAdvice('//', s, input),
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
