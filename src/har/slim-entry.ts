/**
 * Live entries as the panel keeps them. The panel holds up to 50,000 entries for as long as it lists them, and
 * DevTools hands each one over as its own copy: every header line is a new object with new strings, although
 * most lines repeat from one request to the next (User-Agent, Accept-Language, sec-ch-ua, Origin, the server's
 * own headers). Parsing already keeps only what the checks and the exports read (no initiator stack, cookie
 * arrays or timings); this shares what repeats, so a repeated line costs one pointer instead of an object and
 * two strings, and cuts request bodies that only an export would read down to their start.
 *
 * Every table here is bounded: a page that sends a new value each time (Date, a request id) or invents header
 * names must not grow memory either.
 */
import type { Header } from '../cors';
import type { Entry, PostData } from './entry';

/** The start of a request body the live capture keeps: a replay of a larger one says it is cut (exports). */
export const MAX_BODY_CHARS = 16 * 1024;
/** Distinct values pooled per header name; past it the name's values are taken to be unique (Date, ids). */
const VALUES_PER_NAME = 64;
/** Header names pooled, and characters held by the pool, before it starts afresh. */
const MAX_NAMES = 1024;
const MAX_POOLED_CHARS = 4 * 1024 * 1024;
/** Other short strings (initiator URLs, MIME types, errors) pooled before that pool starts afresh. */
const MAX_STRINGS = 4096;

export class EntrySlimmer {
  /** name → value → the one shared line; null once the name has had too many values to be worth pooling. */
  private lines = new Map<string, Map<string, Header> | null>();
  private names = new Map<string, string>();
  private strings = new Map<string, string>();
  private pooledChars = 0;

  /** The entry (at `index`, its own unless told) with its repeated parts shared with earlier entries and a large body cut. */
  slim(e: Entry, index = e.index): Entry {
    return {
      index,
      url: e.url,
      method: this.string(e.method),
      requestHeaders: this.headers(e.requestHeaders),
      status: e.status,
      responseHeaders: this.headers(e.responseHeaders),
      redirectUrl: e.redirectUrl,
      error: e.error === null ? null : this.string(e.error),
      start: e.start,
      end: e.end,
      sent: e.sent,
      resourceType: this.string(e.resourceType),
      initiatorType: this.string(e.initiatorType),
      initiatorUrl: e.initiatorUrl === null ? null : this.string(e.initiatorUrl),
      pageref: e.pageref === null ? null : this.string(e.pageref),
      postData: e.postData === null ? null : this.body(e.postData),
    };
  }

  /** Forgets what was pooled (a cleared capture): entries already slimmed keep what they share. */
  clear(): void {
    this.lines = new Map();
    this.names = new Map();
    this.strings = new Map();
    this.pooledChars = 0;
  }

  private headers(list: readonly Header[]): Header[] {
    const out = new Array<Header>(list.length);
    for (let i = 0; i < list.length; i++) out[i] = this.line(list[i] as Header);
    return out;
  }

  private line(h: Header): Header {
    if (this.pooledChars >= MAX_POOLED_CHARS) this.clear();
    let values = this.lines.get(h.name);
    if (values === undefined) {
      if (this.lines.size >= MAX_NAMES) this.clear();
      values = new Map();
      this.lines.set(h.name, values);
      this.names.set(h.name, h.name);
      this.pooledChars += h.name.length;
    }
    const name = this.names.get(h.name) ?? h.name;
    if (values === null) return { name, value: h.value };
    const shared = values.get(h.value);
    if (shared) return shared;
    if (values.size >= VALUES_PER_NAME) {
      // This name's values do not repeat enough: stop holding them (the entries that use them still do).
      this.lines.set(h.name, null);
      return { name, value: h.value };
    }
    const line = Object.freeze({ name, value: h.value });
    values.set(h.value, line);
    this.pooledChars += h.value.length;
    return line;
  }

  private string(s: string): string {
    const shared = this.strings.get(s);
    if (shared !== undefined) return shared;
    if (this.strings.size >= MAX_STRINGS) this.strings = new Map();
    this.strings.set(s, s);
    return s;
  }

  private body(p: PostData): PostData {
    const mimeType = this.string(p.mimeType);
    if (p.text.length <= MAX_BODY_CHARS) return { mimeType, text: p.text };
    return { mimeType, text: startOf(p.text, MAX_BODY_CHARS), fullLength: p.fullLength ?? p.text.length };
  }
}

/**
 * The first `max` UTF-16 units of `text` (one fewer rather than half a surrogate pair), as a string of their own:
 * V8 makes a slice of a long string point into it, which would keep the whole body alive.
 */
export function startOf(text: string, max: number): string {
  const end = max > 0 && isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end).split('').join('');
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
