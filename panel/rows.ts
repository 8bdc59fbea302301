/**
 * Exchanges → list rows and the filters over them. Everything a row shows is derived here once per exchange,
 * so filtering 10,000 rows on a keystroke is a string search over precomputed fields, nothing more.
 */
import { failingResponse, type VerdictKind } from '../src/cors';
import { firefoxReason, otherBrowserDiffers, shortSummary } from '../src/explain';
import type { AnalysedExchange } from '../src/har';

export interface Row {
  readonly x: AnalysedExchange;
  readonly key: number;
  readonly verdict: VerdictKind;
  /** The engine's error code (Chrome's, for a Chrome capture), or '' when not blocked. */
  readonly code: string;
  /** The failure in the capturing browser's own terms: Firefox's reason key in a Firefox capture, else the code. */
  readonly reason: string;
  /** Chrome and Firefox decide differently, or the other browser's decision hangs on what the capture lacks. */
  readonly differs: boolean;
  readonly method: string;
  readonly url: string;
  readonly path: string;
  /** The origin the request went to. */
  readonly target: string;
  /** The status of the response the verdict is about ('' when the request never got one). */
  readonly status: string;
  readonly summary: string;
  readonly hasWarnings: boolean;
  /** Lowercased URL, for the text filter. */
  readonly haystack: string;
}

export type VerdictFilter = 'blocked' | 'warnings' | 'differs' | 'all';

export interface Filter {
  readonly verdicts: VerdictFilter;
  /** Same-origin, no-cors and navigations are hidden unless asked for. */
  readonly showNotCors: boolean;
  readonly text: string;
}

export const DEFAULT_FILTER: Filter = { verdicts: 'all', showNotCors: false, text: '' };

const rowCache = new WeakMap<AnalysedExchange, Row>();
/** Origins named by rows, one string each: a live capture lists tens of thousands of rows to a handful of servers. */
let targets = new Map<string, string>();

export function rowOf(x: AnalysedExchange): Row {
  const cached = rowCache.get(x);
  if (cached) return cached;
  let path = x.url;
  let target = '';
  try {
    const u = new URL(x.url);
    path = `${u.pathname}${u.search}`;
    target = shared(u.origin === 'null' ? `${u.protocol}` : u.origin);
  } catch {
    // An unparsable URL is shown as it is.
  }
  const row: Row = {
    x,
    key: x.id,
    verdict: x.evaluation.verdict,
    code: x.evaluation.error?.code ?? '',
    reason: reasonOf(x),
    differs: otherBrowserDiffers(x),
    method: x.method,
    url: x.url,
    path,
    target,
    status: statusOf(x),
    summary: shortSummary(x),
    hasWarnings: x.warnings.length > 0,
    haystack: lowerCase(x.url),
  };
  rowCache.set(x, row);
  return row;
}

function shared(origin: string): string {
  const known = targets.get(origin);
  if (known !== undefined) return known;
  if (targets.size >= 1024) targets = new Map();
  targets.set(origin, origin);
  return origin;
}

/** The text lower-cased; the same string when it already is (toLowerCase() copies it either way). */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  return lower === text ? text : lower;
}

function reasonOf(x: AnalysedExchange): string {
  const code = x.evaluation.error?.code ?? '';
  if (x.record.browser !== 'firefox' || x.evaluation.verdict !== 'blocked') return code;
  return firefoxReason(x)?.key ?? code;
}

function statusOf(x: AnalysedExchange): string {
  const error = x.evaluation.error;
  if (error?.stage === 'preflight') {
    const s = failingResponse(x.record, error)?.status;
    return s === undefined ? '' : `${s} (OPTIONS)`;
  }
  const s = error ? failingResponse(x.record, error)?.status : x.record.hops[x.record.hops.length - 1]?.response?.status;
  return s === undefined || s === 0 ? '' : String(s);
}

export interface Counts {
  readonly cors: number;
  readonly blocked: number;
  readonly warnings: number;
  readonly differs: number;
  readonly notCors: number;
}

export function countRows(rows: readonly Row[]): Counts {
  let blocked = 0;
  let warnings = 0;
  let notCors = 0;
  let differs = 0;
  for (const r of rows) {
    if (r.differs) differs++;
    if (r.verdict === 'not-cors') notCors++;
    else if (r.verdict === 'blocked') blocked++;
    if (r.hasWarnings) warnings++;
  }
  return { cors: rows.length - notCors, blocked, warnings, differs, notCors };
}

export function applyFilter(rows: readonly Row[], f: Filter): Row[] {
  const needle = f.text.trim().toLowerCase();
  const out: Row[] = [];
  for (const r of rows) {
    if (r.verdict === 'not-cors' && !f.showNotCors) continue;
    if (f.verdicts === 'blocked' && r.verdict !== 'blocked') continue;
    if (f.verdicts === 'warnings' && !r.hasWarnings) continue;
    if (f.verdicts === 'differs' && !r.differs) continue;
    if (needle !== '' && !r.haystack.includes(needle)) continue;
    out.push(r);
  }
  return out;
}
