/**
 * Which item of an allow-list cannot be parsed. Chrome's failedParameter is empty here, so the engine reports
 * the item itself (`offending`); one bad item makes Chrome reject the whole header.
 */
import { browserWords } from '../browser-words';
import { q, type Rule } from '../context';

export const unparsableList: Rule = (c) => {
  if (c.code !== 'InvalidAllowMethodsPreflightResponse' && c.code !== 'InvalidAllowHeadersPreflightResponse') return null;
  const bad = c.error.offending;
  const what = c.code === 'InvalidAllowMethodsPreflightResponse' ? 'method' : 'header';
  return `${bad !== undefined ? `The item ${q(bad)} is not a valid ${what} name. ` : ''}Each item must be a bare ${what} name (no quotes, spaces, slashes or semicolons), separated by commas; one bad item makes ${browserWords(c.x.capture).noun} reject the whole header.`;
};
