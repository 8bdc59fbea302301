/** Which response failed, in words: the preflight, a redirect hop, the final response after redirects. */
import type { StagedFailure } from '../cors';
import type { AnalysedExchange } from '../har/analyze';
import { cap } from './captured';
import { plural } from './context';
import { redactUrl } from './display';

export function where(x: AnalysedExchange, error: StagedFailure): string {
  const hop = x.record.hops[error.hop];
  const url = hop?.url ?? x.url;
  if (error.stage === 'preflight') {
    return error.hop === 0 ? 'the preflight (OPTIONS) response' : `the preflight (OPTIONS) response for ${cap(url)}, after ${plural(error.hop, 'redirect')}`;
  }
  if (error.stage === 'redirect') {
    const r = hop?.response;
    const detail = r ? ` (${r.status}${r.redirectUrl !== null ? ` to ${cap(redactUrl(r.redirectUrl))}` : ''})` : '';
    return `the redirect response of hop ${error.hop + 1}${detail}`;
  }
  return error.hop === 0 ? 'the response' : `the final response, from ${cap(url)} after ${plural(error.hop, 'redirect')}`;
}
