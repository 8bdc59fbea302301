/**
 * A non-2xx preflight for a reason other than authentication: no OPTIONS route, or the server failed. Chrome
 * checks the CORS headers before the status, so the status can be the second problem behind the reported one.
 */
import { browserWords } from '../browser-words';
import { type Rule, statusName } from '../context';

export const preflightStatus: Rule = (c) => {
  if (c.error.stage !== 'preflight' || c.code === 'PreflightDisallowedRedirect' || c.status === 0) return null;
  if (c.status >= 200 && c.status < 300) return null;
  if (c.status === 401 || c.status === 403) return null;
  const first =
    c.code === 'PreflightInvalidStatus'
      ? ''
      : browserWords(c.x.capture).isChrome
        ? `Chrome checks the CORS headers before the status, so it reports ${c.code}; the status ${c.status} must be fixed too. `
        : `The status ${c.status} must be fixed too. `;
  const why =
    c.status === 404 || c.status === 405 || c.status === 501
      ? `The server has no handler for OPTIONS at this URL (${statusName(c.status)}): the CORS layer must answer preflights itself, before routing.`
      : c.status >= 500
        ? `The server failed on the OPTIONS request (${statusName(c.status)}): check its logs; the CORS layer should answer preflights before the application runs.`
        : `A preflight must be answered with a 2xx status; ${statusName(c.status)} is not one. Answer OPTIONS with 204 No Content.`;
  return first + why;
};
