/**
 * A 4xx/5xx without CORS headers: the status is the real error and CORS only hides it. The most common CORS
 * failure in the wild is not a missing CORS setup but an error page or handler that runs before the CORS layer.
 */
import { CODES } from '../../cors';
import { type Rule, statusName } from '../context';

export const errorResponseHidesStatus: Rule = (c) => {
  if (c.error.stage === 'preflight' || CODES[c.code].family !== 'access' || c.status < 400) return null;
  const passed = c.hop?.preflight ? 'The preflight passed, so the request reached the server, and it' : 'The server';
  return (
    `${passed} answered ${statusName(c.status)}. That status is the real error; CORS hides it from the page ` +
    `(fetch rejects with "TypeError: Failed to fetch") because the error response lacks a valid ${c.header ?? 'Access-Control-Allow-Origin'}. ` +
    'Error responses need the CORS headers too: gateway error pages and error handlers that run before the CORS middleware often leave them out.'
  );
};
