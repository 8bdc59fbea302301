/**
 * Why a request needed a preflight, as one sentence. "Why is there an OPTIONS request at all?" is where most
 * users start, and the answer is usually one header value they did not think of (Content-Type: application/json).
 */
import { cap } from './captured';
import { MAX_SAFELISTED_TOTAL_BYTES, MAX_SAFELISTED_VALUE_BYTES, type PreflightReason } from '../cors';

/** Display names for the safelisted request headers; everything else is shown as Chrome names it (lower case). */
const DISPLAY: Readonly<Record<string, string>> = {
  accept: 'Accept',
  'accept-language': 'Accept-Language',
  'content-language': 'Content-Language',
  'content-type': 'Content-Type',
  range: 'Range',
};

const MAX_SHOWN = 80;

export function shorten(value: string, max = MAX_SHOWN): string {
  return value.length > max ? `${value.slice(0, max)}...` : value;
}

function headerPhrase(r: Extract<PreflightReason, { kind: 'header' }>): string {
  const shownName = DISPLAY[r.name] ?? r.name;
  const name = cap(shownName);
  const line = cap(`${shownName}: ${shorten(r.value)}`);
  switch (r.reason) {
    case 'name-not-safelisted':
      return `the header ${name}`;
    case 'content-type-not-simple':
      return `the header ${line} (not one of the three simple content types: application/x-www-form-urlencoded, multipart/form-data, text/plain)`;
    case 'value-too-long':
      return `the header ${name} (its value is longer than ${r.limit ?? MAX_SAFELISTED_VALUE_BYTES} bytes)`;
    case 'unsafe-byte': {
      const ch = r.unsafeChar;
      const shown = ch === undefined ? 'a character' : /[\u0000-\u001f\u007f]/.test(ch) ? 'a control character' : cap(`'${ch}'`);
      return `the header ${line} (it contains ${shown}, which a simple header may not)`;
    }
    case 'language-byte':
      return `the header ${line} (only letters, digits, space and * , - . ; = are simple)`;
    case 'range-not-simple':
      return `the header ${line} (only a single range bytes=start- or bytes=start-end is simple)`;
    case 'client-hint-syntax':
      return `the header ${line} (not a value of the form the browser allows for this hint)`;
    case 'safelisted-total-too-long':
      return `the header ${name} (the simple headers together are longer than ${r.limit ?? MAX_SAFELISTED_TOTAL_BYTES} bytes)`;
  }
}

export function preflightCause(reasons: readonly PreflightReason[]): string | null {
  if (reasons.length === 0) return null;
  const parts = reasons.map((r) => (r.kind === 'method' ? `the method ${cap(r.method)}` : headerPhrase(r)));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `A preflight was needed because of ${list}.`;
}
