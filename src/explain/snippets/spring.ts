/**
 * Spring, as a bean named corsConfigurationSource: Spring Security's http.cors() looks that bean up, so its
 * CorsFilter answers the preflight before authentication rather than a handler answering it after.
 * Values are Java literals, whose escaper never writes an ASCII character as \u, because Java decodes \u
 * escapes before it parses a string.
 */
import { javaString } from '../literals';
import { notesAndAdvice, safeValues, type Snippet, type SnippetInput } from './input';

export function spring(input: SnippetInput): Snippet<'spring'> {
  const s = safeValues(input, () => true);
  const list = (xs: readonly string[]) => `List.of(${xs.map(javaString).join(', ')})`;
  const body = [
    'CorsConfiguration config = new CorsConfiguration();',
    ...(s.origin !== null ? [`config.setAllowedOrigins(${list([s.origin])});`] : []),
    ...(s.methods.length > 0 ? [`config.setAllowedMethods(${list(s.methods)});`] : []),
    ...(s.headers.length > 0 ? [`config.setAllowedHeaders(${list(s.headers)});`] : []),
    ...(input.credentials ? ['config.setAllowCredentials(true);'] : []),
    ...(input.maxAge !== null ? [`config.setMaxAge(${input.maxAge}L);`] : []),
    'UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    'source.registerCorsConfiguration("/**", config);',
    'return source;',
  ];
  const code = [
    '// Spring (CorsConfiguration). With Spring Security, also call http.cors(Customizer.withDefaults()):',
    '// the CorsFilter then answers preflights before authentication.',
    ...notesAndAdvice('//', s, input),
    '@Bean',
    'CorsConfigurationSource corsConfigurationSource() {',
    ...body.map((l) => `    ${l}`),
    '}',
  ];
  return { stack: 'spring', label: 'Spring (CorsConfiguration)', code: code.join('\n') };
}
