/** localhost vs 127.0.0.1, a port, a scheme, a trailing slash, letter case: the near misses of an origin. */
import { baseCode } from '../../cors';
import type { Rule } from '../context';
import { describeOriginDifference } from '../origin-diff';

export const originDifference: Rule = (c) => {
  if (baseCode(c.code) !== 'AllowOriginMismatch') return null;
  if (c.hopOrigin === 'null') return null;
  return describeOriginDifference(c.received ?? '', c.hopOrigin);
};
