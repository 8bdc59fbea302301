/**
 * An entry read without parsing all of it. Most entries of a capture are inert (inert.ts), and parsing each in
 * full (initiator stacks, timings, cookies, bodies) only to count it cost more than analysing the rest. The
 * members the engine reads of an inert entry (request url, method and headers; response status, headers,
 * redirectURL and failure fields; _resourceType, _initiator.type, startedDateTime, pageref) are cut out of the
 * text at the key marks the scanner left (json-outline.ts) and parsed alone into a stand-in raw entry, which
 * parseEntry and isInert judge as they would the whole one.
 *
 * Only text that leaves no doubt is read so: ASCII only (a byte offset is then a string offset), no \u escape
 * (a key or a header name could hide behind one), each member written once, header lists exactly in the
 * `{"name": ..., "value": ...}` form every producer seen writes. Anything else gives null: parse it in full.
 * What is not read is not checked: a syntax error in an inert entry's stack or cookies goes unnoticed, where a
 * full read would skip the entry as "not JSON".
 */
import type { Json } from './json';

const SPACE = '[ \\t\\n\\r]*';
/** A JSON string: no raw control character, no quote or backslash but in an escape (\u excluded before). */
const STRING = '"(?:[^"\\\\\\x00-\\x1f]|\\\\["\\\\/bfnrt])*"';
const HEADER = `\\{${SPACE}"name"${SPACE}:${SPACE}${STRING}${SPACE},${SPACE}"value"${SPACE}:${SPACE}${STRING}${SPACE}\\}`;
const HEADER_LIST = /* @__PURE__ */ new RegExp(`^\\[${SPACE}(?:${HEADER}(?:${SPACE},${SPACE}${HEADER})*)?${SPACE}\\]$`);
/** The request headers the rules read (inert.ts, entry.ts isPreflight and isWorkerScript), in any letter case. */
const READ = /* @__PURE__ */ new RegExp(`"name"${SPACE}:${SPACE}"(sec-fetch-mode|sec-fetch-site|sec-fetch-dest|origin|referer|access-control-request-method)"${SPACE},${SPACE}"value"${SPACE}:${SPACE}(${STRING})`, 'gi');
const ACCESS_CONTROL = /* @__PURE__ */ new RegExp(`"name"${SPACE}:${SPACE}"access-control-`, 'i');
/** Stands for a response's headers, none of which the rules read by name: only that there are some counts. */
const SOME_HEADERS: readonly Json[] = /* @__PURE__ */ Object.freeze([Object.freeze({ name: '', value: '' })]);

const TOP = ['request', 'response', '_resourceType', '_initiator', 'startedDateTime', 'pageref'] as const;
const REQUEST = ['url', 'method', 'headers'] as const;
const RESPONSE = ['status', 'headers', 'redirectURL', '_error', '_failureText'] as const;
const INITIATOR = ['type'] as const;

/** Spans [start, end) of the values of the keys wanted, one level, or null when one is written twice. */
type Spans = Map<string, readonly [number, number]>;

export function skim(text: string, marks: Int32Array): Json | null {
  if (text.charCodeAt(text.length - 1) !== 0x7d || text.includes('\\u')) return null;
  const top = members(text, marks, 0, marks.length, 1, text.length - 1, TOP);
  if (top === null) return null;
  const request = object(text, marks, top.get('request'), REQUEST);
  const response = object(text, marks, top.get('response'), RESPONSE);
  if (!request || !response) return null;
  const requestHeaders = readHeaders(text, request.get('headers'));
  const responseHeaders = someHeaders(text, response.get('headers'));
  if (requestHeaders === null || responseHeaders === null) return null;
  const raw: Record<string, Json> = {};
  const req: Record<string, Json> = { headers: requestHeaders };
  const res: Record<string, Json> = { headers: responseHeaders };
  if (!copy(text, request, ['url', 'method'], req) || !copy(text, response, ['status', 'redirectURL', '_error', '_failureText'], res)) return null;
  if (!copy(text, top, ['_resourceType', 'startedDateTime', 'pageref'], raw)) return null;
  raw.request = req;
  raw.response = res;
  const initiator = top.get('_initiator');
  if (initiator) {
    const spans = object(text, marks, initiator, INITIATOR);
    if (!spans) return null;
    const init: Record<string, Json> = {};
    if (!copy(text, spans, ['type'], init)) return null;
    raw._initiator = init;
  }
  return raw;
}

/** The wanted members of the object spanning `span`, from the key marks of the next level inside it. */
function object(text: string, marks: Int32Array, span: readonly [number, number] | undefined, wanted: readonly string[]): Spans | null {
  if (!span || text.charCodeAt(span[0]) !== 0x7b) return null;
  let from = 0;
  while (from < marks.length && (marks[from + 1] as number) < span[0]) from += 2;
  let to = from;
  while (to < marks.length && (marks[to + 1] as number) < span[1]) to += 2;
  return members(text, marks, from, to, 2, span[1] - 1, wanted);
}

/** Key marks [from, to) of `level` (others skipped) inside an object whose closing brace is at `close`. */
function members(text: string, marks: Int32Array, from: number, to: number, level: number, close: number, wanted: readonly string[]): Spans | null {
  const out: Spans = new Map();
  let previous = -1;
  for (let m = from; m <= to; m += 2) {
    const next = m < to ? (marks[m + 1] as number) : close;
    if (m < to && marks[m] !== level) continue;
    if (previous >= 0) {
      const key = keyAt(text, previous, wanted);
      if (key !== null) {
        if (out.has(key)) return null;
        const span = valueSpan(text, previous + key.length + 2, next);
        if (span === null) return null;
        out.set(key, span);
      }
    }
    previous = next;
  }
  return out;
}

/** The wanted key whose quoted name starts at `at`, if any. */
function keyAt(text: string, at: number, wanted: readonly string[]): string | null {
  for (const k of wanted) {
    if (text.charCodeAt(at + k.length + 1) === 0x22 && text.startsWith(k, at + 1)) return k;
  }
  return null;
}

/** From just after a key to the next key, or the closing brace, at `limit`: the value between ':' and ','. */
function valueSpan(text: string, afterKey: number, limit: number): readonly [number, number] | null {
  let start = afterKey;
  while (isSpace(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) !== 0x3a) return null;
  start++;
  while (isSpace(text.charCodeAt(start))) start++;
  let end = limit;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  // Before another key (its quote), a comma ends the value; before the closing brace, nothing does.
  if (text.charCodeAt(limit) !== 0x7d) {
    if (text.charCodeAt(end - 1) !== 0x2c) return null;
    end--;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  }
  return end > start ? [start, end] : null;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Copies the members present, each parsed on its own; false when one is not JSON. */
function copy(text: string, spans: Spans, keys: readonly string[], into: Record<string, Json>): boolean {
  for (const k of keys) {
    const span = spans.get(k);
    if (!span) continue;
    const value = scalar(text.slice(span[0], span[1]));
    if (value === NOT_JSON) return false;
    into[k] = value;
  }
  return true;
}

const NOT_JSON = Symbol('not JSON');
const PLAIN_STRING = /^"[^"\\\x00-\x1f]*"$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A small member's value: mostly a plain string or a number, read without JSON.parse's cost per call. */
function scalar(json: string): Json | typeof NOT_JSON {
  if (PLAIN_STRING.test(json)) return json.slice(1, -1);
  if (NUMBER.test(json)) return Number(json);
  if (json === 'null') return null;
  try {
    return JSON.parse(json) as Json;
  } catch {
    return NOT_JSON;
  }
}

/** The request headers the rules read, every line of them, from a list in the plain form; null otherwise. */
function readHeaders(text: string, span: readonly [number, number] | undefined): Json[] | null {
  if (!span) return null;
  const list = text.slice(span[0], span[1]);
  if (!HEADER_LIST.test(list)) return null;
  const out: Json[] = [];
  READ.lastIndex = 0;
  for (let m = READ.exec(list); m !== null; m = READ.exec(list)) {
    const value = m[2] as string;
    out.push({ name: m[1] as string, value: value.includes('\\') ? (JSON.parse(value) as string) : value.slice(1, -1) });
  }
  return out;
}

/** A response's headers as far as the rules need them, or null when one may be Access-Control-* (not inert). */
function someHeaders(text: string, span: readonly [number, number] | undefined): readonly Json[] | null {
  if (!span) return null;
  const list = text.slice(span[0], span[1]);
  if (!HEADER_LIST.test(list) || ACCESS_CONTROL.test(list)) return null;
  return list.includes('{') ? SOME_HEADERS : [];
}
