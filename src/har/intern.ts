/**
 * One copy of each header name and value among the entries a large capture keeps. JSON.parse makes a new string
 * for every occurrence, and a capture repeats the same few hundred (User-Agent, Accept, the page's Origin and
 * Referer, the server's Access-Control-* lines) in every entry: kept once, a kept entry's headers take about
 * 40% less memory (measured on the realistic capture's CORS entries: 1,983 bytes an entry, then 1,190).
 */
import type { Header } from '../cors';

/** Longer values are rarely repeated (URLs with ids, tokens): not worth a lookup. */
const LONGEST = 256;
/** A bound on the table, for a capture with unbounded distinct values. */
const MOST = 100_000;

export class StringTable {
  private readonly table = new Map<string, string>();

  get(s: string): string {
    if (s.length > LONGEST) return s;
    const known = this.table.get(s);
    if (known !== undefined) return known;
    if (this.table.size >= MOST) this.table.clear();
    this.table.set(s, s);
    return s;
  }

  /**
   * Points each header at the table's copies. The headers are changed in place, so only headers the caller made
   * (parsed from its own text) may be passed: never a library user's objects.
   */
  headers(list: readonly Header[]): void {
    for (const h of list as { name: string; value: string }[]) {
      h.name = this.get(h.name);
      h.value = this.get(h.value);
    }
  }
}
