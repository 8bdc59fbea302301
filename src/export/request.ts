/**
 * The requests an export replays, as plain records: what every format (curl in three shells, fetch, Markdown,
 * the PNG card) renders. Built once per export and redacted once, so no format can forget a secret.
 */
import type { HeaderList } from '../cors';

export interface HttpRequest {
  readonly method: string;
  /** As the browser put it on the wire: WHATWG-serialised, no fragment, no user:password@. */
  readonly url: string;
  readonly headers: HeaderList;
  /** The body as text, or null when the request had none ('' for an empty body on a POST). */
  readonly body: string | null;
  /** The body's type as the HAR recorded it, for when the request has no Content-Type header. */
  readonly mimeType?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: HeaderList;
}

/**
 * How the step's headers were obtained. `captured`: what went on the wire. `page-set`: Chrome recorded only the
 * headers the page set (the request never reached the network, or came from the HTTP cache), so Origin is
 * added as Chrome sends it. `reconstructed`: the capture has no such request (a preflight answered from
 * Chrome's preflight cache) and it is rebuilt from what Chrome would send.
 */
export type StepSource = 'captured' | 'page-set' | 'reconstructed';

export interface Step {
  readonly kind: 'preflight' | 'request';
  /** 0 for the request the page made, N after the Nth redirect. */
  readonly hop: number;
  readonly request: HttpRequest;
  readonly response: HttpResponse | null;
  readonly source: StepSource;
  /** The response Chrome's failing check ran on. */
  readonly failed: boolean;
}

export interface Reproduction {
  readonly steps: readonly Step[];
  /** Plain sentences for the reader: what was added, left out or rebuilt. Never contains captured text. */
  readonly notes: readonly string[];
  /** Why the steps cannot be sent exactly as recorded (a raw newline in a header, no request at all), or null. */
  readonly unfaithful: string | null;
  /** Who sent the captured requests, as the comments name it: "Chrome" for Chrome's captures, else "the browser". */
  readonly browser: string;
}

/**
 * "Preflight OPTIONS", "Request PUT after redirect 1": how every format names a step. The method is reduced to
 * letters, digits, '-' and '_' (others become '?'), since the name also goes into shell comment lines.
 */
export function stepName(step: Step): string {
  const what = step.kind === 'preflight' ? 'Preflight OPTIONS' : `Request ${step.request.method.replace(/[^A-Za-z0-9_-]/g, '?')}`;
  return step.hop > 0 ? `${what} after redirect ${step.hop}` : what;
}

/** An export either succeeds or says, in one line, why it would not be faithful. */
export type Outcome<T> = { readonly ok: true; readonly value: T; readonly notes: readonly string[] } | { readonly ok: false; readonly reason: string };

export function ok<T>(value: T, notes: readonly string[] = []): Outcome<T> {
  return { ok: true, value, notes };
}

export function refuse<T>(reason: string): Outcome<T> {
  return { ok: false, reason };
}
