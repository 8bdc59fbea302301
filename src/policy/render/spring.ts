/**
 * Spring, as a corsConfigurationSource bean with one CorsConfiguration per part (Spring Security's
 * http.cors() looks the bean up, so its CorsFilter answers preflights before authentication). Spring rejects
 * any request whose method is not in allowedMethods, a simple GET included, so the list holds every method the
 * part's requests used. Values are Java literals, whose escaper never writes ASCII as \u.
 */
import { javaString } from '../../explain/literals';
import type { Snippet } from '../../explain/snippets';
import type { Policy } from '../types';
import { advice, comments, type RenderPart, renderInput, where } from './input';

const list = (xs: readonly string[]) => `List.of(${xs.map(javaString).join(', ')})`;

function config(p: RenderPart, name: string): string[] {
  const patterns = p.paths.includes('/') ? ['/**'] : p.paths.map((x) => `${x}/**`);
  return [
    `// ${where(p)}`,
    `CorsConfiguration ${name} = new CorsConfiguration();`,
    `${name}.setAllowedOrigins(${list(p.origins)});`,
    `${name}.setAllowedMethods(${list(p.allMethods)});`,
    `${name}.setAllowedHeaders(${list(p.headers)});`,
    `${name}.setAllowCredentials(${p.credentials});`,
    ...(p.maxAge !== null ? [`${name}.setMaxAge(${p.maxAge}L);`] : []),
    ...(p.expose.length > 0 ? [`// ${name}.setExposedHeaders(${list(p.expose)});`] : []),
    ...patterns.map((x) => `source.registerCorsConfiguration(${javaString(x)}, ${name});`),
  ];
}

export function springPolicy(policy: Policy): Snippet<'spring'> {
  const input = renderInput(policy);
  const body = [
    'UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();',
    ...input.parts.flatMap((p, i) => config(p, input.parts.length === 1 ? 'config' : `part${i + 1}`)),
    'return source;',
  ];
  const code = [
    '// Spring (CorsConfiguration). With Spring Security, also call http.cors(Customizer.withDefaults()): its',
    '// CorsFilter then answers preflights before authentication and sets the headers on error responses too.',
    ...comments('//', advice(input.parts, input.split ? 'parts' : 'whole')),
    '@Bean',
    'CorsConfigurationSource corsConfigurationSource() {',
    ...body.map((l) => `    ${l}`),
    '}',
  ];
  return { stack: 'spring', label: 'Spring (CorsConfiguration)', code: code.join('\n') };
}
