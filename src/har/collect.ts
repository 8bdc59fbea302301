/**
 * A capture's entries, taken one at a time in file order, and what they say about the capture as a whole (who
 * wrote it, whether it records the browser's failures, whether it was sanitized, which scripts started
 * workers). The one loop both ways of reading share: a whole document (parseHar) and a stream (stream.ts), so
 * the two cannot drift apart.
 *
 * Reading cheaply (`inert`), an entry that can never be part of a CORS exchange (inert.ts) is only counted: its
 * facts go into the capture's, and it costs a few bytes instead of an Entry.
 */
import { type Entry, isPreflight, isWorkerScript } from './entry';
import { isInert } from './inert';
import { InertEntries } from './inert-entries';
import { StringTable } from './intern';
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


/** The capture, read: the entries kept as Entries, and those only counted. */
export interface Collected {
  readonly har: ParsedHar;
  readonly inert: InertEntries | null;
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
  private readonly inert: InertEntries | null;

  /** Set when the entries are parsed from text here (a stream), never a caller's objects: see StringTable. */
  private readonly strings: StringTable | null;

  constructor(options: { readonly inert: boolean; readonly ownsEntries?: boolean } = { inert: false }) {
    this.inert = options.inert ? new InertEntries() : null;
    this.strings = options.ownsEntries ? new StringTable() : null;
  }

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
    const { pending } = result;
    const e = pending.entry;
    this.countUsable(e, result.hasErrorField);
    if (this.usable <= UA_PROBE && this.uaBrowser === null) this.uaBrowser = browserFromUserAgent(e);
    if (this.inert && isInert(e, pending.failures) && this.inert.offer(e, pending)) return;
    this.keep(pending);
  }

  /** Skimming pays once the probes above are done: until then every entry is read in full. */
  get skims(): boolean {
    return this.inert !== null && this.total >= CHROME_PROBE && (this.sanitizedKept || this.sanitizedRemoved || this.total >= SANITIZE_PROBE) && (this.uaBrowser !== null || this.usable >= UA_PROBE);
  }

  /**
   * A skimmed entry (skim.ts: a stand-in with the members the rules read), counted when it is inert; false, with
   * nothing counted, when it must be read in full instead. `text` is kept in case a preflight or redirect soon
   * names it.
   */
  addSkimmed(standIn: Json, index: number, text: string): boolean {
    const result = readPending(standIn, index);
    if (typeof result === 'string' || !this.inert || !isInert(result.pending.entry, result.pending.failures)) return false;
    const e = result.pending.entry;
    if (!this.inert.offer(e, { standIn: result.pending, text })) return false;
    this.total++;
    this.countUsable(e, result.hasErrorField);
    return true;
  }

  /** What every usable entry tells about the capture as a whole, read in full or skimmed. */
  private countUsable(e: Entry, hasErrorField: boolean): void {
    this.usable++;
    this.errorField ||= hasErrorField;
    this.pagerefs ||= e.pageref !== null;
    if (isWorkerScript(e)) this.workerScripts.add(e.url);
  }

  private keep(p: PendingEntry): void {
    this.kept.push(p);
    if (this.strings) {
      this.strings.headers(p.entry.requestHeaders);
      this.strings.headers(p.entry.responseHeaders);
    }
    const e = p.entry;
    if (!this.inert || (e.redirectUrl === null && !isPreflight(e))) return;
    // A preflight or a redirect names the entry it goes with: one counted a moment ago is taken back.
    for (const back of this.inert.named(e, isPreflight(e))) this.kept.push('text' in back ? readInFull(back.text, back.standIn) : back);
  }

  /** An entry that is not JSON at all: skipped, with the parser's reason. */
  addUnreadable(index: number, reason: string): void {
    this.total++;
    this.skipped.push({ index, reason });
  }

  /**
   * The counted entries whose URL a preflight or a redirect of the kept entries names, too long ago to be taken
   * back: such an entry may be paired or chained after all (pair.ts, chain.ts), so it is no longer counted and
   * must be read in full (`addNeeded`). Usually none.
   */
  takeNamedByKept(): ReadonlySet<number> {
    return this.inert ? this.inert.takeNamed() : new Set();
  }

  /** An entry `takeNamedByKept` gave back, read again in full. */
  addNeeded(raw: Json, index: number): void {
    const result = readPending(raw, index);
    if (typeof result !== 'string') this.kept.push(result.pending);
  }

  /** `known`: who wrote it, when the caller knows better than the file (the extension's own capture). */
  finish(log: LogFields, known?: Producer): Collected {
    const creator = isObject(log.creator) ? log.creator : null;
    const declared = producerOf(creator && typeof creator.name === 'string' ? creator.name : null, creator && typeof creator.version === 'string' ? creator.version : null);
    // The DevTools API hands out bare entry arrays with no creator: Chrome's own fields still say who wrote them.
    const producer = known ?? (declared.id === 'unknown' && this.chromeFields ? { ...PRODUCERS_BY_FIELDS, creator: declared.creator } : declared);
    if (this.total > 0 && this.usable === 0) {
      const first = this.skipped[0] as SkippedEntry;
      throw new HarError(`not a HAR: no usable entry (entry ${first.index}: ${first.reason})`);
    }
    const options = { rawHeaders: producer.facts.rawHeaders, failureField: producer.facts.failureField };
    // Entries read on a second pass arrive after the rest: file order is what every later step expects.
    const kept = this.kept.sort((a, b) => a.entry.index - b.entry.index);
    this.kept = [];
    const entries: Entry[] = kept.map((p) => finishEntry(p, options));
    const field = producer.facts.failureField;
    const pages = new Map<string, string>();
    for (const p of Array.isArray(log.pages) ? log.pages : []) {
      if (isObject(p) && typeof p.id === 'string' && typeof p.title === 'string') pages.set(p.id, p.title);
    }
    const har: ParsedHar = {
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
    return { har, inert: this.inert };
  }
}

/** A skimmed entry read again in full; its stand-in if the parts skimming did not read are not JSON. */
function readInFull(text: string, standIn: PendingEntry): PendingEntry {
  try {
    const result = readPending(JSON.parse(text) as Json, standIn.entry.index);
    return typeof result === 'string' ? standIn : result.pending;
  } catch {
    return standIn;
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
