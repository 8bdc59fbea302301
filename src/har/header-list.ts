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
import { isObject, type Json } from './json';


function text(v: Json): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** The list, or why it cannot be one. `where` names it in the reason ("request.headers"). */
export function headerList(v: Json, where: string, rawHeaders: boolean): readonly Header[] | string {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return `${where} is ${v === null ? 'null' : isObject(v) ? 'an object' : `a ${typeof v}`}, expected an array`;
  let plain = true;
  for (let i = 0; i < v.length; i++) {
    const h = v[i];
    if (!isObject(h) || typeof h.name !== 'string') return `${where}[${i}] has no string "name"`;
    if (typeof h.value !== 'string') plain = false;
  }
  const list = plain ? (v as Header[]) : expand(v as Record<string, Json>[]);
  return rawHeaders ? list : mergeCaseVariants(list);
}

/** The list with a line repeated in another letter case (same value) kept once; the list itself when there is none. */
export function mergeCaseVariants(list: readonly Header[]): readonly Header[] {
  return hasCaseVariant(list) ? withoutCaseVariants(list) : list;
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

/** ASCII case-insensitive equality without allocating: this runs on every header of every entry. */
function sameName(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (lower(a.charCodeAt(i)) !== lower(b.charCodeAt(i))) return false;
  return true;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The same header line twice: the same value under a name that differs at most in letter case. */
export function repeats(a: Header, b: Header): boolean {
  return a.value === b.value && sameName(a.name, b.name);
}

/** Cheap test first: most lists have no name twice. */
function hasCaseVariant(list: readonly Header[]): boolean {
  for (let i = 1; i < list.length; i++) {
    const a = (list[i] as Header).name;
    for (let j = 0; j < i; j++) {
      const b = (list[j] as Header).name;
      if (a !== b && sameName(a, b)) return true;
    }
  }
  return false;
}

function withoutCaseVariants(list: readonly Header[]): Header[] {
  return list.filter((h, i) => !list.slice(0, i).some((e) => e.name !== h.name && repeats(e, h)));
}
