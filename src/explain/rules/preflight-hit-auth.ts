/** 401/403 on OPTIONS: authentication ran before CORS, and a preflight never carries credentials. */
import { type Rule, statusName } from '../context';

export const preflightHitAuth: Rule = (c) => {
  if (c.error.stage !== 'preflight' || (c.status !== 401 && c.status !== 403)) return null;
  return (
    `The preflight was answered ${statusName(c.status)}. A preflight never carries cookies or an Authorization header, ` +
    'so authentication rejected it: let OPTIONS requests through before authentication runs (put the CORS layer first and have it answer preflights itself).'
  );
};
