/**
 * The detail of one exchange: what failed and where, the header and its value, the line to send, why a
 * preflight was needed, what the capture cannot show, the fix with snippets, Chrome's console wording, and the
 * headers of every step with the offending one marked. Any response can be edited to try a change (what-if):
 * then all of it shows the exchange re-run with the edits, beneath a banner with the captured verdict and Reset.
 */
import { useMemo } from 'preact/hooks';
import { type Explanation, explain, fixLines } from '../src/explain';
import type { AnalysedExchange } from '../src/har';
import { CopyButton } from './copy-button';
import { ExportBar } from './export-bar';
import { displayValue } from './headers-table';
import { StackTabs } from './stack-tabs';
import { StepHeaders } from './step-headers';
import { useWhatIf } from './use-what-if';
import { WhatIfBanner } from './what-if-banner';
import { Timeline } from './timeline';
import { VerdictBadge } from './verdict-badge';

interface Props {
  x: AnalysedExchange;
  onClose(): void;
}

/** Chrome's console names the API that made the request. */
function explainInPanel(x: AnalysedExchange): Explanation {
  return explain(x, { resourceKind: x.resourceType === 'xhr' ? 'XMLHttpRequest' : 'fetch' });
}

export function Detail({ x: captured, onClose }: Props) {
  const whatIf = useWhatIf(captured);
  // Everything below shows the what-if when there is one; the exports stay those of the capture.
  const x = whatIf.shown;
  // The capture is explained once; a what-if edit re-explains only the edited exchange.
  const capturedEx = useMemo(() => explainInPanel(captured), [captured]);
  const ex = useMemo(() => (x === captured ? capturedEx : explainInPanel(x)), [x, captured, capturedEx]);
  const error = x.evaluation.verdict === 'blocked' ? x.evaluation.error : null;
  const fix = ex.fix ? fixLines(ex.fix) : [];
  return (
    <section class="detail" aria-label="Exchange detail" data-id={x.id} data-verdict={x.evaluation.verdict} data-code={error?.code ?? ''} data-what-if={whatIf.edited ? 'true' : 'false'}>
      <header class="detail-head">
        <VerdictBadge verdict={x.evaluation.verdict} warnings={x.warnings.length > 0} />
        <span class="mono method">{displayValue(x.method)}</span>
        <span class="mono url" title={x.url}>{displayValue(x.url)}</span>
        <button type="button" class="close" onClick={onClose} aria-label="Close detail" title="Close (Esc)">✕</button>
      </header>
      <ExportBar x={captured} ex={capturedEx} />
      <div class="detail-body">
        {whatIf.edited ? <WhatIfBanner captured={captured} shown={x} onReset={whatIf.reset} /> : null}
        <p class="headline" data-testid="headline">{ex.headline}</p>
        <p class="meta">
          {x.origin ? <>from <span class="mono">{displayValue(x.origin)}</span> · </> : null}
          {error ? <Codes x={x} ex={ex} /> : null}
          confidence: {x.evaluation.confidence}
        </p>
        <Timeline x={x} />

        {ex.header ? (
          <dl class="finding">
            <dt>Response</dt>
            <dd>{ex.where}</dd>
            <dt>Header</dt>
            <dd class="mono">{ex.header}</dd>
            <dt>Received</dt>
            <dd class={ex.received === null ? 'missing' : 'mono'}>{ex.received === null ? 'missing' : displayValue(ex.received)}</dd>
            {ex.sendLine ? (
              <>
                <dt>Send instead</dt>
                <dd class="send">
                  <code>{ex.sendLine}</code> <CopyButton text={ex.sendLine} />
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}

        {ex.details.map((d, i) => <p key={i}>{d}</p>)}
        {ex.preflightCause ? (
          <p class="cause">
            <strong>Why a preflight: </strong>
            {ex.preflightCause}
          </p>
        ) : null}
        {ex.otherBrowser ? (
          <p class={`other-browser${ex.otherBrowser.differs ? ' differs' : ''}`} data-browser={ex.otherBrowser.browser} data-verdict={ex.otherBrowser.verdict}>
            {ex.otherBrowser.sentence}
          </p>
        ) : null}
        {ex.caveats.length > 0 ? (
          <div class="caveats" role="note">
            <strong>What the capture cannot show</strong>
            <ul>{ex.caveats.map((c, i) => <li key={i}>{c}</li>)}</ul>
          </div>
        ) : null}
        {ex.warnings.length > 0 ? (
          <div class="warnings" role="note">
            <strong>Warnings</strong>
            <ul>{ex.warnings.map((w, i) => <li key={i}><span class="mono">{w.code}</span>: {w.text}</li>)}</ul>
          </div>
        ) : null}

        {fix.length > 0 ? <FixView lines={fix} snippets={ex.snippets} where={ex.where} /> : null}

        {ex.consoleMessage ? (
          <div class="console">
            <h3>{ex.consoleBrowser ?? 'The browser'}'s console says</h3>
            <pre class="mono">{ex.consoleMessage}</pre>
            <CopyButton text={ex.consoleMessage} />
            {ex.consoleDocs ? (
              <a class="docs" href={ex.consoleDocs} target="_blank" rel="noreferrer">
                Firefox's page for this reason
              </a>
            ) : null}
          </div>
        ) : null}

        <h3>Headers</h3>
        <StepHeaders x={x} header={ex.header} missing={ex.received === null ? ex.header : null} whatIf={whatIf} />
      </div>
    </section>
  );
}

function FixView({ lines, snippets, where }: { lines: string[]; snippets: readonly { stack: string; label: string; code: string }[]; where: string }) {
  const text = lines.join('\n');
  return (
    <div class="fix">
      <h3>The fix: {where} must carry</h3>
      <pre class="mono fix-lines">{text}</pre>
      <CopyButton text={text} label="Copy lines" />
      <StackTabs name="Server stack" items={snippets.map((s) => ({ key: s.stack, label: s.label, code: s.code }))} />
    </div>
  );
}

/** The failure's codes, the capturing browser's first: Firefox's reason key in a Firefox capture, Chrome's error otherwise. */
function Codes({ x, ex }: { x: AnalysedExchange; ex: Explanation }) {
  const error = x.evaluation.error;
  if (!error) return null;
  const code = (
    <>
      <span class="mono">{error.code}</span>
      {error.failedParameter ? <> (<span class="mono">{displayValue(error.failedParameter)}</span>)</> : null}
    </>
  );
  if (x.record.browser === 'firefox' && ex.firefoxKey) return <>Firefox: <span class="mono">{ex.firefoxKey}</span> · {code} · </>;
  return <>{code}{ex.firefoxKey ? <> · Firefox: <span class="mono">{ex.firefoxKey}</span></> : null} · </>;
}
