/**
 * patch vs PATCH: browsers upper-case only six methods, and Access-Control-Allow-Methods is compared
 * case-sensitively, so a method that differs only in case is the most confusing "not allowed" there is.
 */
import { allowListItems, normaliseMethod } from '../../cors';
import { cap } from '../captured';
import { q, type Rule } from '../context';

export const methodCase: Rule = (c) => {
  if (c.code !== 'MethodDisallowedByPreflightResponse' || c.received === null) return null;
  const sameIgnoringCase = allowListItems(c.received).find((m) => m !== c.fp && m.toUpperCase() === c.fp.toUpperCase());
  if (sameIgnoringCase === undefined) return null;
  if (normaliseMethod(c.fp) === c.fp && c.fp === c.fp.toUpperCase()) {
    return `Access-Control-Allow-Methods lists ${q(sameIgnoringCase)}, but methods are compared case-sensitively: list ${cap(c.fp)}.`;
  }
  return (
    `The page sent the method as ${q(c.fp)}. Browsers upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT; any other method is sent as written ` +
    `and compared case-sensitively, so ${q(c.fp)} does not match ${q(sameIgnoringCase)}. Write method: ${q(c.fp.toUpperCase())} in the page.`
  );
};
