/** `*` in Access-Control-Allow-Headers is a header literally named `*` once credentials are sent. */
import { allowListItems } from '../../cors';
import { cap } from '../captured';
import type { Rule } from '../context';

export const headersWildcardWithCredentials: Rule = (c) => {
  if (c.code !== 'HeaderDisallowedByPreflightResponse' || c.received === null) return null;
  if (!allowListItems(c.received).includes('*') || c.ev.credentials !== 'include') return null;
  return `Access-Control-Allow-Headers: * is a wildcard only for requests without credentials. This request had credentials, so * counts as a header literally named '*': list ${cap(c.fp)} by name.`;
};
