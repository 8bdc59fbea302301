/**
 * What the PNG card shows, as plain strings: the diagnosis a bug report needs at a glance (verdict, Chrome's
 * code, the header and its value, the line to send), the few headers that decide CORS on the failing step, and
 * the fix. Redacted like every export; the panel only lays it out and turns it into pixels.
 */
import { type HeaderList, nameIs, type VerdictKind } from '../cors';
import { clean, type Explanation, fixLines } from '../explain';
import type { AnalysedExchange } from '../har';
import { primeRedactor, Redactor, redactReproduction } from './redact';
import { reproduce, wireUrl } from './reproduce';
import { type Step, stepName } from './request';

export interface CardHeader {
  readonly name: string;
  /** null: the header was missing. */
  readonly value: string | null;
  /** The header Chrome's failing check is about. */
  readonly marked: boolean;
}

export interface CardData {
  readonly verdict: VerdictKind;
  readonly method: string;
  readonly url: string;
  readonly headline: string;
  readonly code: string | null;
  readonly firefox: string | null;
  readonly where: string | null;
  readonly header: string | null;
  readonly received: string | null;
  readonly sendLine: string | null;
  /** "Preflight OPTIONS → 204", the step the headers below belong to. */
  readonly stepTitle: string | null;
  readonly requestHeaders: readonly CardHeader[];
  readonly responseHeaders: readonly CardHeader[];
  readonly fix: readonly string[];
}

/** The request headers CORS reads on each kind of step; the rest of a request is noise on a card. */
const REQUEST_KEYS = ['origin', 'access-control-request-method', 'access-control-request-headers', 'cookie', 'authorization', 'content-type'];
const RESPONSE_KEY = /^(access-control-|vary$|location$)/i;
const MAX_VALUE = 160;

function short(value: string): string {
  const c = clean(value);
  return c.length > MAX_VALUE ? `${c.slice(0, MAX_VALUE)}…` : c;
}

function pick(headers: HeaderList, keep: (name: string) => boolean, marked: string | null): CardHeader[] {
  return headers.filter((h) => keep(h.name)).map((h) => ({ name: clean(h.name), value: short(h.value), marked: marked !== null && nameIs(h.name, marked.toLowerCase()) }));
}

function titleOf(step: Step): string {
  return `${stepName(step)}${step.response ? ` → ${step.response.status}` : ' (not sent)'}`;
}

export function cardData(x: AnalysedExchange, e: Explanation, redact = true): CardData {
  const redactor = redact ? primeRedactor(new Redactor(), x.record, x.bodies) : null;
  const t = (s: string) => (redactor ? redactor.text(s) : s);
  const raw = reproduce(x);
  const steps = redactor ? redactReproduction(raw, redactor).reproduction.steps : raw.steps;
  const step = steps.find((s) => s.failed) ?? [...steps].reverse().find((s) => s.response) ?? steps[steps.length - 1] ?? null;
  const marked = step?.failed ? e.header : null;
  const responseHeaders = step?.response ? pick(step.response.headers, (n) => RESPONSE_KEY.test(n), marked) : [];
  if (marked !== null && e.received === null && step?.response) responseHeaders.push({ name: marked, value: null, marked: true });
  const error = x.evaluation.error;
  return {
    verdict: x.evaluation.verdict,
    method: clean(x.method),
    url: short(t(redactor ? redactor.url(wireUrl(x.url)) : wireUrl(x.url))),
    headline: clean(t(e.headline)),
    code: error ? error.code : null,
    firefox: error ? e.firefoxKey : null,
    where: error ? clean(t(e.where)) : null,
    header: e.header,
    received: e.received === null ? null : short(t(e.received)),
    sendLine: e.sendLine === null ? null : short(t(e.sendLine)),
    stepTitle: step ? titleOf(step) : null,
    requestHeaders: step ? pick(step.request.headers, (n) => REQUEST_KEYS.includes(n.toLowerCase()), null) : [],
    responseHeaders,
    fix: e.fix ? fixLines(e.fix).map((l) => short(t(l))) : [],
  };
}
