/**
 * HAR entries → exchanges: one per request the page made, with its redirect hops and the preflight of each hop.
 * This is the only place that knows how Chrome lays an exchange out across entries.
 */
import { type ExchangeRecord, headerValue, type HopRecord, type PreflightRecord, type ResponseRecord } from '../cors';
import { type Entry, hasProvisionalRequestHeaders, isPreflight, isProvisional, type PostData } from './entry';
import { isPhantomHop, linkRedirects } from './chain';
import { authorHeaders, credentialsEvidence, initiatorOrigin, notFromBrowser, requestMode } from './infer';
import type { NotCorsReason } from './not-cors';
import { pairingPreflights } from './pair';
import { rulesOf } from './producer';
import type { ParsedHar } from './parse';

export interface BuiltExchange {
  readonly record: ExchangeRecord;
  /** Entry indices of the hops, first to last. */
  readonly hopEntries: readonly number[];
  /** Entry index of each hop's preflight (null where there was none in the capture). */
  readonly preflightEntries: readonly (number | null)[];
  /** Every entry of the exchange, in time order. */
  readonly entries: readonly number[];
  /** The page's origin could not be inferred: the verdict cannot be trusted. */
  readonly originUnknown: boolean;
  /** Built from a preflight whose request is missing from the capture. */
  readonly requestMissing: boolean;
  /** The first start time, for ordering. */
  readonly start: number;
  /** Chrome's `_resourceType` of the request (fetch, xhr, script, ...): it decides the console wording. */
  readonly resourceType: string;
  /** Each hop's request body as captured (null: none). The checks never read it; exports replay it. */
  readonly bodies: readonly RequestBody[];
  /** Why the request is not CORS, when its mode says so (the engine adds same-origin). */
  readonly notCors: NotCorsReason | null;
  /** CORS mode rests only on an Origin that a no-cors POST sends too (ModeEvidence.weak). */
  readonly modeUnproven: boolean;
}

/** A request body as captured, or null for none. */
export type RequestBody = PostData | null;

const NO_HEADERS: readonly never[] = Object.freeze([]);
const NO_NAMES: ReadonlySet<string> = new Set();
const SANITIZED_NAMES: ReadonlySet<string> = new Set(['authorization']);

/** What building saw that the capture as a whole should know. */
export interface BuildEvidence {
  /** A preflight asking for Authorization was paired with a request that shows none: a sanitized export. */
  authorizationRemoved: boolean;
}

export function buildExchanges(har: ParsedHar, evidence?: BuildEvidence): BuiltExchange[] {
  const steps = buildingExchanges(har, evidence);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Exchanges built at a time between two steps of buildingExchanges. */
const STEP = 250;

/**
 * buildExchanges a step at a time, pausing every STEP exchanges: the panel reading a large file gives way to
 * DevTools between steps (50,000 entries of a 300 MB capture took about a second at once).
 */
export function* buildingExchanges(har: ParsedHar, evidence?: BuildEvidence): Generator<void, BuiltExchange[]> {
  const preflights: Entry[] = [];
  const requests: Entry[] = [];
  for (const e of har.entries) (isPreflight(e) ? preflights : requests).push(e);

  // A sanitized export removed Authorization from the request, but its preflight still names it.
  const removed = har.sanitized === 'no' ? NO_NAMES : SANITIZED_NAMES;
  const { preflightFor, orphans, removedSeen } = yield* pairingPreflights(preflights, requests, removed, rulesOf(har.producer));
  if (evidence && removedSeen) evidence.authorizationRemoved = true;
  yield;
  const next = linkRedirects(requests);
  const continuation = new Set<number>();
  for (const n of next.values()) continuation.add(n.index);

  const out: BuiltExchange[] = [];
  const used = new Set<number>();
  const chainFrom = (first: Entry) => {
    const hops: Entry[] = [first];
    const extra: number[] = [];
    used.add(first.index);
    for (let h = next.get(first.index); h && !used.has(h.index); h = next.get(h.index)) {
      used.add(h.index);
      if (isPhantomHop(h)) {
        extra.push(h.index);
        break;
      }
      hops.push(h);
    }
    out.push(build(hops, extra, preflightFor, har));
  };
  yield;
  for (const first of requests) {
    if (continuation.has(first.index)) continue;
    chainFrom(first);
    if (out.length % STEP === 0) yield;
  }
  // Entries that only continue each other (a redirect loop with equal or missing timestamps) still count.
  for (const first of requests) if (!used.has(first.index)) chainFrom(first);
  for (const p of orphans) out.push(buildOrphan(p, har));
  return out.sort((a, b) => a.start - b.start || (a.entries[0] ?? 0) - (b.entries[0] ?? 0));
}

function responseOf(e: Entry): ResponseRecord | null {
  if (isProvisional(e)) return null;
  return { status: e.status, headers: e.responseHeaders, redirectUrl: e.redirectUrl };
}

function preflightRecord(p: Entry): PreflightRecord {
  // A dropped connection leaves status 0 and no headers on the OPTIONS entry: no response at all.
  return { requestHeaders: p.requestHeaders, response: responseOf(p), error: p.error };
}

/**
 * A request made by a worker (or a frame DevTools attached to late): Chrome files it under no page although the
 * capture has pages, and its initiator is the worker's script. DevTools records only its first headers, and
 * status 0 wherever it failed. (Live entries carry no pageref at all, so there the initiator decides.)
 */
function fromOtherTarget(first: Entry, har: ParsedHar): boolean {
  if (!har.producer.facts.provisionalHeaders || !isProvisional(first)) return false;
  // A data: or blob: worker's script never goes over the network, but it is the initiator all the same.
  if (first.initiatorUrl !== null && (har.workerScripts?.has(first.initiatorUrl) || /^(data|blob):/.test(first.initiatorUrl))) return true;
  // ...and its requests carry an empty Referer (seen in Chromium 156; a page's own requests have one or none).
  if (headerValue(first.requestHeaders, 'referer') === '') return true;
  return har.pagerefs === true && first.pageref === null && har.pages.size > 0;
}

/**
 * Chrome failed the request as a CORS failure, yet no response is recorded, and the record does not show that it
 * was stopped before the network:
 * - its request headers are the wire's (Host), so no preflight stopped it: the answer that failed the check came
 *   back, but Chrome reported the request before merging it in;
 * - or it is a live report in the page's headers only, with no preflight recorded: Chrome's early form of the
 *   same report (seen in Chromium 156 under load: 27 of 10,000 blocked simple requests, every one sent and
 *   answered, as a later getHAR() showed).
 *   The panel reads the log again to complete such reports while the log is short; past that they stay so.
 * In a file, the page's headers only with no response still means the request never reached the network.
 * Blocked all the same; which check failed is unknown.
 */
function responseUnrecorded(last: Entry, har: ParsedHar, preflighted: boolean): boolean {
  if (!har.producer.facts.provisionalHeaders || last.error !== 'net::ERR_FAILED' || !isProvisional(last)) return false;
  // A preflight in the record says where it stopped: the engine judges the preflight.
  return !hasProvisionalRequestHeaders(last) || (har.live === true && !preflighted);
}

function build(hops: Entry[], extra: number[], preflightFor: ReadonlyMap<number, Entry>, har: ParsedHar): BuiltExchange {
  const first = hops[0] as Entry;
  const last = hops[hops.length - 1] as Entry;
  const stageUnknown = fromOtherTarget(first, har) ? 'other-target' : responseUnrecorded(last, har, preflightFor.has(last.index)) ? 'early-report' : undefined;
  const firstPreflight = preflightFor.get(first.index) ?? null;
  const origin = initiatorOrigin(first, firstPreflight, har.pages);
  const anyPreflight = hops.some((h) => preflightFor.has(h.index));
  const { mode, notCors, weak } = requestMode(first, anyPreflight, origin, har.producer.facts);
  const hopRecords: HopRecord[] = hops.map((h) => {
    const p = preflightFor.get(h.index);
    return {
      url: h.url,
      method: h.method,
      requestHeaders: h.requestHeaders,
      provisional: isProvisional(h),
      preflight: p ? preflightRecord(p) : null,
      response: responseOf(h),
      error: h.error,
    };
  });
  const preflightEntries = hops.map((h) => preflightFor.get(h.index)?.index ?? null);
  const entries = [...hops.map((h) => h.index), ...preflightEntries.filter((i): i is number => i !== null), ...extra].sort((a, b) => a - b);
  return {
    record: {
      browser: rulesOf(har.producer),
      initiatorOrigin: origin ?? 'null',
      mode,
      credentials: credentialsEvidence(hops, origin),
      // Only a CORS-mode request can need a preflight; skip the work (and the copy) for the rest.
      authorHeaders: mode === 'cors' ? authorHeaders(first) : NO_HEADERS,
      hops: hopRecords,
      errorsRecorded: har.errorsRecorded,
      chainComplete: har.producer.facts.recordsUnfinished,
      ...(stageUnknown ? { stageUnknown } : {}),
    },
    hopEntries: hops.map((h) => h.index),
    preflightEntries,
    entries,
    originUnknown: origin === null,
    requestMissing: false,
    start: Math.min(first.start, firstPreflight?.start ?? first.start),
    resourceType: first.resourceType,
    bodies: hops.map((h) => h.postData),
    notCors,
    modeUnproven: weak === true,
  };
}

/** A preflight whose request is not in the capture: its own answer can still be judged for the request it names. */
function buildOrphan(p: Entry, har: ParsedHar): BuiltExchange {
  const origin = initiatorOrigin(p, p, har.pages);
  const method = headerValue(p.requestHeaders, 'access-control-request-method') ?? 'GET';
  const names = (headerValue(p.requestHeaders, 'access-control-request-headers') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  // A proxy also records preflights curl or an API tool sent: those clients do no CORS.
  const client = har.producer.facts.seesNonBrowserClients && notFromBrowser(p);
  return {
    record: {
      browser: rulesOf(har.producer),
      initiatorOrigin: origin ?? 'null',
      mode: client ? 'no-cors' : 'cors',
      credentials: 'unknown',
      authorHeaders: names.map((name) => ({ name, value: '' })),
      hops: [{ url: p.url, method, requestHeaders: [], provisional: true, preflight: preflightRecord(p), response: null, error: null }],
      errorsRecorded: har.errorsRecorded,
    },
    hopEntries: [],
    preflightEntries: [p.index],
    entries: [p.index],
    originUnknown: origin === null,
    requestMissing: true,
    start: p.start,
    resourceType: '',
    bodies: [null],
    notCors: client ? 'non-browser-client' : null,
    modeUnproven: false,
  };
}
