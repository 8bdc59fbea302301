/**
 * A HAR header list as the producers write it → the engine's header list. Header lists are the bulk of a
 * capture, so a well-formed list is used as it is (no copy: a 100,000-entry HAR holds millions of header
 * objects); only a list that needs it is rebuilt:
 * - a value that is not a string (Polly.JS writes repeated headers as one array value: one line per item);
 * - from a producer that merges event data (chrome-har, Playwright, WebPageTest), the same header repeated in
 *   another letter case with the same value (`Origin` and `origin`): one header, not the list "a, a" that
 *   would otherwise fail as two values. A producer that writes the wire as it was keeps every line.
 */
import type { Header } from '../cors';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: Json): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** The list, or why it cannot be one. `where` names it in the reason ("request.headers"). */
export function headerList(v: Json, where: string, rawHeaders: boolean): Header[] | string {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return `${where} is ${v === null ? 'null' : isObject(v) ? 'an object' : `a ${typeof v}`}, expected an array`;
  let plain = true;
  for (let i = 0; i < v.length; i++) {
    const h = v[i];
    if (!isObject(h) || typeof h.name !== 'string') return `${where}[${i}] has no string "name"`;
    if (typeof h.value !== 'string') plain = false;
  }
  const list = plain ? (v as Header[]) : expand(v as Record<string, Json>[]);
  return rawHeaders || !hasCaseVariant(list) ? list : withoutCaseVariants(list);
}

function expand(v: readonly Record<string, Json>[]): Header[] {
  const out: Header[] = [];
  for (const h of v) {
    const name = h.name as string;
    if (Array.isArray(h.value)) for (const item of h.value) out.push({ name, value: text(item) });
    else out.push({ name, value: text(h.value) });
  }
  return out;
}

/** Cheap test first: most lists have no name twice, and this runs on every entry. */
function hasCaseVariant(list: readonly Header[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const a = (list[i] as Header).name;
    for (let j = 0; j < i; j++) {
      const b = (list[j] as Header).name;
      if (a !== b && a.length === b.length && a.toLowerCase() === b.toLowerCase()) return true;
    }
  }
  return false;
}

function withoutCaseVariants(list: readonly Header[]): Header[] {
  return list.filter((h, i) => !list.slice(0, i).some((e) => e.name !== h.name && e.name.toLowerCase() === h.name.toLowerCase() && e.value === h.value));
}
