/**
 * A capture's entries, taken one at a time in file order, and what they say about the capture as a whole (who
 * wrote it, whether it records the browser's failures, whether it was sanitized, which scripts started
 * workers). The one loop both ways of reading share: a whole document (parseHar) and a stream (stream.ts), so
 * the two cannot drift apart.
 */
import { type Entry, isWorkerScript } from './entry';
import { isObject, type Json } from './json';
import { HarError, type ParsedHar, type SkippedEntry } from './parsed-har';
import { type Producer, PRODUCERS, producerOf } from './producer';
import { finishEntry, type PendingEntry, readPending } from './read-entry';
import { foldSanitized, sanitizeEvidence } from './sanitized';

/** Entries looked at for sanitizing evidence: enough for any real export, bounded for a huge capture. */
const SANITIZE_PROBE = 5000;
/** Entries looked at for Chrome's own fields, when the file does not name its producer. */
const CHROME_PROBE = 20;
/** Entries whose User-Agent may name the browser, when the file does not. */
const UA_PROBE = 50;

const PRODUCERS_BY_FIELDS: Producer = { id: 'chrome-devtools', facts: PRODUCERS['chrome-devtools'], creator: null };
const UA_BROWSER = /\b(HeadlessChrome|Chrome|Chromium|Firefox|Edg|Version)\/([\d.]+)/;

/** The log's fields besides its entries, found before or after them. */
export interface LogFields {
  readonly pages: Json;
  readonly browser: Json;
  readonly creator: Json;
}


export class EntryCollector {
  private total = 0;
  private usable = 0;
  private readonly skipped: SkippedEntry[] = [];
  private kept: PendingEntry[] = [];
  private errorField = false;
  private pagerefs = false;
  private readonly workerScripts = new Set<string>();
  private chromeFields = false;
  private sanitizedKept = false;
  private sanitizedRemoved = false;
  private uaBrowser: string | null = null;

  add(raw: Json, index: number): void {
    this.total++;
    if (index < CHROME_PROBE && !this.chromeFields) this.chromeFields = hasChromeFields(raw);
    // The first entry that settles it is enough: an export is sanitized throughout or not at all.
    if (index < SANITIZE_PROBE && !this.sanitizedKept && !this.sanitizedRemoved) {
      const evidence = sanitizeEvidence(raw);
      this.sanitizedKept = evidence === 'kept';
      this.sanitizedRemoved = evidence === 'removed';
    }
    const result = readPending(raw, index);
    if (typeof result === 'string') {
      this.skipped.push({ index, reason: result });
      return;
    }
    const { pending, hasErrorField } = result;
    const e = pending.entry;
    this.usable++;
    this.errorField ||= hasErrorField;
    this.pagerefs ||= e.pageref !== null;
    if (isWorkerScript(e)) this.workerScripts.add(e.url);
    if (this.usable <= UA_PROBE && this.uaBrowser === null) this.uaBrowser = browserFromUserAgent(e);
    this.kept.push(pending);
  }

  /** An entry that is not JSON at all: skipped, with the parser's reason. */
  addUnreadable(index: number, reason: string): void {
    this.total++;
    this.skipped.push({ index, reason });
  }

  /** `known`: who wrote it, when the caller knows better than the file (the extension's own capture). */
  finish(log: LogFields, known?: Producer): ParsedHar {
    const creator = isObject(log.creator) ? log.creator : null;
    const declared = producerOf(creator && typeof creator.name === 'string' ? creator.name : null, creator && typeof creator.version === 'string' ? creator.version : null);
    // The DevTools API hands out bare entry arrays with no creator: Chrome's own fields still say who wrote them.
    const producer = known ?? (declared.id === 'unknown' && this.chromeFields ? { ...PRODUCERS_BY_FIELDS, creator: declared.creator } : declared);
    if (this.total > 0 && this.usable === 0) {
      const first = this.skipped[0] as SkippedEntry;
      throw new HarError(`not a HAR: no usable entry (entry ${first.index}: ${first.reason})`);
    }
    const options = { rawHeaders: producer.facts.rawHeaders, failureField: producer.facts.failureField };
    const entries: Entry[] = this.kept.map((p) => finishEntry(p, options));
    this.kept = [];
    const field = producer.facts.failureField;
    const pages = new Map<string, string>();
    for (const p of Array.isArray(log.pages) ? log.pages : []) {
      if (isObject(p) && typeof p.id === 'string' && typeof p.title === 'string') pages.set(p.id, p.title);
    }
    return {
      entries,
      skipped: this.skipped,
      total: this.total,
      pages,
      workerScripts: this.workerScripts,
      pagerefs: this.pagerefs,
      errorsRecorded: field === '_failureText' || (field === '_error' && this.errorField),
      producer,
      sanitized: producer.facts.mayBeSanitized ? foldSanitized(this.sanitizedKept, this.sanitizedRemoved) : 'no',
      browser: declaredBrowser(log.browser) ?? this.uaBrowser,
    };
  }
}

/** Chrome DevTools' private fields: `_initiator` and `_resourceType`, and `_error` on the response. */
function hasChromeFields(e: Json): boolean {
  return isObject(e) && '_resourceType' in e && '_initiator' in e && isObject(e.response) && '_error' in e.response;
}

function declaredBrowser(declared: Json): string | null {
  if (!isObject(declared) || typeof declared.name !== 'string' || declared.name === '') return null;
  return `${declared.name}${typeof declared.version === 'string' && declared.version !== '' ? ` ${declared.version}` : ''}`.slice(0, 80);
}

function browserFromUserAgent(e: Entry): string | null {
  const ua = e.requestHeaders.find((h) => h.name.toLowerCase() === 'user-agent')?.value;
  const m = ua ? UA_BROWSER.exec(ua) : null;
  return m ? `${m[1] === 'Edg' ? 'Edge' : m[1] === 'Version' ? 'Safari' : m[1]} ${m[2]} (from the User-Agent)` : null;
}
