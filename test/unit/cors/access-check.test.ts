import { describe, expect, test } from 'vitest';
import { checkAccess } from '../../../src/cors/access-check';
import type { CorsErrorCode, Header } from '../../../src/cors';

const ORIGIN = 'http://127.0.0.1:8001';
const acao = (...values: string[]): Header[] => values.map((value) => ({ name: 'Access-Control-Allow-Origin', value }));

// [case, headers, credentials, expected code or null, failedParameter]
// Sources: chromium-facts.md (observed in Chromium 156), Chromium cors.cc CheckAccess, WPT cors/origin.htm.
const table: [string, Header[], boolean, CorsErrorCode | null, string][] = [
  ['exact origin passes', acao(ORIGIN), false, null, ''],
  ['`*` passes without credentials', acao('*'), false, null, ''],
  ['missing header (Chromium 156: MissingAllowOriginHeader, "")', [], false, 'MissingAllowOriginHeader', ''],
  ['wrong origin names the value received', acao('http://127.0.0.1:9999'), false, 'AllowOriginMismatch', 'http://127.0.0.1:9999'],
  ['trailing slash is a mismatch (string compare)', acao(`${ORIGIN}/`), false, 'AllowOriginMismatch', `${ORIGIN}/`],
  ['upper-case scheme is a mismatch (Chromium 156)', acao('HTTP://127.0.0.1:8001'), false, 'AllowOriginMismatch', 'HTTP://127.0.0.1:8001'],
  ['localhost is not 127.0.0.1', acao('http://localhost:8001'), false, 'AllowOriginMismatch', 'http://localhost:8001'],
  ['empty value is InvalidAllowOriginValue "" (Chromium 156)', acao(''), false, 'InvalidAllowOriginValue', ''],
  ['surrounding spaces are trimmed (Chromium 156)', acao(`  ${ORIGIN}  `), false, null, ''],
  ['unparsable value', acao('not-a-url'), false, 'InvalidAllowOriginValue', 'not-a-url'],
  ['"null" does not match a real origin', acao('null'), false, 'AllowOriginMismatch', 'null'],
  ['two identical lines join to "v, v" (Chromium 156)', acao(ORIGIN, ORIGIN), false, 'MultipleAllowOriginValues', `${ORIGIN}, ${ORIGIN}`],
  ['two different lines', acao(ORIGIN, 'http://127.0.0.1:9999'), false, 'MultipleAllowOriginValues', `${ORIGIN}, http://127.0.0.1:9999`],
  ['space-separated list', acao(`${ORIGIN} http://x.test`), false, 'MultipleAllowOriginValues', `${ORIGIN} http://x.test`],
  ['`*` with credentials, whatever ACAC says (Chromium 156)', [...acao('*'), { name: 'Access-Control-Allow-Credentials', value: 'true' }], true, 'WildcardOriginNotAllowed', ''],
  ['credentials without ACAC: "" (Chromium 156)', acao(ORIGIN), true, 'InvalidAllowCredentials', ''],
  ['ACAC is case-sensitive: True fails (Chromium 156)', [...acao(ORIGIN), { name: 'Access-Control-Allow-Credentials', value: 'True' }], true, 'InvalidAllowCredentials', 'True'],
  ['ACAC true passes', [...acao(ORIGIN), { name: 'access-control-allow-credentials', value: 'true' }], true, null, ''],
  ['ACAC is ignored without credentials', [...acao(ORIGIN), { name: 'Access-Control-Allow-Credentials', value: 'nope' }], false, null, ''],
  ['origin check comes before credentials', acao('http://127.0.0.1:9999'), true, 'AllowOriginMismatch', 'http://127.0.0.1:9999'],
  ['header names are case-insensitive (HTTP/2 lower-case)', [{ name: 'access-control-allow-origin', value: ORIGIN }], false, null, ''],
];

describe('checkAccess', () => {
  test.each(table)('%s', (_name, headers, credentials, code, failedParameter) => {
    const result = checkAccess({ headers, origin: ORIGIN, credentials });
    expect(result?.code ?? null).toBe(code);
    if (code) expect(result?.failedParameter).toBe(failedParameter);
  });

  test('after a tainting redirect the origin is "null": ACAO null passes, the page origin fails', () => {
    expect(checkAccess({ headers: acao('null'), origin: 'null', credentials: false })).toBeNull();
    expect(checkAccess({ headers: acao(ORIGIN), origin: 'null', credentials: false })).toEqual({ code: 'AllowOriginMismatch', failedParameter: ORIGIN });
  });

});
