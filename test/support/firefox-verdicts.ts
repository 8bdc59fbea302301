/**
 * Scoring a judgement against Firefox's own verdict per request (a recording's `firefox` records: the console
 * errors Firefox logged, mapped to their reason key). The same rule for the engine on a HAR and for the panel's
 * rows: blocked-or-not must agree wherever the judgement is confident, and a blocked one must name Firefox's key.
 */

/** Firefox's verdict on one request, as scripts/record-firefox.mjs writes it. */
export interface FirefoxRecord {
  readonly url: string;
  readonly method: string;
  readonly caseId: string;
  readonly blocked: boolean;
  /** Firefox's reason key (the first error it logged for the request), or null. */
  readonly reason: string | null;
  /** 'bidi' unless the recorder made the record from elsewhere (a service worker's request, one never sent). */
  readonly source?: string;
}

/** What CORS Lens said about one exchange. */
export interface Judgement {
  readonly url: string;
  readonly method: string;
  readonly verdict: string;
  /** The reason key it names for a blocked exchange ('' or null when none). */
  readonly reason: string | null;
  /** Said with confidence: a wrong blocked-or-not is then a failure. */
  readonly confident: boolean;
}

export interface Score {
  /** Requests with a judgement. */
  readonly compared: number;
  /** Blocked requests whose reason key was compared. */
  readonly reasons: number;
  readonly wrong: readonly string[];
}

/**
 * @param missing what to say of a request with no judgement at all (null: not a failure, e.g. a request the
 *   capture cannot hold)
 */
export function scoreAgainstFirefox(records: readonly FirefoxRecord[], judged: readonly Judgement[], missing: (r: FirefoxRecord) => string | null): Score {
  const wrong: string[] = [];
  let compared = 0;
  let reasons = 0;
  for (const r of records) {
    const mine = judged.filter((j) => j.url === r.url && j.method === r.method);
    if (mine.length === 0) {
      const why = missing(r);
      if (why) wrong.push(`${r.caseId} ${r.method} ${r.url}: ${why}`);
      continue;
    }
    compared++;
    if (mine.some((j) => j.confident) && !mine.some((j) => (j.verdict === 'blocked') === r.blocked)) {
      wrong.push(`${r.caseId}: Firefox ${r.blocked ? `blocked it (${r.reason})` : 'passed it'}, CORS Lens says ${mine.map((j) => j.verdict).join('/')}`);
    }
    const blocked = mine.find((j) => j.verdict === 'blocked');
    if (r.blocked && r.reason && blocked) {
      reasons++;
      if (blocked.reason !== r.reason) wrong.push(`${r.caseId}: Firefox's reason ${r.reason}, CORS Lens names ${blocked.reason || '(none)'}`);
    }
  }
  return { compared, reasons, wrong };
}
