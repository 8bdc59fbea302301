/**
 * Access-Control-Allow-Methods and -Headers as Chromium's PreflightResult parses them: a comma-separated list
 * of tokens, whitespace around items ignored, empty items skipped. Any item that is not a token makes the whole
 * header invalid (InvalidAllowMethodsPreflightResponse / InvalidAllowHeadersPreflightResponse).
 */
import { trimOws } from './headers';
import { isToken } from '../http';

export type AllowList = { readonly ok: true; readonly items: ReadonlySet<string> } | { readonly ok: false };

export function parseAllowList(value: string | null, lowerCase: boolean): AllowList {
  const items = new Set<string>();
  if (value === null) return { ok: true, items };
  for (const raw of value.split(',')) {
    const item = trimOws(raw);
    if (item === '') continue;
    if (!isToken(item)) return { ok: false };
    items.add(lowerCase ? item.toLowerCase() : item);
  }
  return { ok: true, items };
}
