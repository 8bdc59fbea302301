/**
 * Origin "null" after a cross-origin redirect: the browser stops naming the page's origin, which surprises
 * everyone whose server allow-lists that origin.
 */
import { cap } from '../captured';
import type { Rule } from '../context';

export const taintedOrigin: Rule = (c) => {
  if (c.hopOrigin !== 'null' || c.pageOrigin === 'null' || c.error.hop === 0) return null;
  const first = c.x.record.hops[0]?.url ?? c.x.url;
  const at = c.hop?.url ?? '';
  const star = c.ev.credentials === 'include' ? "'null' (with Access-Control-Allow-Credentials: true)" : "'*' (or 'null')";
  return (
    `The request to ${cap(first)} was redirected to another origin, so from then on the browser sends 'Origin: null' and checks the response from ${cap(at)} against 'null', not against ${cap(c.pageOrigin)}. ` +
    `Either that server answers Access-Control-Allow-Origin: ${star}, or, better, the page calls ${cap(at)} directly and the cross-origin redirect goes away.`
  );
};
