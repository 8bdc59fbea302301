/**
 * Go, plain net/http middleware with the policy as a table, so nothing about the match is hidden: origins are
 * looked up exactly, never as patterns, a part covers its prefixes segment by segment, and Vary: Origin is
 * always added because the answer depends on it. A preflight is told apart from another OPTIONS request by its
 * Access-Control-Request-Method header.
 */
import { goString } from '../../explain/literals';
import type { Snippet } from '../../explain/snippets';
import type { Policy } from '../types';
import { advice, comments, type RenderPart, renderInput, where } from './input';

function row(p: RenderPart): string[] {
  return [
    `\t{ // ${where(p)}`,
    `\t\tprefixes:    []string{${p.paths.map(goString).join(', ')}},`,
    `\t\torigins:     map[string]bool{${p.origins.map((o) => `${goString(o)}: true`).join(', ')}},`,
    `\t\tmethods:     ${goString(p.methods.join(', '))},`,
    `\t\theaders:     ${goString(p.headers.join(', '))},`,
    `\t\tcredentials: ${p.credentials},`,
    `\t\tmaxAge:      ${goString(p.maxAge === null ? '' : String(p.maxAge))},`,
    ...(p.expose.length > 0 ? [`\t\t// expose:   ${goString(p.expose.join(', '))},`] : []),
    '\t},',
  ];
}

const MIDDLEWARE = `func (p corsPart) covers(path string) bool {
\tfor _, pre := range p.prefixes {
\t\tif pre == "/" || path == pre || strings.HasPrefix(path, pre+"/") {
\t\t\treturn true
\t\t}
\t}
\treturn false
}

func withCORS(next http.Handler) http.Handler {
\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
\t\th := w.Header()
\t\th.Add("Vary", "Origin")
\t\torigin := r.Header.Get("Origin")
\t\tfor _, p := range corsPolicy {
\t\t\tif !p.covers(r.URL.Path) || !p.origins[origin] {
\t\t\t\tcontinue
\t\t\t}
\t\t\th.Set("Access-Control-Allow-Origin", origin)
\t\t\tif p.credentials {
\t\t\t\th.Set("Access-Control-Allow-Credentials", "true")
\t\t\t}
\t\t\tif r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
\t\t\t\tfor name, value := range map[string]string{"Access-Control-Allow-Methods": p.methods, "Access-Control-Allow-Headers": p.headers, "Access-Control-Max-Age": p.maxAge} {
\t\t\t\t\tif value != "" {
\t\t\t\t\t\th.Set(name, value)
\t\t\t\t\t}
\t\t\t\t}
\t\t\t\tw.WriteHeader(http.StatusNoContent)
\t\t\t\treturn
\t\t\t}
\t\t\tbreak
\t\t}
\t\tnext.ServeHTTP(w, r)
\t})
}`;

export function goPolicy(policy: Policy): Snippet<'go'> {
  const input = renderInput(policy);
  const code = [
    '// Go, plain net/http middleware (imports net/http and strings). Wrap the outermost handler, outside',
    '// authentication and redirecting routers: withCORS(mux). Headers are set before the handler runs, so its',
    '// error responses carry them too.',
    ...comments('//', advice(input.parts, input.split ? 'parts' : 'whole')),
    'type corsPart struct {',
    '\tprefixes    []string',
    '\torigins     map[string]bool',
    '\tmethods     string',
    '\theaders     string',
    '\tcredentials bool',
    '\tmaxAge      string',
    '}',
    '',
    'var corsPolicy = []corsPart{',
    ...input.parts.flatMap(row),
    '}',
    '',
    MIDDLEWARE,
  ];
  return { stack: 'go', label: 'Go (net/http middleware)', code: code.join('\n') };
}
