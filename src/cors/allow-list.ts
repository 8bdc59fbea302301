/**
 * Access-Control-Allow-Methods and -Headers as Chromium's PreflightResult parses them: a comma-separated list
 * of tokens, whitespace around items ignored, empty items skipped. Any item that is not a token makes the whole
 * header invalid (InvalidAllowMethodsPreflightResponse / InvalidAllowHeadersPreflightResponse). The parse names
 * the item that broke it, because Chrome's failedParameter is empty there and the user needs to know which one.
 */
import { isToken } from '../http';
import { trimOws } from './headers';

export type AllowList =
  | { readonly ok: true; readonly items: ReadonlySet<string> }
  /** `bad`: the first item that is not a token, as written. */
  | { readonly ok: false; readonly bad: string };

/** The list's items in order, trimmed as Chromium trims them, empty ones skipped, nothing validated. */
export function allowListItems(value: string | null): string[] {
  if (value === null) return [];
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const item = trimOws(raw);
    if (item !== '') out.push(item);
  }
  return out;
}

export function parseAllowList(value: string | null, lowerCase: boolean): AllowList {
  const items = new Set<string>();
  if (value === null) return { ok: true, items };
  // The same walk as allowListItems, without its array: every preflight of a capture is parsed here.
  for (const raw of value.split(',')) {
    const item = trimOws(raw);
    if (item === '') continue;
    if (!isToken(item)) return { ok: false, bad: item };
    items.add(lowerCase ? item.toLowerCase() : item);
  }
  return { ok: true, items };
}
