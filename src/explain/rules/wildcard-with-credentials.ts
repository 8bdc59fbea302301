/** `*` with credentials: the server must name the origin, or the page must stop sending credentials. */
import { baseCode } from '../../cors';
import { credentialsEvidence, q, type Rule } from '../context';

export const wildcardWithCredentials: Rule = (c) => {
  if (baseCode(c.code) !== 'WildcardOriginNotAllowed') return null;
  return (
    `The request was sent with credentials (${credentialsEvidence(c)}). With credentials the server must name the origin exactly (${q(c.hopOrigin)}), ` +
    "send Access-Control-Allow-Credentials: true, and Vary: Origin. If the request does not need cookies, remove credentials: 'include' (or withCredentials) in the page instead."
  );
};
