/** user:password@ in a cross-origin redirect's Location: the redirect must go without them. */
import type { Rule } from '../context';

export const redirectCredentials: Rule = (c) =>
  c.code === 'RedirectContainsCredentials'
    ? 'A cross-origin redirect may not carry user:password@ in its Location. Redirect to the URL without them, and send credentials in an Authorization header instead.'
    : null;
