/**
 * Go, as plain net/http middleware with no library, so that nothing about the match is hidden: the origin is
 * compared exactly, never as a pattern, and Vary: Origin is always added because the answer depends on it. A
 * preflight is told apart from any other OPTIONS request by its Access-Control-Request-Method header, so an API
 * that serves OPTIONS itself still does.
 */
import { goString } from '../literals';
import { notesAndAdvice, safeValues, type Snippet, type SnippetInput } from './input';

export function go(input: SnippetInput): Snippet<'go'> {
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
    ...notesAndAdvice('//', s, input),
    'func withCORS(next http.Handler) http.Handler {',
    ...(s.origin !== null ? [`\tconst allowedOrigin = ${goString(s.origin)}`] : []),
    '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
    ...inner.map((l) => `\t\t${l}`),
    '\t})',
    '}',
  ];
  return { stack: 'go', label: 'Go (net/http middleware)', code: code.join('\n') };
}
