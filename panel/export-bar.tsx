/**
 * Exports of the open exchange, for the bug report: curl (with a shell menu), fetch(), a Markdown report, and
 * the PNG card (copied or saved). Redaction is on for every exchange until the user unticks it for this one.
 * Anything refused (a header that cannot be sent as recorded, a command too long for cmd) is said in the
 * status line, never copied half-right.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cardData, type ExportFormat, exportExchange, SHELLS, type CurlFlavour } from '../src/export';
import type { Explanation } from '../src/explain';
import type { AnalysedExchange } from '../src/har';
import { Card } from './card';
import { cardPng } from './card-image';
import { copyText } from './copy';
import { type Environment, environment, TOOL } from './environment';

const FLAVOUR_KEY = 'cors-lens.curl-flavour';
const CURL_FORMAT: Readonly<Record<CurlFlavour, ExportFormat>> = { bash: 'curl', cmd: 'curl-cmd', powershell: 'curl-powershell' };

interface Status {
  readonly state: 'ok' | 'refused' | 'failed';
  readonly text: string;
}

/** Counts status changes, so a second identical message still reads as new (to screen readers and tests). */
let statusSeq = 0;

function savedFlavour(): CurlFlavour {
  try {
    const v = localStorage.getItem(FLAVOUR_KEY);
    if (v === 'bash' || v === 'cmd' || v === 'powershell') return v;
  } catch {
    // Storage unavailable: the default stands.
  }
  return 'bash';
}

function fileName(x: AnalysedExchange): string {
  let host = 'request';
  try {
    host = new URL(x.url).host;
  } catch {
    // Keep the generic name.
  }
  return `cors-lens-${x.method}-${host}-${x.id}.png`.replace(/[^A-Za-z0-9._-]+/g, '_');
}

export function ExportBar({ x, ex }: { x: AnalysedExchange; ex: Explanation }) {
  const [flavour, setFlavour] = useState<CurlFlavour>(savedFlavour);
  const [redact, setRedact] = useState(true);
  const [status, setStatusNow] = useState<(Status & { seq: number }) | null>(null);
  const setStatus = (st: Status) => setStatusNow({ ...st, seq: ++statusSeq });
  const [env, setEnv] = useState<Environment>({ browser: null, tool: TOOL });
  // The card is laid out only once a picture is asked for: most exchanges opened are never photographed.
  const [cardOn, setCardOn] = useState(false);
  const card = useRef<HTMLElement | null>(null);
  const cardMounted = useRef<((el: HTMLElement) => void) | null>(null);
  useEffect(() => {
    void environment().then(setEnv);
  }, []);
  const data = useMemo(() => (cardOn ? cardData(x, ex, redact) : null), [cardOn, x, ex, redact]);
  const holder = (el: HTMLDivElement | null) => {
    card.current = el?.firstElementChild instanceof HTMLElement ? el.firstElementChild : null;
    if (card.current && cardMounted.current) {
      cardMounted.current(card.current);
      cardMounted.current = null;
    }
  };
  const footer = [env.tool, env.browser, redact ? 'secrets redacted' : 'not redacted'].filter(Boolean).join(' · ');

  const copyExport = async (format: ExportFormat, what: string) => {
    const out = exportExchange(x, format, { redact, explanation: ex, context: env });
    if (!out.ok) {
      setStatus({ state: 'refused', text: `Not copied: ${what} ${out.reason}.` });
      return;
    }
    const copied = await copyText(out.value);
    setStatus(copied ? { state: 'ok', text: `Copied ${what}${redact ? ' (secrets redacted)' : ' (not redacted)'}.` } : { state: 'failed', text: 'The clipboard refused the copy.' });
  };

  const image = async (): Promise<Blob | null> => {
    const node =
      card.current ??
      (await new Promise<HTMLElement>((resolve) => {
        cardMounted.current = resolve;
        setCardOn(true);
      }));
    try {
      return await cardPng(node);
    } catch (e) {
      setStatus({ state: 'failed', text: `The image could not be made: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    }
  };

  const copyImage = async () => {
    const blob = await image();
    if (!blob) return;
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
      setStatus({ state: 'ok', text: 'Copied the image.' });
    } catch {
      setStatus({ state: 'failed', text: 'DevTools did not let the panel put an image on the clipboard: use Save image.' });
    }
  };

  const saveImage = async () => {
    const blob = await image();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(x);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ state: 'ok', text: `Saved ${a.download}.` });
  };

  const chooseFlavour = (value: string) => {
    const v = value as CurlFlavour;
    setFlavour(v);
    try {
      localStorage.setItem(FLAVOUR_KEY, v);
    } catch {
      // Not remembered; still used now.
    }
  };

  return (
    <div class="export-bar" role="toolbar" aria-label="Export for a bug report">
      <span class="split">
        <button type="button" data-export="curl" onClick={() => copyExport(CURL_FORMAT[flavour], `curl for ${SHELLS[flavour].label}`)}>Copy as curl</button>
        <select aria-label="Shell for curl" value={flavour} onChange={(e) => chooseFlavour((e.target as HTMLSelectElement).value)}>
          {(Object.keys(SHELLS) as CurlFlavour[]).map((k) => (
            <option key={k} value={k}>{SHELLS[k].label}</option>
          ))}
        </select>
      </span>
      <button type="button" data-export="fetch" onClick={() => copyExport('fetch', 'fetch()')}>Copy as fetch</button>
      <button type="button" data-export="markdown" onClick={() => copyExport('markdown', 'the Markdown report')}>Copy report (Markdown)</button>
      <button type="button" data-export="copy-image" onClick={copyImage}>Copy image</button>
      <button type="button" data-export="save-image" onClick={saveImage}>Save image</button>
      <label class="redact" title="Cookie, Authorization, tokens and API keys become [REDACTED] in every export">
        <input type="checkbox" checked={redact} onChange={(e) => setRedact((e.target as HTMLInputElement).checked)} /> Redact secrets
      </label>
      {status ? (
        <p class="export-status" role="status" data-state={status.state} data-seq={status.seq}>{status.text}</p>
      ) : (
        <p class="export-status" role="status" data-state="idle" />
      )}
      <div class="card-stage" aria-hidden="true">
        {data ? (
          <div ref={holder}>
            <Card data={data} footer={footer} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
