/**
 * The table rows that name the failure by its codes, for both Markdown faces (`check --format markdown` and the
 * exported report). A capture is named in its own browser's terms first: Chrome's error for a Chrome capture,
 * Firefox's reason key for a Firefox one, where the engine's code is only CORS Lens's name for the check.
 */
import type { Explanation } from '../explain';
import type { AnalysedExchange } from '../har';
import { mdCell } from './markdown-text';

export function codeRows(x: AnalysedExchange, e: Explanation, t: (s: string) => string = (s) => s): string[] {
  const err = x.evaluation.error;
  if (!err) return [];
  const code = `${mdCell(err.code)}${err.failedParameter ? ` (${mdCell(t(err.failedParameter))})` : ''}`;
  const firefox = e.firefoxKey ? `| Firefox reason | ${mdCell(e.firefoxKey)} |` : null;
  if (x.record.browser === 'firefox') return [...(firefox ? [firefox] : []), `| CORS Lens check | ${code} |`];
  return [`| Chrome error | ${code} |`, ...(firefox ? [firefox] : [])];
}
