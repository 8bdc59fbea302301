/**
 * Says that the detail shows a what-if, not the capture: the captured verdict, the verdict with the edits, and
 * Reset. Where the edits let through a request the browser never sent, it says the capture holds no answer to
 * it, and how to add one.
 */
import type { AnalysedExchange } from '../src/har';
import { VerdictBadge } from './verdict-badge';

export function WhatIfBanner({ captured, shown, onReset }: { captured: AnalysedExchange; shown: AnalysedExchange; onReset(): void }) {
  const was = captured.evaluation;
  const now = shown.evaluation;
  const unsent = now.verdict === 'unknown' && shown.record.hops.some((h) => h.response === null);
  return (
    <div class="what-if" role="status" data-captured={was.verdict} data-verdict={now.verdict}>
      <p>
        <strong>What if</strong> the server sent the headers you edited: <VerdictBadge verdict={now.verdict} warnings={shown.warnings.length > 0} />
        {now.error ? <span class="mono"> {now.error.code}</span> : null}. Captured: <VerdictBadge verdict={was.verdict} warnings={captured.warnings.length > 0} />
        {was.error ? <span class="mono"> {was.error.code}</span> : null}. Nothing was sent to any server: this is the browser's check re-run on your lines.
      </p>
      {unsent ? <p>The browser would now send the request, and the capture holds no answer to it: use "Add a response" on that step below to try one.</p> : null}
      <button type="button" onClick={onReset}>
        Reset to the capture
      </button>
    </div>
  );
}
