/**
 * The exchange as steps: preflight → redirect hops → actual request, with the step that failed marked and the
 * steps it prevented shown as not sent. A preflight answered from the browser's cache is a step too: it was
 * there, only not captured.
 */
import { responseUnrecorded } from '../src/explain';
import type { AnalysedExchange } from '../src/har';

export interface Step {
  readonly kind: 'preflight' | 'cached-preflight' | 'redirect' | 'request';
  readonly hop: number;
  readonly label: string;
  readonly detail: string;
  readonly state: 'ok' | 'failed' | 'not-sent' | 'unknown';
}

export function stepsOf(x: AnalysedExchange): Step[] {
  const error = x.evaluation.verdict === 'blocked' ? x.evaluation.error : null;
  const steps: Step[] = [];
  let failedYet = false;
  const last = x.record.hops.length - 1;
  x.record.hops.forEach((hop, i) => {
    const outcome = x.evaluation.hops[i];
    const pf = hop.preflight;
    if (pf) {
      const failed = error?.stage === 'preflight' && error.hop === i;
      steps.push({ kind: 'preflight', hop: i, label: 'Preflight', detail: `OPTIONS ${pf.response?.status ?? (pf.error ?? 'no response')}`, state: failedYet ? 'not-sent' : failed ? 'failed' : 'ok' });
      failedYet ||= failed;
    } else if (outcome?.preflight === 'cache' || outcome?.preflight === 'missing') {
      steps.push({ kind: 'cached-preflight', hop: i, label: outcome.preflight === 'cache' ? 'Preflight (from cache)' : 'Preflight (not captured)', detail: 'not in the capture', state: 'unknown' });
    }
    const status = hop.response?.status;
    const isRedirect = i < last;
    const failed = error !== null && error.stage !== 'preflight' && error.hop === i;
    const unrecorded = !failed && responseUnrecorded(x, i);
    steps.push({
      kind: isRedirect ? 'redirect' : 'request',
      hop: i,
      label: isRedirect ? `Redirect ${i + 1}` : x.record.hops.length > 1 ? 'Final request' : 'Request',
      detail: `${hop.method} ${status && status > 0 ? status : unrecorded ? 'no response recorded' : hop.provisional ? 'not sent' : (hop.error ?? '')}`.trim(),
      state: unrecorded ? 'unknown' : failedYet || (hop.provisional && !failed) ? 'not-sent' : failed ? 'failed' : 'ok',
    });
    failedYet ||= failed;
  });
  return steps;
}

const MARK: Readonly<Record<Step['state'], string>> = { ok: '✓', failed: '✕', 'not-sent': '–', unknown: '?' };

export function Timeline({ x }: { x: AnalysedExchange }) {
  const steps = stepsOf(x);
  return (
    <ol class="timeline" aria-label="Steps of this exchange">
      {steps.map((s, i) => (
        <li key={i} class={`step step-${s.state} step-${s.kind}`} data-state={s.state}>
          <span class="step-mark" aria-hidden="true">{MARK[s.state]}</span>
          <span class="step-label">{s.label}</span>
          <span class="step-detail mono">{s.detail}</span>
          <span class="visually-hidden">{s.state === 'failed' ? ' (failed here)' : s.state === 'not-sent' ? ' (not sent)' : ''}</span>
        </li>
      ))}
    </ol>
  );
}
