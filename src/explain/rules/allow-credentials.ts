/** Access-Control-Allow-Credentials missing, or not exactly the lower-case `true`. */
import { baseCode } from '../../cors';
import { credentialsEvidence, q, type Rule } from '../context';

export const allowCredentials: Rule = (c) => {
  if (baseCode(c.code) !== 'InvalidAllowCredentials') return null;
  const evidence = `The request was sent with credentials (${credentialsEvidence(c)}).`;
  if (c.received !== null && c.received.toLowerCase() === 'true') {
    return `${evidence} The value is compared case-sensitively: only the lower-case 'true' counts, not ${q(c.received)}.`;
  }
  return `${evidence} The server allowed the origin but did not say credentials are allowed: with credentials the response must also send Access-Control-Allow-Credentials: true.`;
};
