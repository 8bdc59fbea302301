/**
 * Untrusted JSON → entries. A HAR from a bug report may be truncated, hand-edited or from another tool: every
 * field is checked, a bad entry is skipped with a reason naming it, and only input that is not a HAR at all
 * is refused (HarError, one line).
 */
import { EntryCollector } from './collect';
import { describeJson as describe, isObject, type Json } from './json';
import { HarError, type ParsedHar } from './parsed-har';
import type { Producer } from './producer';

export { HarError, type ParsedHar, type SkippedEntry } from './parsed-har';
export { type EntryOptions, parseEntry } from './read-entry';

/** Accepts a HAR file ({log: {entries}}), a bare HAR log ({entries}), or an array of entries (what the DevTools API hands out). */
function entriesOf(doc: Json): { entries: Json[]; pages: Json[]; browser: Json; creator: Json } {
  if (Array.isArray(doc)) return { entries: doc, pages: [], browser: null, creator: null };
  if (!isObject(doc)) throw new HarError(`not a HAR: expected a JSON object with log.entries, got ${describe(doc)}`);
  const log = isObject(doc.log) ? doc.log : Array.isArray(doc.entries) ? doc : null;
  if (!log) throw new HarError('not a HAR: the JSON object has no "log" object');
  if (!Array.isArray(log.entries)) throw new HarError(`not a HAR: log.entries is ${describe(log.entries)}, expected an array`);
  return { entries: log.entries, pages: Array.isArray(log.pages) ? log.pages : [], browser: log.browser, creator: log.creator };
}


/** `name(` at the start of a JSONP file, the name a JavaScript identifier. */
const JSONP = /^\s*[A-Za-z_$][\w$.]*\s*\(\s*(?=[{[])/;

/**
 * The JSON inside the text as users hand it over: Fiddler and mitmproxy start their files with a UTF-8 byte-order
 * mark, and HAR Viewer's "HARP" form wraps the document in a JSONP call, `onInputData({...});`.
 */
export function harJsonText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const jsonp = JSONP.exec(body.slice(0, 200));
  if (!jsonp) return body;
  const end = body.lastIndexOf(')');
  return end > jsonp[0].length ? body.slice(jsonp[0].length, end) : body;
}

export function parseHarText(text: string): ParsedHar {
  let doc: Json;
  try {
    doc = JSON.parse(harJsonText(text)) as Json;
    // Let the text go before the entries are built: for a large capture it is as big as the file.
    text = '';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new HarError(`not JSON: ${message.split('\n')[0]}`);
  }
  return parseHar(doc);
}

/**
 * `producer`: who wrote it, when the caller knows better than the file (the extension's own live capture);
 * otherwise read from `log.creator`.
 */
export function parseHar(doc: Json, known?: Producer): ParsedHar {
  const { entries, pages, browser, creator } = entriesOf(doc);
  const collector = new EntryCollector();
  for (let i = 0; i < entries.length; i++) collector.add(entries[i], i);
  return collector.finish({ pages, browser, creator }, known).har;
}
