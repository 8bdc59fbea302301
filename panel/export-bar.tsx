/**
 * Exports of the open exchange, for the bug report: curl (with a shell menu), fetch(), a Markdown report, and
 * the PNG card (copied or saved). Redaction is on for every exchange until the user unticks it for this one.
 */
import { useState } from 'preact/hooks';
import type { CardData } from '../src/export';
import type { Explanation } from '../src/explain';
import type { AnalysedExchange } from '../src/har';
import { Card } from './card';
import { cardFooter } from './card-footer';
import { CurlMenu } from './curl-menu';
import type { NumberedStatus } from './export-status';
import { useCardOnDemand } from './use-card-on-demand';
import { useCurlFlavour } from './use-curl-flavour';
import { useEnvironment } from './use-environment';
import { useExportActions } from './use-export-actions';

export function ExportBar({ x, ex }: { x: AnalysedExchange; ex: Explanation }) {
  const [flavour, chooseFlavour] = useCurlFlavour();
  const [redact, setRedact] = useState(true);
  const env = useEnvironment();
  const card = useCardOnDemand(x, ex, redact);
  const act = useExportActions({ x, redact, env, card });

  return (
    <div class="export-bar" role="toolbar" aria-label="Export for a bug report">
      <CurlMenu flavour={flavour} onFlavour={chooseFlavour} onCopy={act.copyExport} />
      <button type="button" data-export="fetch" onClick={() => act.copyExport('fetch', 'fetch()')}>Copy as fetch</button>
      <button type="button" data-export="markdown" onClick={() => act.copyExport('markdown', 'the Markdown report')}>Copy report (Markdown)</button>
      <button type="button" data-export="copy-image" onClick={act.copyImage}>Copy image</button>
      <button type="button" data-export="save-image" onClick={act.saveImage}>Save image</button>
      <label class="redact" title="Cookie, Authorization, tokens and API keys become [REDACTED] in every export">
        <input type="checkbox" checked={redact} onChange={(e) => setRedact((e.target as HTMLInputElement).checked)} /> Redact secrets
      </label>
      <StatusLine status={act.status} />
      <CardStage data={card.data} footer={cardFooter(env, redact)} holder={card.holder} />
    </div>
  );
}

function StatusLine({ status }: { status: NumberedStatus | null }) {
  // Always in the DOM, empty when idle: a live region announces changes only if it was there before them.
  return status ? (
    <p class="export-status" role="status" data-state={status.state} data-seq={status.seq}>{status.text}</p>
  ) : (
    <p class="export-status" role="status" data-state="idle" />
  );
}

/** Off-screen, where the card is laid out for its picture. */
function CardStage({ data, footer, holder }: { data: CardData | null; footer: string; holder(el: HTMLDivElement | null): void }) {
  return (
    <div class="card-stage" aria-hidden="true">
      {data ? (
        <div ref={holder}>
          <Card data={data} footer={footer} />
        </div>
      ) : null}
    </div>
  );
}
