/**
 * Warnings: things that work today but are wrong, fragile or risky. None of them blocks a request.
 */
import { MAX_AGE_CAP } from '../http';
import { headerValue } from './headers';
import type { HeaderList } from './types';

export type WarningCode =
  /** `Access-Control-Allow-Headers: *` let `Authorization` through. The standard says it must not, and Chrome has deprecated it. */
  | 'AuthorizationCoveredByWildcard'
  /** `Access-Control-Allow-Origin: null` admits every sandboxed iframe, data: URL and redirected request. */
  | 'NullOriginAllowed'
  /** A specific Access-Control-Allow-Origin without `Vary: Origin`: a shared cache may hand one origin's answer to another. */
  | 'MissingVaryOrigin'
  /** Access-Control-Max-Age beyond what browsers keep: each browser's cap is in MAX_AGE_CAP. */
  | 'MaxAgeAboveBrowserCap'
  /** Credentials allowed for whatever origin asks: the server echoes Origin back with Access-Control-Allow-Credentials: true. */
  | 'CredentialedOriginReflection';

export interface CorsWarning {
  readonly code: WarningCode;
  /** The response the warning is about. */
  readonly stage: 'preflight' | 'response';
  readonly hop: number;
  readonly header?: string;
  readonly value?: string;
}

/** Smells visible on one response that passed the access check. */
export function responseWarnings(
  headers: HeaderList,
  stage: 'preflight' | 'response',
  hop: number,
): CorsWarning[] {
  const out: CorsWarning[] = [];
  const acao = headerValue(headers, 'access-control-allow-origin');
  const acac = headerValue(headers, 'access-control-allow-credentials');
  if (acao === 'null') {
    out.push({ code: 'NullOriginAllowed', stage, hop, header: 'Access-Control-Allow-Origin', value: acao });
    if (acac === 'true') {
      out.push({ code: 'CredentialedOriginReflection', stage, hop, header: 'Access-Control-Allow-Credentials', value: acac });
    }
  }
  if (stage === 'response' && acao !== null && acao !== '*' && !varies(headers, 'origin')) {
    out.push({ code: 'MissingVaryOrigin', stage, hop, header: 'Vary', value: headerValue(headers, 'vary') ?? '' });
  }
  if (stage === 'preflight') {
    const maxAge = headerValue(headers, 'access-control-max-age');
    if (maxAge !== null && /^\d+$/.test(maxAge) && Number(maxAge) > MAX_AGE_CAP.chrome) {
      out.push({ code: 'MaxAgeAboveBrowserCap', stage, hop, header: 'Access-Control-Max-Age', value: maxAge });
    }
  }
  return out;
}

function varies(headers: HeaderList, name: string): boolean {
  const vary = headerValue(headers, 'vary');
  if (vary === null) return false;
  return vary.split(',').some((v) => {
    const t = v.trim().toLowerCase();
    return t === name || t === '*';
  });
}
