/**
 * The fix as the lines a server owner reads: the status to answer with, the header lines to send, the ones to
 * stop sending. Shared by every face that shows a fix as text (panel, reports).
 */
import type { Fix } from './fix';
import { clean } from './display';

export function fixLines(fix: Fix): string[] {
  const lines: string[] = [];
  if (fix.pageSide === 'request-mode') lines.push('(in the page) use mode: "cors" for this request');
  if (fix.pageSide === 'scheme') lines.push('(in the page) request an http: or https: URL');
  if (fix.status !== null) lines.push(`HTTP status: ${fix.status}`);
  if (fix.location && 'remove' in fix.location) lines.push('(no redirect: answer this request directly)');
  if (fix.location && 'replaceWith' in fix.location) lines.push(`Location: ${clean(fix.location.replaceWith)}`);
  for (const h of fix.headers) lines.push(`${h.name}: ${clean(h.value)}`);
  for (const name of fix.removeHeaders) lines.push(`(remove) ${name}`);
  return lines;
}
